extension ES256 {
    /// A P-256 public key that verifies ES256 signatures.
    ///
    /// Import is strict: the key must be an EC key on the named curve P-256 whose point is given uncompressed and
    /// lies on the curve (checked by OpenSSL), so a key that imports can never be an invalid-curve or
    /// point-at-infinity trap. Keys of other types or curves, compressed points and explicit curve parameters are
    /// refused with ``JWTError/Code/unsupportedKey``; malformed or invalid keys with ``JWTError/Code/invalidKey``.
    ///
    /// A `PublicKey` is immutable and cheap to share between tasks: verifying from many tasks at once is safe.
    /// Two keys are equal when their points are equal.
    public struct PublicKey: Sendable {
        /// The OpenSSL key, public part only.
        let backing: EVPKey
        /// The RFC 7638 thumbprint, computed once at import.
        private let cachedThumbprint: String

        /// Wraps a validated OpenSSL key.
        init(backing: EVPKey) throws(JWTError) {
            self.backing = backing
            cachedThumbprint = try JWKMembers.thumbprint(uncompressedPoint: backing.uncompressedPoint)
        }

        /// Imports a public key from PEM: an X.509 `SubjectPublicKeyInfo` labelled `PUBLIC KEY` (RFC 7468).
        ///
        /// - Parameter pemRepresentation: the PEM text; only whitespace may surround the block.
        /// - Throws: ``JWTError/Code/invalidKey`` if the text is not such a block or the key is invalid;
        ///   ``JWTError/Code/unsupportedKey`` for another key type, curve, or a compressed point.
        public init(pemRepresentation: String) throws(JWTError) {
            let document = try PEMDocument(parsing: pemRepresentation)
            guard document.label == "PUBLIC KEY" else {
                throw PEMDocument.wrongLabelError(document.label, expected: "\"PUBLIC KEY\"")
            }
            try self.init(backing: OpenSSLKeyImport.publicKey(decoding: document.block, encoding: .pem))
        }

        /// Imports a public key from the DER bytes of an X.509 `SubjectPublicKeyInfo` (RFC 5480).
        ///
        /// - Parameter derRepresentation: exactly one DER structure, with no trailing bytes.
        /// - Throws: ``JWTError/Code/invalidKey`` or ``JWTError/Code/unsupportedKey``, as for PEM.
        public init(derRepresentation: some Collection<UInt8>) throws(JWTError) {
            try self.init(backing: OpenSSLKeyImport.publicKey(decoding: derRepresentation, encoding: .der))
        }

        /// Imports a public key from its uncompressed SEC 1 / ANSI X9.63 point: 65 bytes `04 || X || Y`.
        ///
        /// - Parameter x963Representation: the point; X and Y are 32-byte big-endian coordinates.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for a compressed (`02`/`03`) or hybrid point (JOSE keys
        ///   always carry both coordinates); ``JWTError/Code/invalidKey`` for the point at infinity, another length,
        ///   a coordinate not below p, or a point that is not on P-256.
        public init(x963Representation: some Collection<UInt8>) throws(JWTError) {
            let point = [UInt8](x963Representation)
            try P256.checkUncompressedPointForm(point)
            try self.init(backing: OpenSSLKeyImport.publicKey(uncompressedPoint: point))
        }

        /// Imports a public key from a JSON Web Key (RFC 7517) with `kty` `"EC"`, `crv` `"P-256"`, `x` and `y`.
        ///
        /// `x` and `y` must each be Base64URL of exactly 32 bytes and name a point on P-256. `use` (if present) must
        /// be `"sig"`, `key_ops` (if present) must include `"verify"`, and `alg` (if present) must be `"ES256"`;
        /// `kid` and other members are ignored. A JWK that carries the private member `d` is refused: a private
        /// key must not be handled, stored or published as a public one by mistake; import it as
        /// ``ES256/PrivateKey`` and take its ``ES256/PrivateKey/publicKey``.
        ///
        /// - Parameter jwk: the JWK as a parsed JSON object.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for another `kty` or `crv`, or a `use`, `key_ops` or `alg`
        ///   that says the key is for something else; ``JWTError/Code/invalidKey`` for missing or malformed
        ///   members, coordinates that are not 32 bytes, a point not on the curve, or a `d` member.
        public init(jwk: JSONObject) throws(JWTError) {
            let members = try JWKMembers(jwk, for: .verify)
            guard members.privateScalar == nil else {
                throw .invalidKey(
                    "the JWK holds a private key (it has \"d\"); import it as ES256.PrivateKey and use its publicKey"
                )
            }
            try P256.checkUncompressedPointForm(members.uncompressedPoint)
            try self.init(backing: OpenSSLKeyImport.publicKey(uncompressedPoint: members.uncompressedPoint))
        }

        /// Imports a public key from the JSON text of a JSON Web Key; see ``init(jwk:)``.
        ///
        /// - Parameter jwkRepresentation: one JSON object, strict RFC 8259 JSON.
        /// - Throws: the errors of ``JSONObject/init(parsing:options:)-(String,_)`` for text that is not one JSON object
        ///   with unique member names (``JWTError/Code/invalidJSON``, ``JWTError/Code/duplicateMember``,
        ///   ``JWTError/Code/typeMismatch``, ``JWTError/Code/limitExceeded``); otherwise those of ``init(jwk:)``.
        public init(jwkRepresentation: String) throws(JWTError) {
            try self.init(jwk: JSONObject(parsing: Array(jwkRepresentation.utf8)))
        }

        /// The key as a JSON Web Key with the members `kty`, `crv`, `x`, `y`, in that order.
        public var jwk: JSONObject {
            JWKMembers.publicJWK(uncompressedPoint: backing.uncompressedPoint)
        }

        /// The RFC 7638 JWK thumbprint (SHA-256, Base64URL): a stable identifier of the key, usable as a `kid`.
        ///
        /// It hashes `{"crv":"P-256","kty":"EC","x":"…","y":"…"}`, so it is the same whatever format the key came
        /// from and whatever other members its JWK had.
        public var thumbprint: String {
            cachedThumbprint
        }

        /// The uncompressed point `04 || X || Y` (65 bytes).
        public var x963Representation: [UInt8] {
            backing.uncompressedPoint
        }

        /// The DER `SubjectPublicKeyInfo` (RFC 5480, 91 bytes), with the curve named by OID.
        public var derRepresentation: [UInt8] {
            P256.subjectPublicKeyInfo(uncompressedPoint: backing.uncompressedPoint)
        }

        /// The PEM `PUBLIC KEY` block of ``derRepresentation``, in 64-character lines ending in a line feed.
        public var pemRepresentation: String {
            OpenSSLPEM.armor(derRepresentation, label: "PUBLIC KEY")
        }

        /// Whether `signature` is a valid ES256 signature of `message` under this key.
        ///
        /// `message` is the exact signed bytes (for a JWS, the ASCII of `header.payload`); it is hashed with
        /// SHA-256 here. The answer is `false` for a wrong signature, and also for r or s equal to 0 or not below
        /// the group order n (checked before OpenSSL sees the values; see CVE-2022-21449). High-S signatures
        /// (s > n/2) are valid: JOSE, unlike some blockchains, does not require low-S, so both s and n − s verify.
        ///
        /// - Parameters:
        ///   - signature: the 64-byte raw `R || S` signature.
        ///   - message: the signed bytes.
        /// - Returns: `true` only if the signature verifies.
        public func isValidSignature(_ signature: ES256.Signature, for message: some Collection<UInt8>) -> Bool {
            OpenSSLECDSA.isValid(signature, for: message, with: backing)
        }
    }
}

extension ES256.PublicKey: CustomStringConvertible {
    /// `ES256.PublicKey(thumbprint: …)`.
    public var description: String {
        "ES256.PublicKey(thumbprint: \(thumbprint))"
    }
}

extension ES256.PublicKey: Hashable {
    /// Whether both keys have the same point.
    public static func == (lhs: ES256.PublicKey, rhs: ES256.PublicKey) -> Bool {
        lhs.backing === rhs.backing || lhs.backing.uncompressedPoint == rhs.backing.uncompressedPoint
    }

    /// Hashes the point.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(backing.uncompressedPoint)
    }
}
