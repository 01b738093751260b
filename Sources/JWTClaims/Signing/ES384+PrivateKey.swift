extension ES384 {
    /// A P-384 private key that makes ES384 signatures.
    ///
    /// Import is strict: the key must be an EC key on the named curve P-384 whose private scalar d lies in
    /// [1, n − 1] and matches its public point (d·G = Q, checked by OpenSSL). Its ``description`` never shows the
    /// scalar. Immutable and safe to share: any number of tasks may sign with one key at once.
    public struct PrivateKey: Sendable {
        /// The shared ECDSA implementation, on P-384.
        let core: ECPrivateKeyCore

        /// Wraps a validated key.
        init(core: ECPrivateKeyCore) {
            self.core = core
        }

        /// Generates a new random key with OpenSSL's default random generator.
        ///
        /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL cannot generate a key.
        public init() throws(JWTError) {
            core = try ECPrivateKeyCore(generatingOn: .p384)
        }

        /// Imports a private key from PEM: PKCS#8 (`PRIVATE KEY`) or SEC1 (`EC PRIVATE KEY`); see
        /// ``ES256/PrivateKey/init(pemRepresentation:)`` for the rules.
        ///
        /// - Parameter pemRepresentation: the PEM text.
        /// - Throws: ``JWTError/Code/invalidKey`` for malformed text or an invalid key; ``JWTError/Code/unsupportedKey``
        ///   for another key type or curve, or an encrypted key.
        public init(pemRepresentation: String) throws(JWTError) {
            core = try ECPrivateKeyCore(curve: .p384, pemRepresentation: pemRepresentation)
        }

        /// Imports a private key from DER: a PKCS#8 `PrivateKeyInfo` or a SEC1 `ECPrivateKey`, detected in that
        /// order.
        ///
        /// - Parameter derRepresentation: exactly one DER structure, with no trailing bytes.
        /// - Throws: ``JWTError/Code/invalidKey`` or ``JWTError/Code/unsupportedKey``, as for PEM.
        public init(derRepresentation: some Collection<UInt8>) throws(JWTError) {
            core = try ECPrivateKeyCore(curve: .p384, derRepresentation: derRepresentation)
        }

        /// Imports a private key from a JSON Web Key with `kty` `"EC"`, `crv` `"P-384"`, `x`, `y` and `d`, each of
        /// exactly 48 bytes; `use`, `key_ops` and `alg` (`"ES384"`) as for ``ES256/PrivateKey/init(jwk:)``.
        ///
        /// - Parameter jwk: the JWK as a parsed JSON object.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for another `kty` or `crv`, or a `use`, `key_ops` or `alg`
        ///   that says the key is for something else; ``JWTError/Code/invalidKey`` for missing or malformed members,
        ///   a point not on the curve, or a `d` that is out of range or does not match the point.
        public init(jwk: JSONObject) throws(JWTError) {
            core = try ECPrivateKeyCore(curve: .p384, jwk: jwk)
        }

        /// Imports a private key from the JSON text of a JSON Web Key; see ``init(jwk:)``.
        ///
        /// - Parameter jwkRepresentation: one JSON object, strict RFC 8259 JSON.
        /// - Throws: the JSON errors for text that is not one JSON object; otherwise those of ``init(jwk:)``.
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
        public var publicKey: ES384.PublicKey {
            ES384.PublicKey(core: core.publicKey)
        }

        /// The key as DER PKCS#8 `PrivateKeyInfo` (RFC 5958), with the curve named by OID and the public key
        /// included: the bytes OpenSSL and pyca/cryptography write.
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

        /// Signs `message` with ES384: SHA-384, then ECDSA on P-384, giving the 96-byte raw `R || S`.
        ///
        /// - Parameter message: the bytes to sign (for a JWS, the ASCII of `header.payload`).
        /// - Returns: the signature; signatures are randomised.
        /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL fails internally.
        public func signature(for message: some Collection<UInt8>) throws(JWTError) -> ES384.Signature {
            ES384.Signature(validated: try core.signature(for: message))
        }
    }
}

extension ES384.PrivateKey: CustomStringConvertible {
    /// `ES384.PrivateKey(redacted, thumbprint: …)`: never the private scalar, only the public key's RFC 7638
    /// thumbprint, to tell keys apart.
    public var description: String {
        "ES384.PrivateKey(redacted, thumbprint: \(core.publicKey.thumbprint))"
    }
}
