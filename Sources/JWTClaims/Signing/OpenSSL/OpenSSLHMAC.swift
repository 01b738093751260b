internal import COpenSSL

/// HMAC (RFC 2104) with SHA-256, SHA-384 or SHA-512 through OpenSSL 3's `EVP_MAC`, for one secret key.
///
/// Owns the secret (wiped when the key goes) and a pool of `EVP_MAC_CTX`s set up with it: a context from the pool is
/// reset with `EVP_MAC_init(ctx, NULL, 0, NULL)`, which keeps the key and restarts the computation, so a MAC costs
/// no key schedule and no context set-up (OpenSSL 3.0 still allocates twice inside each MAC, copying its digest
/// states; `openssl speed -hmac` pays the same). The contexts are freed exactly once, in `deinit`.
///
/// `@unchecked Sendable`: the secret is written once, before the object is shared, and the contexts are used by one
/// caller at a time through the pool (openssl-threads(7)).
@safe final class OpenSSLHMACKey: @unchecked Sendable {
    /// The process-wide HMAC implementation, fetched once and never freed (like ``OpenSSLDigest``'s hashes).
    @safe private struct Method: @unchecked Sendable {
        let pointer: OpaquePointer?
    }
    private static let method = unsafe Method(pointer: EVP_MAC_fetch(nil, OpenSSLNames.hmac.cString, nil))

    /// The secret.
    let secret: SecretBytes
    /// The hash.
    let digest: Digest
    /// Contexts initialised with the secret and the hash.
    let contexts = OpenSSLContextPool(kind: .mac)

    /// Holds a copy of `secret` for HMAC with `digest`.
    init(secret: UnsafeRawBufferPointer, digest: Digest) throws(JWTError) {
        self.secret = try unsafe SecretBytes(copying: secret)
        self.digest = digest
    }

    deinit {
        contexts.freeAll()
    }

    /// The HMAC of `message`, ``Digest/byteCount`` bytes.
    ///
    /// Written without closures returning `Result`: at 0.6 µs of OpenSSL work per MAC, the generic metadata lookups
    /// and copies around them cost several percent (Benchmarks/Callgrind counts them).
    func authenticationCode(for message: UnsafeRawBufferPointer) throws(JWTError) -> [UInt8] {
        var code = Self.zeroedCode(byteCount: digest.byteCount)
        var failure: JWTError?
        unsafe code.withUnsafeMutableBytes { output in
            do throws(JWTError) {
                try unsafe computeCode(of: message, into: output)
            } catch {
                failure = error
            }
        }
        if let failure {
            throw failure
        }
        return code
    }

    /// Writes the HMAC of `message` into `output`, which holds exactly ``Digest/byteCount`` bytes.
    /// Wraps `EVP_MAC_init`, `EVP_MAC_update` and `EVP_MAC_final`.
    private func computeCode(
        of message: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(JWTError) {
        OpenSSLErrorQueue.clear()
        let context = try unsafe contexts.take(make: makeContext)
        var length = 0
        let succeeded =
            unsafe EVP_MAC_init(context, nil, 0, nil) == 1
            && EVP_MAC_update(context, message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count) == 1
            && EVP_MAC_final(
                context,
                output.baseAddress?.assumingMemoryBound(to: UInt8.self),
                &length,
                output.count
            ) == 1
        guard succeeded else {
            unsafe contexts.discard(context)
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "HMAC failed")
        }
        unsafe contexts.giveBack(context)
        guard length == digest.byteCount, output.count == length else {
            throw .cryptographicFailure("OpenSSL made an HMAC of \(length) bytes, not \(digest.byteCount)")
        }
    }

    /// A zeroed array of `byteCount` bytes (32, 48 or 64), for the MAC to be written into.
    ///
    /// Array literals, because they allocate through a type the compiler knows here: `[UInt8](repeating:count:)`
    /// and `[UInt8](unsafeUninitializedCapacity:)` go through the standard library's unspecialised allocator, which
    /// looks `_ContiguousArrayStorage<UInt8>` up at run time, about 400 instructions on every MAC (measured with
    /// callgrind, Benchmarks/Callgrind).
    private static func zeroedCode(byteCount: Int) -> [UInt8] {
        switch byteCount {
        case 32:
            [
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            ]
        case 48:
            [
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            ]
        case 64:
            [
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            ]
        default:
            [UInt8](repeating: 0, count: byteCount)
        }
    }

    /// Whether `code` is the HMAC of `message`, compared in constant time; `false` for another length.
    ///
    /// The expected MAC is computed on the stack and never becomes an array: one allocation less per verification.
    func isValid(_ code: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer) -> Bool {
        let byteCount = digest.byteCount
        guard code.count == byteCount else { return false }
        return unsafe withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 1) { expected in
            guard (try? unsafe computeCode(of: message, into: expected)) != nil else { return false }
            // Both buffers hold `byteCount` (32 to 64) bytes, so their base addresses are non-nil.
            let equal = unsafe CRYPTO_memcmp(expected.baseAddress, code.baseAddress, byteCount) == 0
            // A valid MAC for a message the caller chose: not left behind on the stack.
            unsafe OPENSSL_cleanse(expected.baseAddress, byteCount)
            return equal
        }
    }

    /// A new context set up with the secret and the hash.
    /// Wraps `EVP_MAC_CTX_new`, `OSSL_PARAM_construct_utf8_string` and `EVP_MAC_init`.
    func makeContext() throws(JWTError) -> OpaquePointer {
        guard let method = unsafe Self.method.pointer else {
            throw .cryptographicFailure("OpenSSL could not fetch HMAC from its default provider")
        }
        guard let context = unsafe EVP_MAC_CTX_new(method) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not allocate an EVP_MAC_CTX")
        }
        let digestName: StaticString =
            switch digest {
            case .sha256: OpenSSLNames.sha256
            case .sha384: OpenSSLNames.sha384
            case .sha512: OpenSSLNames.sha512
            }
        // The parameters point at static names only; EVP_MAC_init copies what it keeps.
        let parameters = unsafe [
            OSSL_PARAM_construct_utf8_string(
                OpenSSLNames.digest.cString,
                UnsafeMutablePointer(mutating: digestName.cString),
                0
            ),
            OSSL_PARAM_construct_end(),
        ]
        let status = try unsafe secret.withUnsafeBytes { (key) throws(JWTError) in
            unsafe parameters.withUnsafeBufferPointer { parameterBuffer in
                unsafe EVP_MAC_init(
                    context,
                    key.baseAddress?.assumingMemoryBound(to: UInt8.self),
                    key.count,
                    parameterBuffer.baseAddress
                )
            }
        }
        guard status == 1 else {
            unsafe EVP_MAC_CTX_free(context)
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not set up HMAC-\(digest.name)")
        }
        return unsafe context
    }
}
