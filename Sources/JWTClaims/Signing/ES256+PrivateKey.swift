extension ES256 {
    /// A P-256 private key that makes ES256 signatures.
    ///
    /// Import is strict: the key must be an EC key on the named curve P-256 whose private scalar d lies in
    /// [1, n − 1] and matches its public point (d·G = Q, checked by OpenSSL). Its ``description`` never shows
    /// the scalar.
    ///
    /// A `PrivateKey` is immutable and safe to share: any number of tasks may sign with one key at once.
    public struct PrivateKey: Sendable {
        /// The shared ECDSA implementation, on P-256.
        let core: ECPrivateKeyCore
        /// The matching public key.
        private let publicPart: PublicKey

        /// Wraps a validated key.
        init(core: ECPrivateKeyCore) {
            self.core = core
            publicPart = PublicKey(core: core.publicKey)
        }

        /// Generates a new random key with OpenSSL's default random generator.
        ///
        /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL cannot generate a key.
        public init() throws(JWTError) {
            try self.init(core: ECPrivateKeyCore(generatingOn: .p256))
        }

        /// Imports a private key from PEM: PKCS#8 (`PRIVATE KEY`, RFC 5958) or SEC1 (`EC PRIVATE KEY`, RFC 5915).
        ///
        /// The text must hold exactly one key block, surrounded only by whitespace; an `EC PARAMETERS` block before
        /// an `EC PRIVATE KEY` block (as `openssl ecparam -genkey` writes) is allowed and ignored. Encrypted keys
        /// are not supported.
        ///
        /// - Parameter pemRepresentation: the PEM text.
        /// - Throws: ``JWTError/Code/invalidKey`` for malformed text or an invalid key (such as a scalar that does
        ///   not match the embedded public point); ``JWTError/Code/unsupportedKey`` for another key type or curve,
        ///   or an encrypted key.
        public init(pemRepresentation: String) throws(JWTError) {
            try self.init(core: ECPrivateKeyCore(curve: .p256, pemRepresentation: pemRepresentation))
        }

        /// Imports a private key from DER: a PKCS#8 `PrivateKeyInfo` or a SEC1 `ECPrivateKey`, detected in that
        /// order.
        ///
        /// - Parameter derRepresentation: exactly one DER structure, with no trailing bytes.
        /// - Throws: ``JWTError/Code/invalidKey`` or ``JWTError/Code/unsupportedKey``, as for PEM.
        public init(derRepresentation: some Collection<UInt8>) throws(JWTError) {
            try self.init(core: ECPrivateKeyCore(curve: .p256, derRepresentation: derRepresentation))
        }

        /// Imports a private key from a JSON Web Key (RFC 7517) with `kty` `"EC"`, `crv` `"P-256"`, `x`, `y` and `d`.
        ///
        /// `x`, `y` and `d` must each be Base64URL of exactly 32 bytes; d must lie in [1, n − 1] and d·G must equal
        /// (x, y). `use` (if present) must be `"sig"`, `key_ops` (if present) must include `"sign"`, and `alg` (if
        /// present) must be `"ES256"`; `kid` and other members are ignored.
        ///
        /// - Parameter jwk: the JWK as a parsed JSON object.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for another `kty` or `crv`, or a `use`, `key_ops` or `alg`
        ///   that says the key is for something else; ``JWTError/Code/invalidKey`` for missing or malformed
        ///   members (including a missing `d`), a point not on the curve, or a `d` that is out of range or does not
        ///   match the point.
        public init(jwk: JSONObject) throws(JWTError) {
            try self.init(core: ECPrivateKeyCore(curve: .p256, jwk: jwk))
        }

        /// Imports a private key from the JSON text of a JSON Web Key; see ``init(jwk:)``.
        ///
        /// - Parameter jwkRepresentation: one JSON object, strict RFC 8259 JSON.
        /// - Throws: the errors of ``JSONObject/init(parsing:options:)-(String,_)`` for text that is not one JSON object
        ///   with unique member names (``JWTError/Code/invalidJSON``, ``JWTError/Code/duplicateMember``,
        ///   ``JWTError/Code/typeMismatch``, ``JWTError/Code/limitExceeded``); otherwise those of ``init(jwk:)``.
        public init(jwkRepresentation: String) throws(JWTError) {
            try self.init(jwk: JSONObject(parsing: Array(jwkRepresentation.utf8)))
        }

        /// The key as a JSON Web Key with the members `kty`, `crv`, `x`, `y`, `d`, in that order.
        ///
        /// This is secret material: keep it out of logs.
        public var jwk: JSONObject {
            core.jwk
        }

        /// The matching public key.
        public var publicKey: ES256.PublicKey {
            publicPart
        }

        /// The key as DER PKCS#8 `PrivateKeyInfo` (RFC 5958), with the curve named by OID and the public key
        /// included: the same 138 bytes OpenSSL and pyca/cryptography write.
        ///
        /// This is secret material: keep it out of logs.
        public var derRepresentation: [UInt8] {
            core.derRepresentation
        }

        /// The key as a PEM `PRIVATE KEY` block (PKCS#8), in 64-character lines ending in a line feed.
        ///
        /// This is secret material: keep it out of logs.
        public var pemRepresentation: String {
            core.pemRepresentation
        }

        /// Signs `message` with ES256: SHA-256, then ECDSA on P-256, giving the 64-byte raw `R || S`.
        ///
        /// `message` is the exact bytes to sign (for a JWS, the ASCII of `header.payload`). Signatures are
        /// randomised, so signing the same message twice gives different, equally valid signatures.
        ///
        /// - Parameter message: the bytes to sign.
        /// - Returns: the signature.
        /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL fails internally.
        public func signature(for message: some Collection<UInt8>) throws(JWTError) -> ES256.Signature {
            var signature = ES256.Signature(uncheckedZero: ())
            try unsafe signature.withUnsafeMutableRawBytes { (raw) throws(JWTError) in
                try unsafe core.sign(message, into: raw)
            }
            return signature
        }
    }
}

extension ES256.PrivateKey: CustomStringConvertible {
    /// `ES256.PrivateKey(redacted, thumbprint: …)`: never the private scalar, only the public key's RFC 7638
    /// thumbprint, to tell keys apart.
    public var description: String {
        "ES256.PrivateKey(redacted, thumbprint: \(publicPart.thumbprint))"
    }
}
