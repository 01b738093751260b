extension EdDSA {
    /// An Ed25519 private key that makes EdDSA signatures.
    ///
    /// A key is its 32-byte seed (RFC 8032 section 5.1.5); its public key is always derived from the seed, so an
    /// import can never pair a private key with a public key that does not belong to it. Its ``description`` never
    /// shows the seed. Immutable and safe to share: any number of tasks may sign with one key at once.
    public struct PrivateKey: Sendable {
        /// The OpenSSL key.
        let backing: EVPKey
        /// The seed, which every export is built from.
        private let seed: SecretBytes
        /// The matching public key.
        public let publicKey: EdDSA.PublicKey

        /// Wraps a validated key and derives its public key.
        private init(material: OpenSSLEd25519.Material) throws(JWTError) {
            guard let seed = material.seed else {
                throw .cryptographicFailure("OpenSSL made an Ed25519 private key without its seed")
            }
            backing = material.backing
            self.seed = seed
            publicKey = try EdDSA.PublicKey(material: OpenSSLEd25519.publicKey(raw: material.publicKey))
        }

        /// Generates a new random key with OpenSSL's default random generator.
        ///
        /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL cannot generate a key.
        public init() throws(JWTError) {
            try self.init(material: OpenSSLEd25519.generate())
        }

        /// Imports a private key from its raw 32-byte seed.
        ///
        /// - Parameter rawRepresentation: exactly 32 bytes.
        /// - Throws: ``JWTError/Code/invalidKey`` for another length.
        public init(rawRepresentation: some Collection<UInt8>) throws(JWTError) {
            let material = try unsafe withContiguousBytes(of: rawRepresentation) { (seed) throws(JWTError) in
                try unsafe OpenSSLEd25519.privateKey(seed: seed)
            }
            try self.init(material: material)
        }

        /// Imports a private key from PEM: PKCS#8 (`PRIVATE KEY`, RFC 8410). Encrypted keys are not supported.
        ///
        /// - Parameter pemRepresentation: the PEM text; only whitespace may surround the block.
        /// - Throws: ``JWTError/Code/invalidKey`` for malformed text; ``JWTError/Code/unsupportedKey`` for another key
        ///   type (Ed448, X25519, EC, RSA, ...) or an encrypted key.
        public init(pemRepresentation: String) throws(JWTError) {
            let document = try PEMDocument(parsing: pemRepresentation)
            guard document.label == "PRIVATE KEY" else {
                throw PEMDocument.wrongLabelError(
                    document.label,
                    expected: "\"PRIVATE KEY\"",
                    importer: "EdDSA",
                    requirement: "EdDSA needs an Ed25519 key"
                )
            }
            try self.init(material: OpenSSLEd25519.privateKey(decoding: document.block, encoding: .pem))
        }

        /// Imports a private key from the DER bytes of a PKCS#8 `PrivateKeyInfo` (RFC 8410).
        ///
        /// - Parameter derRepresentation: exactly one DER structure, with no trailing bytes.
        /// - Throws: ``JWTError/Code/invalidKey`` or ``JWTError/Code/unsupportedKey``, as for PEM.
        public init(derRepresentation: some Collection<UInt8>) throws(JWTError) {
            try self.init(material: OpenSSLEd25519.privateKey(decoding: derRepresentation, encoding: .der))
        }

        /// Imports a private key from a JSON Web Key (RFC 8037) with `kty` `"OKP"`, `crv` `"Ed25519"`, `x` and `d`.
        ///
        /// `d` must derive `x`. `use` (if present) must be `"sig"`, `key_ops` (if present) must include `"sign"`,
        /// and `alg` (if present) must be `"EdDSA"`.
        ///
        /// - Parameter jwk: the JWK as a parsed JSON object.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for another `kty` or `crv`, or a `use`, `key_ops` or `alg`
        ///   that says the key is for something else; ``JWTError/Code/invalidKey`` for missing or malformed members
        ///   (including a missing `d`) or an `x` that `d` does not derive.
        public init(jwk: JSONObject) throws(JWTError) {
            let members = try OKPJWK(jwk, for: .sign)
            guard let privateKey = members.privateKey else {
                throw .invalidKey("the JWK has no \"d\" member, so it is a public key; import it as EdDSA.PublicKey")
            }
            try self.init(rawRepresentation: privateKey)
            guard publicKey.rawRepresentation == members.publicKey else {
                throw .invalidKey("the JWK's x is not the public key of its d")
            }
        }

        /// Imports a private key from the JSON text of a JSON Web Key; see ``init(jwk:)``.
        ///
        /// - Parameter jwkRepresentation: one JSON object, strict RFC 8259 JSON.
        /// - Throws: the JSON errors for text that is not one JSON object; otherwise those of ``init(jwk:)``.
        public init(jwkRepresentation: String) throws(JWTError) {
            try self.init(jwk: JSONObject(parsing: Array(jwkRepresentation.utf8)))
        }

        /// The 32-byte seed.
        ///
        /// This is secret material: keep it out of logs.
        public var rawRepresentation: [UInt8] {
            seed.bytes
        }

        /// The key as a JSON Web Key with the members `kty`, `crv`, `x`, `d`, in that order.
        ///
        /// This is secret material: keep it out of logs.
        public var jwk: JSONObject {
            OKPJWK.privateJWK(publicKey: publicKey.rawRepresentation, privateKey: seed.bytes)
        }

        /// The key as DER PKCS#8 `PrivateKeyInfo` (RFC 8410, 48 bytes), as OpenSSL writes it.
        ///
        /// This is secret material: keep it out of logs.
        public var derRepresentation: [UInt8] {
            var der: [UInt8] = []
            der.reserveCapacity(OKPJWK.privateKeyInfoHeader.count + seed.count)
            der += OKPJWK.privateKeyInfoHeader
            der += seed.bytes
            return der
        }

        /// The key as a PEM `PRIVATE KEY` block (PKCS#8).
        ///
        /// This is secret material: keep it out of logs.
        public var pemRepresentation: String {
            OpenSSLPEM.armor(derRepresentation, label: "PRIVATE KEY")
        }

        /// Signs `message` with Ed25519, giving 64 bytes. Ed25519 is deterministic: the same message always gets the
        /// same signature.
        ///
        /// - Parameter message: the bytes to sign (for a JWS, the ASCII of `header.payload`).
        /// - Returns: the signature.
        /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL fails internally.
        public func signature(for message: some Collection<UInt8>) throws(JWTError) -> [UInt8] {
            try unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
                try unsafe OpenSSLEd25519.signature(for: bytes, with: backing)
            }
        }
    }
}

extension EdDSA.PrivateKey: CustomStringConvertible {
    /// `EdDSA.PrivateKey(redacted, thumbprint: …)`: never the seed, only the public key's thumbprint.
    public var description: String {
        "EdDSA.PrivateKey(redacted, thumbprint: \(publicKey.thumbprint))"
    }
}
