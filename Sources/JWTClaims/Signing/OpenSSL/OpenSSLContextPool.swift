internal import COpenSSL
import Synchronization

/// A small pool of initialised OpenSSL contexts for one key and one operation (signing or verifying).
///
/// Setting a context up (`EVP_PKEY_CTX_new_from_pkey` + `EVP_PKEY_sign_init`, or an HMAC context with its key) costs
/// about a fifth of an ECDSA signature, so contexts are reused. A context must not be used by two threads at once
/// (openssl-threads(7)), so a caller takes one out of the pool, uses it alone, and puts it back. When the pool is
/// empty a new context is made; when it is full the returned context is freed. The pool therefore never holds more
/// than ``capacity`` idle contexts, and concurrency is never limited by it.
final class OpenSSLContextPool: Sendable {
    /// What the pool holds, which decides how a context is freed.
    enum Kind: Sendable {
        /// `EVP_PKEY_CTX` (ECDSA, RSA).
        case key
        /// `EVP_MAC_CTX` (HMAC).
        case mac
    }

    /// One context in the idle list. `@unchecked Sendable`: only ever touched by whoever took it out of the list, so
    /// it is never used by two threads at once.
    @safe private struct IdleContext: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// The most idle contexts kept per key; more concurrent callers still work, their extra contexts are freed.
    static let capacity = 16

    private let kind: Kind
    private let idle: Mutex<[IdleContext]>

    init(kind: Kind) {
        self.kind = kind
        var contexts: [IdleContext] = []
        // Reserving up front means taking and returning contexts never allocates.
        contexts.reserveCapacity(Self.capacity)
        idle = Mutex(contexts)
    }

    /// How many contexts wait in the pool now: none before the key's first operation, and never more than
    /// ``capacity``. Every operation that succeeds leaves at least one behind, so tests read it as evidence that a
    /// key was, or was not, used.
    var idleCount: Int {
        idle.withLock { $0.count }
    }

    /// Runs `body` with a context of its own: an idle one from the pool, or a new one from `make`. The context goes
    /// back to the pool afterwards unless `body` failed (then OpenSSL's state in it is not trusted and it is freed).
    func withContext<Success>(
        make: () throws(JWTError) -> OpaquePointer,
        _ body: (OpaquePointer) -> Result<Success, JWTError>
    ) throws(JWTError) -> Success {
        let context: OpaquePointer
        if let reused = idle.withLock({ $0.popLast() }) {
            unsafe context = reused.pointer
        } else {
            unsafe context = try make()
        }
        let result = unsafe body(context)
        switch result {
        case .success(let value):
            let isKept = idle.withLock { contexts in
                guard contexts.count < Self.capacity else { return false }
                unsafe contexts.append(IdleContext(pointer: context))
                return true
            }
            if !isKept {
                unsafe free(context)
            }
            return value
        case .failure(let error):
            unsafe free(context)
            throw error
        }
    }

    /// Frees every idle context. Called from the owning key's `deinit`.
    func freeAll() {
        let contexts = idle.withLock { contexts in
            defer { contexts.removeAll() }
            return contexts
        }
        for context in contexts {
            unsafe free(context.pointer)
        }
    }

    /// Frees one context of this pool's kind. Wraps `EVP_PKEY_CTX_free` and `EVP_MAC_CTX_free`.
    private func free(_ context: OpaquePointer) {
        switch kind {
        case .key: unsafe EVP_PKEY_CTX_free(context)
        case .mac: unsafe EVP_MAC_CTX_free(context)
        }
    }
}
