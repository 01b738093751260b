extension EdDSA {
    /// An Ed25519 public key that verifies EdDSA signatures.
    ///
    /// Immutable and cheap to share between tasks. Two keys are equal when their 32 bytes are equal.
    public struct PublicKey: Sendable {
        /// The OpenSSL key.
        let backing: EVPKey
        /// The 32-byte public key.
        public let rawRepresentation: [UInt8]
        /// The RFC 8037 thumbprint, computed once at import.
        public let thumbprint: String

        /// Wraps a validated key.
        init(material: OpenSSLEd25519.Material) throws(JWTError) {
            backing = material.backing
            rawRepresentation = material.publicKey
            thumbprint = try OKPJWK.thumbprint(publicKey: material.publicKey)
        }

        /// Imports a public key from its raw 32 bytes (RFC 8032 section 5.1.5).
        ///
        /// - Parameter rawRepresentation: exactly 32 bytes.
        /// - Throws: ``JWTError/Code/invalidKey`` for another length.
        public init(rawRepresentation: some Collection<UInt8>) throws(JWTError) {
            try self.init(material: OpenSSLEd25519.publicKey(raw: [UInt8](rawRepresentation)))
        }

        /// Imports a public key from PEM: an X.509 `SubjectPublicKeyInfo` labelled `PUBLIC KEY` (RFC 8410).
        ///
        /// - Parameter pemRepresentation: the PEM text; only whitespace may surround the block.
        /// - Throws: ``JWTError/Code/invalidKey`` if the text is not such a block; ``JWTError/Code/unsupportedKey``
        ///   for another key type (Ed448, X25519, EC, RSA, ...).
        public init(pemRepresentation: String) throws(JWTError) {
            let document = try PEMDocument(parsing: pemRepresentation)
            guard document.label == "PUBLIC KEY" else {
                throw PEMDocument.wrongLabelError(
                    document.label,
                    expected: "\"PUBLIC KEY\"",
                    importer: "EdDSA",
                    requirement: "EdDSA needs an Ed25519 key"
                )
            }
            try self.init(material: OpenSSLEd25519.publicKey(decoding: document.block, encoding: .pem))
        }

        /// Imports a public key from the DER bytes of an X.509 `SubjectPublicKeyInfo` (RFC 8410).
        ///
        /// - Parameter derRepresentation: exactly one DER structure, with no trailing bytes.
        /// - Throws: ``JWTError/Code/invalidKey`` or ``JWTError/Code/unsupportedKey``, as for PEM.
        public init(derRepresentation: some Collection<UInt8>) throws(JWTError) {
            try self.init(material: OpenSSLEd25519.publicKey(decoding: derRepresentation, encoding: .der))
        }

        /// Imports a public key from a JSON Web Key (RFC 8037) with `kty` `"OKP"`, `crv` `"Ed25519"` and `x`.
        ///
        /// `use` (if present) must be `"sig"`, `key_ops` (if present) must include `"verify"`, and `alg` (if
        /// present) must be `"EdDSA"`. A JWK with the private member `d` is refused: import it as
        /// ``EdDSA/PrivateKey`` and take its ``EdDSA/PrivateKey/publicKey``.
        ///
        /// - Parameter jwk: the JWK as a parsed JSON object.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for another `kty` or `crv` (Ed448, X25519), or a `use`,
        ///   `key_ops` or `alg` that says the key is for something else; ``JWTError/Code/invalidKey`` for missing or
        ///   malformed members, or a `d` member.
        public init(jwk: JSONObject) throws(JWTError) {
            let members = try OKPJWK(jwk, for: .verify)
            guard members.privateKey == nil else {
                throw .invalidKey(
                    "the JWK holds a private key (it has \"d\"); import it as EdDSA.PrivateKey and use its publicKey"
                )
            }
            try self.init(material: OpenSSLEd25519.publicKey(raw: members.publicKey))
        }

        /// Imports a public key from the JSON text of a JSON Web Key; see ``init(jwk:)``.
        ///
        /// - Parameter jwkRepresentation: one JSON object, strict RFC 8259 JSON.
        /// - Throws: the JSON errors for text that is not one JSON object; otherwise those of ``init(jwk:)``.
        public init(jwkRepresentation: String) throws(JWTError) {
            try self.init(jwk: JSONObject(parsing: Array(jwkRepresentation.utf8)))
        }

        /// The key as a JSON Web Key with the members `kty`, `crv`, `x`, in that order.
        public var jwk: JSONObject {
            OKPJWK.publicJWK(publicKey: rawRepresentation)
        }

        /// The DER `SubjectPublicKeyInfo` (RFC 8410, 44 bytes).
        public var derRepresentation: [UInt8] {
            OKPJWK.subjectPublicKeyInfoHeader + rawRepresentation
        }

        /// The PEM `PUBLIC KEY` block of ``derRepresentation``.
        public var pemRepresentation: String {
            OpenSSLPEM.armor(derRepresentation, label: "PUBLIC KEY")
        }

        /// Whether `signature` is a valid Ed25519 signature of `message` under this key.
        ///
        /// `false` for a wrong signature, a signature that is not 64 bytes, and a non-canonical one (S not below the
        /// group order, or R not a valid point encoding: OpenSSL checks both, so signatures are not malleable).
        ///
        /// - Parameters:
        ///   - signature: the 64-byte signature.
        ///   - message: the signed bytes, which Ed25519 hashes itself.
        /// - Returns: `true` only if the signature verifies.
        public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
            let outcome = try? unsafe withContiguousBytes(of: signature) { (signatureBytes) throws(JWTError) in
                try unsafe withContiguousBytes(of: message) { (messageBytes) throws(JWTError) in
                    unsafe OpenSSLEd25519.isValid(signatureBytes, for: messageBytes, with: backing)
                }
            }
            return outcome ?? false
        }
    }
}

extension EdDSA.PublicKey: CustomStringConvertible {
    /// `EdDSA.PublicKey(thumbprint: …)`.
    public var description: String {
        "EdDSA.PublicKey(thumbprint: \(thumbprint))"
    }
}

extension EdDSA.PublicKey: Hashable {
    /// Whether both keys have the same 32 bytes.
    public static func == (lhs: EdDSA.PublicKey, rhs: EdDSA.PublicKey) -> Bool {
        lhs.rawRepresentation == rhs.rawRepresentation
    }

    /// Hashes the 32 bytes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawRepresentation)
    }
}
