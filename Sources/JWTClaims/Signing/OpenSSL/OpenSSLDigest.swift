internal import COpenSSL

/// SHA-256 through OpenSSL, with the algorithm fetched once per process.
///
/// `EVP_MD_fetch` looks the implementation up in the provider store; doing that for every hash would cost a lock
/// and a search, so the fetched `EVP_MD` is kept for the life of the process (it is a read-only method table,
/// shareable between threads per openssl-threads(7)). It is deliberately never freed: it is reachable from this
/// global until exit, like OpenSSL's own cached implicit fetches.
@safe final class OpenSSLDigest: @unchecked Sendable {
    /// The process-wide SHA-256; its `method` is nil only if the default provider cannot be loaded.
    static let sha256 = OpenSSLDigest()

    /// The fetched `EVP_MD*`, or nil if the fetch failed.
    private let method: OpaquePointer?

    private init() {
        unsafe method = EVP_MD_fetch(nil, "SHA256", nil)
    }

    /// Runs `body` with the fetched `EVP_MD*`. Throws `.cryptographicFailure` if SHA-256 is unavailable.
    func withUnsafeMethod<Result>(
        _ body: (OpaquePointer) throws(JWTError) -> Result
    ) throws(JWTError) -> Result {
        guard let method = unsafe method else {
            throw .cryptographicFailure("OpenSSL could not fetch SHA-256 from its default provider")
        }
        return try unsafe body(method)
    }

    /// Hashes `message` into the first 32 bytes of `digest`. Wraps the one-shot `EVP_Digest`.
    func hash(_ message: UnsafeRawBufferPointer, into digest: UnsafeMutableRawBufferPointer) throws(JWTError) {
        guard digest.count >= SHA256.byteCount else {
            throw .cryptographicFailure("a SHA-256 digest needs 32 bytes of room")
        }
        try unsafe withUnsafeMethod { (method: OpaquePointer) throws(JWTError) in
            var length: UInt32 = 0
            // EVP_Digest reads `count` bytes; an empty message may have a nil base address, which it accepts.
            let status = unsafe EVP_Digest(
                message.baseAddress,
                message.count,
                digest.baseAddress?.assumingMemoryBound(to: UInt8.self),
                &length,
                method,
                nil
            )
            guard status == 1, length == SHA256.byteCount else {
                throw OpenSSLErrorQueue.failure(.cryptographicFailure, "SHA-256 failed")
            }
        }
    }

    /// SHA-256 of `message` as a new array (for ``SHA256``; the signing path hashes into scratch space instead).
    func hash(_ message: UnsafeRawBufferPointer) throws(JWTError) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: SHA256.byteCount)
        let outcome = unsafe digest.withUnsafeMutableBytes { output in
            Result { () throws(JWTError) in try unsafe hash(message, into: output) }
        }
        try outcome.get()
        return digest
    }
}
