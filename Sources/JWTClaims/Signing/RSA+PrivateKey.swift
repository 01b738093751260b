extension RSA {
    /// An RSA private key bound to one of RS256, RS384, RS512, PS256, PS384 and PS512.
    ///
    /// Import checks that the components belong together (n = p·q and the CRT values match d) besides
    /// the key policy of ``RSA``. Its ``description`` never shows a private component. Immutable and safe to share: any number
    /// of tasks may sign with one key at once.
    public struct PrivateKey: Sendable {
        /// The OpenSSL key.
        let backing: EVPKey
        /// The private components, which the exports are built from.
        private let privateComponents: OpenSSLRSA.PrivateComponents
        /// The matching public key, bound to the same algorithm.
        public let publicKey: RSA.PublicKey

        /// The one algorithm this key signs with.
        public var algorithm: JWSAlgorithm {
            publicKey.algorithm
        }

        /// The key sizes ``init(algorithm:bitCount:)`` makes.
        public static let generatedBitCounts = [2048, 3072, 4096]

        /// Wraps a validated key and derives its public key.
        private init(material: OpenSSLRSA.Material, algorithm: JWSAlgorithm) throws(JWTError) {
            guard let privateComponents = material.privateComponents else {
                throw .cryptographicFailure("OpenSSL made an RSA private key without its private components")
            }
            backing = material.backing
            self.privateComponents = privateComponents
            publicKey = try RSA.PublicKey(
                material: OpenSSLRSA.key(
                    modulus: material.publicComponents.modulus,
                    exponent: material.publicComponents.exponent,
                    privateComponents: nil
                ),
                algorithm: algorithm
            )
        }

        /// Generates a new random key with e = 65537, bound to `algorithm`.
        ///
        /// - Parameters:
        ///   - algorithm: RS256, RS384, RS512, PS256, PS384 or PS512.
        ///   - bitCount: 2048, 3072 or 4096 (a 4096-bit key takes seconds to make).
        /// - Throws: ``JWTError/Code/unsupportedKey`` for another size or a non-RSA algorithm;
        ///   ``JWTError/Code/cryptographicFailure`` if OpenSSL cannot generate a key.
        public init(algorithm: JWSAlgorithm, bitCount: Int = 2048) throws(JWTError) {
            let algorithm = try RSA.PublicKey.checked(algorithm)
            guard Self.generatedBitCounts.contains(bitCount) else {
                throw .unsupportedKey("RSA keys are generated with 2048, 3072 or 4096 bits, not \(bitCount)")
            }
            try self.init(material: OpenSSLRSA.generate(bitCount: bitCount), algorithm: algorithm)
        }

        /// Imports a private key from PEM: PKCS#8 (`PRIVATE KEY`) or PKCS#1 (`RSA PRIVATE KEY`), bound to
        /// `algorithm`. Encrypted keys are not supported.
        ///
        /// - Parameters:
        ///   - pemRepresentation: the PEM text; only whitespace may surround the block.
        ///   - algorithm: RS256, RS384, RS512, PS256, PS384 or PS512: PEM carries no algorithm.
        /// - Throws: ``JWTError/Code/invalidKey`` for malformed text, an invalid key or components that do not belong
        ///   together; ``JWTError/Code/unsupportedKey`` for another key type, a weak key, an encrypted key or a
        ///   non-RSA algorithm.
        public init(pemRepresentation: String, algorithm: JWSAlgorithm) throws(JWTError) {
            let algorithm = try RSA.PublicKey.checked(algorithm)
            let document = try PEMDocument(parsing: pemRepresentation)
            let structure: OpenSSLKeyImport.Structure
            switch document.label {
            case "PRIVATE KEY": structure = .pkcs8
            case "RSA PRIVATE KEY": structure = .typeSpecific
            default:
                throw PEMDocument.wrongLabelError(
                    document.label,
                    expected: "\"PRIVATE KEY\" or \"RSA PRIVATE KEY\"",
                    importer: "RSA",
                    requirement: "\(algorithm) needs an RSA key",
                    familyLabels: ["RSA PRIVATE KEY", "RSA PUBLIC KEY"]
                )
            }
            try self.init(
                material: OpenSSLRSA.privateKey(decoding: document.block, encoding: .pem, structure: structure),
                algorithm: algorithm
            )
        }

        /// Imports a private key from DER: a PKCS#8 `PrivateKeyInfo` or a PKCS#1 `RSAPrivateKey`, detected in that
        /// order, bound to `algorithm`.
        ///
        /// - Parameters:
        ///   - derRepresentation: exactly one DER structure, with no trailing bytes.
        ///   - algorithm: an RSA algorithm.
        /// - Throws: as for PEM.
        public init(derRepresentation: some Collection<UInt8>, algorithm: JWSAlgorithm) throws(JWTError) {
            let algorithm = try RSA.PublicKey.checked(algorithm)
            try self.init(
                material: OpenSSLRSA.privateKey(decoding: derRepresentation, encoding: .der, structure: nil),
                algorithm: algorithm
            )
        }

        /// Imports a private key from a JSON Web Key with `kty` `"RSA"`, `n`, `e`, `d`, `p`, `q`, `dp`, `dq` and
        /// `qi`, bound to the JWK's `alg` or to `algorithm`.
        ///
        /// `use` (if present) must be `"sig"` and `key_ops` (if present) must include `"sign"`; multi-prime keys
        /// (`oth`) are refused.
        ///
        /// - Parameters:
        ///   - jwk: the JWK as a parsed JSON object.
        ///   - algorithm: the algorithm, when the JWK has no `alg`; if both are given they must be equal.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for another `kty`, a `use` or `key_ops` for something else, an
        ///   `alg` that is not an RSA algorithm or disagrees with `algorithm`, no algorithm at all, a weak key or a
        ///   multi-prime key; ``JWTError/Code/invalidKey`` for missing or malformed members (a missing CRT member
        ///   among them) or components that do not belong together.
        public init(jwk: JSONObject, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
            let members = try RSAJWK(jwk, algorithm: algorithm, for: .sign)
            guard let privateComponents = members.privateComponents else {
                throw .invalidKey("the JWK has no \"d\" member, so it is a public key; import it as RSA.PublicKey")
            }
            try self.init(
                material: OpenSSLRSA.key(
                    modulus: members.modulus,
                    exponent: members.exponent,
                    privateComponents: privateComponents
                ),
                algorithm: members.algorithm
            )
        }

        /// Imports a private key from the JSON text of a JSON Web Key; see ``init(jwk:algorithm:)``.
        ///
        /// - Parameters:
        ///   - jwkRepresentation: one JSON object, strict RFC 8259 JSON.
        ///   - algorithm: the algorithm, when the JWK has no `alg`.
        /// - Throws: the JSON errors for text that is not one JSON object; otherwise those of
        ///   ``init(jwk:algorithm:)``.
        public init(jwkRepresentation: String, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
            try self.init(jwk: JSONObject(parsing: Array(jwkRepresentation.utf8)), algorithm: algorithm)
        }

        /// The key as a JSON Web Key with the members `kty`, `n`, `e`, `d`, `p`, `q`, `dp`, `dq`, `qi`, `alg`.
        ///
        /// This is secret material: keep it out of logs.
        public var jwk: JSONObject {
            RSAJWK.privateJWK(publicKey.components, privateComponents, algorithm: algorithm)
        }

        /// The key as DER PKCS#8 `PrivateKeyInfo` around a PKCS#1 `RSAPrivateKey`, as OpenSSL writes it.
        ///
        /// This is secret material: keep it out of logs.
        public var derRepresentation: [UInt8] {
            RSAJWK.privateKeyInfo(publicKey.components, privateComponents)
        }

        /// The key as a PEM `PRIVATE KEY` block (PKCS#8).
        ///
        /// This is secret material: keep it out of logs.
        public var pemRepresentation: String {
            OpenSSLPEM.armor(derRepresentation, label: "PRIVATE KEY")
        }

        /// Signs `message` with the key's ``algorithm``, giving a signature as long as the modulus. PKCS#1 v1.5
        /// signatures are deterministic; PSS ones are randomised by their salt.
        ///
        /// - Parameter message: the bytes to sign (for a JWS, the ASCII of `header.payload`).
        /// - Returns: the signature.
        /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL fails internally.
        public func signature(for message: some Collection<UInt8>) throws(JWTError) -> [UInt8] {
            try unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
                try unsafe OpenSSLRSA.signature(
                    for: bytes,
                    with: backing,
                    algorithm: algorithm,
                    modulusByteCount: publicKey.signatureByteCount
                )
            }
        }
    }
}

extension RSA.PrivateKey: CustomStringConvertible {
    /// `RSA.PrivateKey(RS256, redacted, thumbprint: …)`: never a private component, only the public key's thumbprint.
    public var description: String {
        "RSA.PrivateKey(\(algorithm), redacted, thumbprint: \(publicKey.thumbprint))"
    }
}
