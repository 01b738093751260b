/// Comparison of secret-derived bytes in time that does not depend on where they differ, so that a caller who
/// guesses byte by byte learns nothing from how long a refusal takes.
///
/// A front over the OpenSSL backend (`CRYPTO_memcmp`), so that no layer above Signing names OpenSSL (CI checks).
///
/// `package`, not internal: the service (JWTClaimsHummingbird) compares API-secret digests with it (see ``SHA256``
/// for why `package` is used in this multi-module package).
package enum ConstantTime {
    /// Whether `lhs` and `rhs` hold the same bytes, in time that depends only on their lengths, which must be
    /// public (digests of a fixed size are).
    package static func isEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        OpenSSLConstantTime.equals(lhs, rhs)
    }
}
