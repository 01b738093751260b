public import JWTClaims

/// One of the service's signing keys and its key id (`kid`).
///
/// The service holds several: the first signs every token it mints; all of them verify and are published in the
/// JWK Set. Restarting with a new key first and the old one after it is a key rotation: tokens signed by the old key
/// stay valid until they expire.
public struct SigningKey: Sendable, CustomStringConvertible {
    /// The private key.
    public let key: ES256.PrivateKey
    /// The key id published in the JWK Set and written into each token's header.
    public let keyID: String

    /// A signing key with `keyID`, by default the public key's RFC 7638 thumbprint (what `jwt-claims serve` uses
    /// unless a JWK file names its own `kid`).
    public init(key: ES256.PrivateKey, keyID: String? = nil) {
        self.key = key
        self.keyID = keyID ?? key.publicKey.thumbprint
    }

    /// The key id and the public key's thumbprint; never the private key.
    public var description: String {
        "SigningKey(keyID: \(JWTError.quoted(keyID)), key: \(key))"
    }
}
