public import JWTClaims

/// A freshly made API key with its secret: what `jwt-claims apikey new` prints once and adds to the key file.
///
/// ```swift
/// let new = try NewAPIKey.generate()
/// let file = try APIKeySet.adding(new.key, toFile: existingBytes)   // write with mode 0600
/// print("API_KEY_ID=\(new.key.id)")
/// print("API_SECRET_KEY=\(new.secret)")
/// ```
///
/// The secret exists only in this value; the file keeps its SHA-256 digest. ``description`` redacts it.
public struct NewAPIKey: Sendable, CustomStringConvertible {
    /// The key as the file keeps it.
    public let key: APIKey
    /// The secret, to show the user once: 32 random bytes (256 bits) as unpadded Base64URL (43 characters).
    public let secret: String

    /// Makes a key with a random id (16 random bytes, 22 Base64URL characters, never a reserved path segment) and a
    /// random 256-bit secret, both from OpenSSL's CSPRNG.
    ///
    /// - Parameters:
    ///   - allowedOrigins: The browser origins the key allows; default any.
    ///   - name: An optional label for operators.
    /// - Throws: `cryptographicFailure` when the random generator fails.
    public static func generate(
        allowedOrigins: AllowedOrigins = .any,
        name: String? = nil
    ) throws(JWTError)
        -> NewAPIKey
    {
        // A random 22-character id can equal no reserved name (they are shorter), so the loop never repeats in
        // practice; it is bounded anyway.
        for _ in 0..<8 {
            let id = Base64URL.encode(try SecureRandom.bytes(count: 16))
            guard (try? APIKey.validate(id: id)) != nil else { continue }
            let secret = Base64URL.encode(try SecureRandom.bytes(count: 32))
            let key = try APIKey(
                id: id,
                secretDigest: try SHA256.hash(Array(secret.utf8)),
                allowedOrigins: allowedOrigins,
                name: name
            )
            return NewAPIKey(key: key, secret: secret)
        }
        throw JWTError(code: .cryptographicFailure, reason: "could not make a valid API key id")
    }

    /// The key's id, the secret redacted.
    public var description: String {
        "NewAPIKey(id: \(JWTError.quoted(key.id)), secret: <redacted>)"
    }
}
