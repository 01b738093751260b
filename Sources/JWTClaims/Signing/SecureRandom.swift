/// Cryptographically secure random bytes: where refresh tokens and JWT IDs get their randomness.
///
/// The layers above ``ES256`` reach OpenSSL only through fronts like this one (and ``SHA256`` and ``ConstantTime``),
/// so the C library stays behind `Signing/OpenSSL/`, which CI checks. The bytes come from OpenSSL's public CSPRNG,
/// the generator that also makes this library's keys; see the backend for why it is preferred to the standard
/// library's generator (a failure becomes a typed error instead of a trap).
///
/// `package`, not internal: the service (JWTClaimsHummingbird) makes API-key ids and secrets with it (see ``SHA256``
/// for why `package` is used in this multi-module package).
package enum SecureRandom {
    /// `count` random bytes.
    ///
    /// - Throws: ``JWTError/Code/cryptographicFailure`` when the generator cannot be seeded, or `count` is negative or
    ///   above `Int32.max`.
    package static func bytes(count: Int) throws(JWTError) -> [UInt8] {
        try OpenSSLRandom.bytes(count: count)
    }
}
