/// SHA-256 (FIPS 180-4) for the digests the library keeps and compares: refresh-token secrets and RFC 7638 JWK
/// thumbprints.
///
/// A front over the OpenSSL backend, so that no layer above Signing names OpenSSL (CI checks). ECDSA hashes its
/// message inside the backend instead, into scratch space, without this array.
///
/// `package`, not internal: the service (JWTClaimsHummingbird) keeps API secrets as SHA-256 digests and must hash a
/// presented secret the same way, without a second SHA-256 of its own. STYLE's "no `package`" rule dates from the
/// single-module package; `package` stays invisible to the library's users.
package enum SHA256 {
    /// Bytes in a digest.
    package static let byteCount = 32

    /// The SHA-256 digest of `message` (any byte collection; contiguous ones are not copied).
    ///
    /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL cannot provide SHA-256.
    package static func hash(_ message: some Collection<UInt8>) throws(JWTError) -> [UInt8] {
        try unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
            try unsafe OpenSSLDigest.sha256.hash(bytes)
        }
    }
}
