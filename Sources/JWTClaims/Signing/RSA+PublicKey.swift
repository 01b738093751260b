extension RSA {
    /// An RSA public key bound to one of RS256, RS384, RS512, PS256, PS384 and PS512.
    ///
    /// Immutable and cheap to share between tasks. Two keys are equal when their modulus, exponent and algorithm are.
    public struct PublicKey: Sendable {
        /// The OpenSSL key.
        let backing: EVPKey
        /// `n` and `e`.
        let components: OpenSSLRSA.PublicComponents
        /// The one algorithm this key verifies.
        public let algorithm: JWSAlgorithm
        /// The RFC 7638 JWK thumbprint (SHA-256, Base64URL) of `{"e":"…","kty":"RSA","n":"…"}`, computed once at
        /// import; it does not depend on the algorithm.
        public let thumbprint: String

        /// Wraps a validated key, bound to `algorithm` (an RSA algorithm: the caller checked).
        init(material: OpenSSLRSA.Material, algorithm: JWSAlgorithm) throws(JWTError) {
            backing = material.backing
            components = material.publicComponents
            self.algorithm = algorithm
            thumbprint = try RSAJWK.thumbprint(material.publicComponents)
        }

        /// An algorithm the caller passes, checked to be an RSA one.
        static func checked(_ algorithm: JWSAlgorithm) throws(JWTError) -> JWSAlgorithm {
            try JWKReader.bind(
                declared: nil,
                explicit: algorithm,
                allowed: JWSAlgorithm.rsaAlgorithms,
                keyDescription: "an RSA key",
                declaredBy: ""
            )
        }

        /// Imports a public key from PEM: an X.509 `SubjectPublicKeyInfo` (`PUBLIC KEY`) or a PKCS#1 `RSAPublicKey`
        /// (`RSA PUBLIC KEY`), bound to `algorithm`.
        ///
        /// - Parameters:
        ///   - pemRepresentation: the PEM text; only whitespace may surround the block.
        ///   - algorithm: RS256, RS384, RS512, PS256, PS384 or PS512: PEM carries no algorithm.
        /// - Throws: ``JWTError/Code/invalidKey`` for malformed text or an invalid key (an exponent of 1 or an even
        ///   one); ``JWTError/Code/unsupportedKey`` for another key type, a weak key (under 2048 bits, ROCA) or a
        ///   non-RSA algorithm.
        public init(pemRepresentation: String, algorithm: JWSAlgorithm) throws(JWTError) {
            let algorithm = try Self.checked(algorithm)
            let document = try PEMDocument(parsing: pemRepresentation)
            let structure: OpenSSLKeyImport.Structure
            switch document.label {
            case "PUBLIC KEY": structure = .subjectPublicKeyInfo
            case "RSA PUBLIC KEY": structure = .typeSpecific
            default:
                throw PEMDocument.wrongLabelError(
                    document.label,
                    expected: "\"PUBLIC KEY\" or \"RSA PUBLIC KEY\"",
                    importer: "RSA",
                    requirement: "\(algorithm) needs an RSA key",
                    familyLabels: ["RSA PRIVATE KEY", "RSA PUBLIC KEY"]
                )
            }
            try self.init(
                material: OpenSSLRSA.publicKey(decoding: document.block, encoding: .pem, structure: structure),
                algorithm: algorithm
            )
        }

        /// Imports a public key from DER: an X.509 `SubjectPublicKeyInfo` or a PKCS#1 `RSAPublicKey`, detected in
        /// that order, bound to `algorithm`.
        ///
        /// - Parameters:
        ///   - derRepresentation: exactly one DER structure, with no trailing bytes.
        ///   - algorithm: an RSA algorithm.
        /// - Throws: as for PEM.
        public init(derRepresentation: some Collection<UInt8>, algorithm: JWSAlgorithm) throws(JWTError) {
            let algorithm = try Self.checked(algorithm)
            try self.init(
                material: OpenSSLRSA.publicKey(decoding: derRepresentation, encoding: .der, structure: nil),
                algorithm: algorithm
            )
        }

        /// Imports a public key from a JSON Web Key with `kty` `"RSA"`, `n` and `e`, bound to the JWK's `alg` or to
        /// `algorithm`.
        ///
        /// `use` (if present) must be `"sig"` and `key_ops` (if present) must include `"verify"`. A JWK with the
        /// private member `d` is refused: import it as ``RSA/PrivateKey`` and take its ``RSA/PrivateKey/publicKey``.
        ///
        /// - Parameters:
        ///   - jwk: the JWK as a parsed JSON object.
        ///   - algorithm: the algorithm, when the JWK has no `alg`; if both are given they must be equal.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for another `kty`, a `use` or `key_ops` for something else, an
        ///   `alg` that is not an RSA algorithm or disagrees with `algorithm`, no algorithm at all, or a weak key;
        ///   ``JWTError/Code/invalidKey`` for missing or malformed members, an invalid key or a `d` member.
        public init(jwk: JSONObject, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
            let members = try RSAJWK(jwk, algorithm: algorithm, for: .verify)
            guard members.privateComponents == nil else {
                throw .invalidKey(
                    "the JWK holds a private key (it has \"d\"); import it as RSA.PrivateKey and use its publicKey"
                )
            }
            try self.init(
                material: OpenSSLRSA.key(modulus: members.modulus, exponent: members.exponent, privateComponents: nil),
                algorithm: members.algorithm
            )
        }

        /// Imports a public key from the JSON text of a JSON Web Key; see ``init(jwk:algorithm:)``.
        ///
        /// - Parameters:
        ///   - jwkRepresentation: one JSON object, strict RFC 8259 JSON.
        ///   - algorithm: the algorithm, when the JWK has no `alg`.
        /// - Throws: the JSON errors for text that is not one JSON object; otherwise those of
        ///   ``init(jwk:algorithm:)``.
        public init(jwkRepresentation: String, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
            try self.init(jwk: JSONObject(parsing: Array(jwkRepresentation.utf8)), algorithm: algorithm)
        }

        /// The key as a JSON Web Key with the members `kty`, `n`, `e`, `alg`, in that order.
        public var jwk: JSONObject {
            RSAJWK.publicJWK(components, algorithm: algorithm)
        }

        /// The modulus's size in bits (2048 to 16384).
        public var modulusBitCount: Int {
            RSAKeyPolicy.bitCount(of: components.modulus)
        }

        /// The size of every signature of this key, in bytes: the modulus's.
        var signatureByteCount: Int {
            components.modulus.count
        }

        /// The DER `SubjectPublicKeyInfo` (RFC 8017 / RFC 5280) with `rsaEncryption`.
        public var derRepresentation: [UInt8] {
            RSAJWK.subjectPublicKeyInfo(components)
        }

        /// The PEM `PUBLIC KEY` block of ``derRepresentation``.
        public var pemRepresentation: String {
            OpenSSLPEM.armor(derRepresentation, label: "PUBLIC KEY")
        }

        /// Whether `signature` is a valid signature of `message` under this key and its ``algorithm``.
        ///
        /// `false` for a wrong signature and for one that is not exactly as long as the modulus. PKCS#1 v1.5
        /// signatures are checked strictly (the whole encoded block is compared, so a DigestInfo without its NULL is
        /// refused); PSS signatures must use MGF1 with the same hash and a salt exactly as long as the hash.
        ///
        /// - Parameters:
        ///   - signature: the signature bytes.
        ///   - message: the signed bytes, hashed here with the algorithm's hash.
        /// - Returns: `true` only if the signature verifies.
        public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
            let outcome = try? unsafe withContiguousBytes(of: signature) { (signatureBytes) throws(JWTError) in
                try unsafe withContiguousBytes(of: message) { (messageBytes) throws(JWTError) in
                    unsafe OpenSSLRSA.isValid(
                        signatureBytes,
                        for: messageBytes,
                        with: backing,
                        algorithm: algorithm,
                        modulusByteCount: signatureByteCount
                    )
                }
            }
            return outcome ?? false
        }
    }
}

extension RSA.PublicKey: CustomStringConvertible {
    /// `RSA.PublicKey(RS256, 2048 bits, thumbprint: …)`.
    public var description: String {
        "RSA.PublicKey(\(algorithm), \(modulusBitCount) bits, thumbprint: \(thumbprint))"
    }
}

extension RSA.PublicKey: Hashable {
    /// Whether both keys have the same modulus, exponent and algorithm.
    public static func == (lhs: RSA.PublicKey, rhs: RSA.PublicKey) -> Bool {
        lhs.algorithm == rhs.algorithm && lhs.components == rhs.components
    }

    /// Hashes the modulus, exponent and algorithm.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(algorithm)
        hasher.combine(components)
    }
}
