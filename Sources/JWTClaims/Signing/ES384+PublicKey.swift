extension ES384 {
    /// A P-384 public key that verifies ES384 signatures.
    ///
    /// Import is strict, as for ``ES256/PublicKey``: an EC key on the named curve P-384 whose point is uncompressed
    /// and on the curve. Immutable and cheap to share between tasks. Two keys are equal when their points are equal.
    public struct PublicKey: Sendable {
        /// The shared ECDSA implementation, on P-384.
        let core: ECPublicKeyCore

        /// Wraps a validated key.
        init(core: ECPublicKeyCore) {
            self.core = core
        }

        /// Imports a public key from PEM: an X.509 `SubjectPublicKeyInfo` labelled `PUBLIC KEY` (RFC 7468).
        ///
        /// - Parameter pemRepresentation: the PEM text; only whitespace may surround the block.
        /// - Throws: ``JWTError/Code/invalidKey`` if the text is not such a block or the key is invalid;
        ///   ``JWTError/Code/unsupportedKey`` for another key type, curve, or a compressed point.
        public init(pemRepresentation: String) throws(JWTError) {
            core = try ECPublicKeyCore(curve: .p384, pemRepresentation: pemRepresentation)
        }

        /// Imports a public key from the DER bytes of an X.509 `SubjectPublicKeyInfo` (RFC 5480).
        ///
        /// - Parameter derRepresentation: exactly one DER structure, with no trailing bytes.
        /// - Throws: ``JWTError/Code/invalidKey`` or ``JWTError/Code/unsupportedKey``, as for PEM.
        public init(derRepresentation: some Collection<UInt8>) throws(JWTError) {
            core = try ECPublicKeyCore(curve: .p384, derRepresentation: derRepresentation)
        }

        /// Imports a public key from its uncompressed SEC 1 point: 97 bytes `04 || X || Y`.
        ///
        /// - Parameter x963Representation: the point; X and Y are 48-byte big-endian coordinates.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for a compressed or hybrid point; ``JWTError/Code/invalidKey``
        ///   for the point at infinity, another length, a coordinate not below p, or a point not on P-384.
        public init(x963Representation: some Collection<UInt8>) throws(JWTError) {
            core = try ECPublicKeyCore(curve: .p384, x963Representation: x963Representation)
        }

        /// Imports a public key from a JSON Web Key with `kty` `"EC"`, `crv` `"P-384"`, `x` and `y` of exactly
        /// 48 bytes each; `use`, `key_ops` and `alg` (`"ES384"`) as for ``ES256/PublicKey/init(jwk:)``. A JWK
        /// with the private member `d` is refused.
        ///
        /// - Parameter jwk: the JWK as a parsed JSON object.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for another `kty` or `crv`, or a `use`, `key_ops` or `alg`
        ///   that says the key is for something else; ``JWTError/Code/invalidKey`` for missing or malformed
        ///   members, a point not on the curve, or a `d` member.
        public init(jwk: JSONObject) throws(JWTError) {
            core = try ECPublicKeyCore(curve: .p384, jwk: jwk)
        }

        /// Imports a public key from the JSON text of a JSON Web Key; see ``init(jwk:)``.
        ///
        /// - Parameter jwkRepresentation: one JSON object, strict RFC 8259 JSON.
        /// - Throws: the JSON errors for text that is not one JSON object; otherwise those of ``init(jwk:)``.
        public init(jwkRepresentation: String) throws(JWTError) {
            try self.init(jwk: JSONObject(parsing: Array(jwkRepresentation.utf8)))
        }

        /// The key as a JSON Web Key with the members `kty`, `crv`, `x`, `y`, in that order.
        public var jwk: JSONObject {
            core.jwk
        }

        /// The RFC 7638 JWK thumbprint (SHA-256, Base64URL) of `{"crv":"P-384","kty":"EC","x":"…","y":"…"}`.
        public var thumbprint: String {
            core.thumbprint
        }

        /// The uncompressed point `04 || X || Y` (97 bytes).
        public var x963Representation: [UInt8] {
            core.uncompressedPoint
        }

        /// The DER `SubjectPublicKeyInfo` (RFC 5480), with the curve named by OID.
        public var derRepresentation: [UInt8] {
            core.derRepresentation
        }

        /// The PEM `PUBLIC KEY` block of ``derRepresentation``, in 64-character lines ending in a line feed.
        public var pemRepresentation: String {
            core.pemRepresentation
        }

        /// Whether `signature` is a valid ES384 signature of `message` under this key.
        ///
        /// `message` is hashed with SHA-384 here. The answer is `false` for a wrong signature, and also for r or s
        /// equal to 0 or not below the group order n (checked before OpenSSL sees the values; see CVE-2022-21449).
        /// High-S signatures are valid: JOSE does not require low-S.
        ///
        /// - Parameters:
        ///   - signature: the 96-byte raw `R || S` signature.
        ///   - message: the signed bytes.
        /// - Returns: `true` only if the signature verifies.
        public func isValidSignature(_ signature: ES384.Signature, for message: some Collection<UInt8>) -> Bool {
            core.isValidSignature(bytes: signature.rawRepresentation, for: message)
        }

        /// Whether `signature`, given as its raw bytes `R || S`, is a valid ES384 signature of `message`; `false`
        /// for any length but 96 (such as a DER signature).
        ///
        /// - Parameters:
        ///   - signature: the raw signature bytes, as a token's signature segment decodes to.
        ///   - message: the signed bytes.
        /// - Returns: `true` only if the signature verifies.
        public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
            core.isValidSignature(bytes: signature, for: message)
        }
    }
}

extension ES384.PublicKey: CustomStringConvertible {
    /// `ES384.PublicKey(thumbprint: …)`.
    public var description: String {
        "ES384.PublicKey(thumbprint: \(thumbprint))"
    }
}

extension ES384.PublicKey: Hashable {
    /// Whether both keys have the same point.
    public static func == (lhs: ES384.PublicKey, rhs: ES384.PublicKey) -> Bool {
        lhs.core == rhs.core
    }

    /// Hashes the point.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(core.uncompressedPoint)
    }
}
