internal import COpenSSL

/// SHA-256, SHA-384 and SHA-512 through OpenSSL, each fetched once per process.
///
/// `EVP_MD_fetch` looks the implementation up in the provider store; doing that for every hash would cost a lock
/// and a search, so the fetched `EVP_MD` is kept for the life of the process (it is a read-only method table,
/// shareable between threads per openssl-threads(7)). It is deliberately never freed: it is reachable from these
/// globals until exit, like OpenSSL's own cached implicit fetches.
@safe final class OpenSSLDigest: @unchecked Sendable {
    /// The process-wide SHA-256; its `method` is nil only if the default provider cannot be loaded.
    static let sha256 = OpenSSLDigest(.sha256, name: "SHA256")
    /// The process-wide SHA-384.
    static let sha384 = OpenSSLDigest(.sha384, name: "SHA384")
    /// The process-wide SHA-512.
    static let sha512 = OpenSSLDigest(.sha512, name: "SHA512")

    /// The fetched implementation of `digest`.
    static func of(_ digest: Digest) -> OpenSSLDigest {
        switch digest {
        case .sha256: sha256
        case .sha384: sha384
        case .sha512: sha512
        }
    }

    /// Which hash this is.
    let digest: Digest
    /// The fetched `EVP_MD*`, or nil if the fetch failed.
    private let method: OpaquePointer?

    private init(_ digest: Digest, name: String) {
        self.digest = digest
        unsafe method = EVP_MD_fetch(nil, name, nil)
    }

    /// Runs `body` with the fetched `EVP_MD*`. Throws `.cryptographicFailure` if the hash is unavailable.
    func withUnsafeMethod<Result>(
        _ body: (OpaquePointer) throws(JWTError) -> Result
    ) throws(JWTError) -> Result {
        guard let method = unsafe method else {
            throw .cryptographicFailure("OpenSSL could not fetch \(digest.name) from its default provider")
        }
        return try unsafe body(method)
    }

    /// Hashes `message` into the first ``Digest/byteCount`` bytes of `digest`. Wraps the one-shot `EVP_Digest`.
    func hash(_ message: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(JWTError) {
        let byteCount = digest.byteCount
        guard output.count >= byteCount else {
            throw .cryptographicFailure("a \(digest.name) digest needs \(byteCount) bytes of room")
        }
        try unsafe withUnsafeMethod { (method: OpaquePointer) throws(JWTError) in
            var length: UInt32 = 0
            // EVP_Digest reads `count` bytes; an empty message may have a nil base address, which it accepts.
            let status = unsafe EVP_Digest(
                message.baseAddress,
                message.count,
                output.baseAddress?.assumingMemoryBound(to: UInt8.self),
                &length,
                method,
                nil
            )
            guard status == 1, length == byteCount else {
                throw OpenSSLErrorQueue.failure(.cryptographicFailure, "\(digest.name) failed")
            }
        }
    }

    /// The digest of `message` as a new array (for ``SHA256``; the signing paths hash into scratch space instead).
    func hash(_ message: UnsafeRawBufferPointer) throws(JWTError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: digest.byteCount)
        let outcome = unsafe output.withUnsafeMutableBytes { buffer in
            Result { () throws(JWTError) in try unsafe hash(message, into: buffer) }
        }
        try outcome.get()
        return output
    }
}
