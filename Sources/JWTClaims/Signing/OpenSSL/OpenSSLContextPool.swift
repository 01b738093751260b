internal import COpenSSL
import Synchronization

/// A small pool of initialised OpenSSL contexts for one key and one operation (signing or verifying).
///
/// Setting a context up (`EVP_PKEY_CTX_new_from_pkey` + `EVP_PKEY_sign_init`, or an HMAC context with its key) costs
/// about a fifth of an ECDSA signature, so contexts are reused. A context must not be used by two threads at once
/// (openssl-threads(7)), so a caller takes one out of the pool, uses it alone, and puts it back. When the pool is
/// empty a new context is made; when it is full the returned context is freed. The pool therefore never holds more
/// than ``capacity`` idle contexts, and concurrency is never limited by it.
///
/// One idle context sits in an atomic slot in front of the locked list: a single caller at a time (the common case)
/// takes and returns it with one atomic exchange each instead of two lock round trips, which is measurable on an
/// HMAC (0.6 µs of OpenSSL work).
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
    /// The address of one idle context, or 0.
    private let hot = Atomic<UInt>(0)
    /// Further idle contexts, at most ``capacity`` - 1.
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
        idle.withLock { $0.count } + (hot.load(ordering: .relaxed) == 0 ? 0 : 1)
    }

    /// Runs `body` with a context of its own: an idle one from the pool, or a new one from `make`. The context goes
    /// back to the pool afterwards unless `body` failed (then OpenSSL's state in it is not trusted and it is freed).
    func withContext<Success>(
        make: () throws(JWTError) -> OpaquePointer,
        _ body: (OpaquePointer) -> Result<Success, JWTError>
    ) throws(JWTError) -> Success {
        let context = try unsafe take(make: make)
        switch unsafe body(context) {
        case .success(let value):
            unsafe giveBack(context)
            return value
        case .failure(let error):
            unsafe discard(context)
            throw error
        }
    }

    /// A context for the caller alone: an idle one from the pool, or a new one from `make`. The caller must hand it
    /// to ``giveBack(_:)`` after a successful use or to ``discard(_:)`` after a failed one, exactly once.
    ///
    /// The closure-free form of ``withContext(make:_:)``, for the cheapest operations (on an HMAC the generic machinery
    /// around a closure returning a `Result` costs several percent).
    func take(make: () throws(JWTError) -> OpaquePointer) throws(JWTError) -> OpaquePointer {
        // Acquiring: whatever the last user of the context wrote into it happened before this.
        if let reused = unsafe OpaquePointer(bitPattern: hot.exchange(0, ordering: .acquiring)) {
            return unsafe reused
        }
        if let reused = idle.withLock({ $0.popLast() }) {
            return unsafe reused.pointer
        }
        return try unsafe make()
    }

    /// Returns a context after a successful use: kept for the next caller, or freed when ``capacity`` contexts are
    /// idle already.
    func giveBack(_ context: OpaquePointer) {
        let address = UInt(bitPattern: Int(bitPattern: context))
        if hot.compareExchange(expected: 0, desired: address, ordering: .releasing).exchanged {
            return
        }
        let isKept = idle.withLock { contexts in
            guard contexts.count < Self.capacity - 1 else { return false }
            unsafe contexts.append(IdleContext(pointer: context))
            return true
        }
        if !isKept {
            unsafe free(context)
        }
    }

    /// Frees a context after a failed use: OpenSSL's state in it is not trusted any more.
    func discard(_ context: OpaquePointer) {
        unsafe free(context)
    }

    /// Frees every idle context. Called from the owning key's `deinit`.
    func freeAll() {
        if let context = unsafe OpaquePointer(bitPattern: hot.exchange(0, ordering: .acquiring)) {
            unsafe free(context)
        }
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
