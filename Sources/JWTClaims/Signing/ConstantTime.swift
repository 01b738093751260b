/// Comparison of secret-derived bytes in time that does not depend on where they differ, so that a caller who
/// guesses byte by byte learns nothing from how long a refusal takes.
///
/// A front over the OpenSSL backend (`CRYPTO_memcmp`), so that no layer above Signing names OpenSSL (CI checks).
enum ConstantTime {
    /// Whether `lhs` and `rhs` hold the same bytes, in time that depends only on their lengths, which must be
    /// public (digests of a fixed size are).
    static func isEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        OpenSSLConstantTime.equals(lhs, rhs)
    }
}
