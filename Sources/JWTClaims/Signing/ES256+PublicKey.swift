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
        /// The shared ECDSA implementation, on P-256.
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
            try self.init(core: ECPublicKeyCore(curve: .p256, pemRepresentation: pemRepresentation))
        }

        /// Imports a public key from the DER bytes of an X.509 `SubjectPublicKeyInfo` (RFC 5480).
        ///
        /// - Parameter derRepresentation: exactly one DER structure, with no trailing bytes.
        /// - Throws: ``JWTError/Code/invalidKey`` or ``JWTError/Code/unsupportedKey``, as for PEM.
        public init(derRepresentation: some Collection<UInt8>) throws(JWTError) {
            try self.init(core: ECPublicKeyCore(curve: .p256, derRepresentation: derRepresentation))
        }

        /// Imports a public key from its uncompressed SEC 1 / ANSI X9.63 point: 65 bytes `04 || X || Y`.
        ///
        /// - Parameter x963Representation: the point; X and Y are 32-byte big-endian coordinates.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for a compressed (`02`/`03`) or hybrid point (JOSE keys
        ///   always carry both coordinates); ``JWTError/Code/invalidKey`` for the point at infinity, another length,
        ///   a coordinate not below p, or a point that is not on P-256.
        public init(x963Representation: some Collection<UInt8>) throws(JWTError) {
            try self.init(core: ECPublicKeyCore(curve: .p256, x963Representation: x963Representation))
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
            try self.init(core: ECPublicKeyCore(curve: .p256, jwk: jwk))
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
            core.jwk
        }

        /// The RFC 7638 JWK thumbprint (SHA-256, Base64URL): a stable identifier of the key, usable as a `kid`.
        ///
        /// It hashes `{"crv":"P-256","kty":"EC","x":"…","y":"…"}`, so it is the same whatever format the key came
        /// from and whatever other members its JWK had.
        public var thumbprint: String {
            core.thumbprint
        }

        /// The uncompressed point `04 || X || Y` (65 bytes).
        public var x963Representation: [UInt8] {
            core.uncompressedPoint
        }

        /// The DER `SubjectPublicKeyInfo` (RFC 5480, 91 bytes), with the curve named by OID.
        public var derRepresentation: [UInt8] {
            core.derRepresentation
        }

        /// The PEM `PUBLIC KEY` block of ``derRepresentation``, in 64-character lines ending in a line feed.
        public var pemRepresentation: String {
            core.pemRepresentation
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
            unsafe signature.withUnsafeRawBytes { raw in unsafe core.isValidSignature(raw: raw, for: message) }
        }

        /// Whether `signature`, given as its raw bytes `R || S`, is a valid ES256 signature of `message` under this
        /// key; `false` for any length but 64 (such as a DER signature). See ``isValidSignature(_:for:)-(ES256.Signature,_)``.
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

extension ES256.PublicKey: CustomStringConvertible {
    /// `ES256.PublicKey(thumbprint: …)`.
    public var description: String {
        "ES256.PublicKey(thumbprint: \(thumbprint))"
    }
}

extension ES256.PublicKey: Hashable {
    /// Whether both keys have the same point.
    public static func == (lhs: ES256.PublicKey, rhs: ES256.PublicKey) -> Bool {
        lhs.core == rhs.core
    }

    /// Hashes the point.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(core.uncompressedPoint)
    }
}
