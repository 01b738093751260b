/// A key that signs tokens, of any supported kind: ES256, ES384, ES512, EdDSA, RS256 to PS512, or HS256 to HS512.
///
/// The one type ``JWTSigner`` takes. It is closed: an internal enum over this library's key types, not a protocol
/// users implement, so the rules that keep tokens safe (a key decides its algorithm; weak keys are refused; a public
/// key is never an HMAC secret) live in one place, and signing with an ES256 key stays a direct call.
///
/// Make one from a family's key (`JWTSigningKey(es256Key)`), or from PEM, DER or a JWK recognised by content:
///
/// ```swift
/// let fromFile = try JWTSigningKey(pemRepresentation: pem)                     // EC or Ed25519: algorithm from the key
/// let rsa = try JWTSigningKey(pemRepresentation: rsaPEM, algorithm: .rs256)   // RSA: say which algorithm
/// let hmac = try JWTSigningKey(jwkRepresentation: #"{"kty":"oct","k":"…","alg":"HS256"}"#)
/// ```
///
/// Its ``description`` never shows secret material.
public struct JWTSigningKey: Sendable {
    /// The key, by family.
    enum Storage: Sendable {
        case es256(ES256.PrivateKey)
        case es384(ES384.PrivateKey)
        case es512(ES512.PrivateKey)
        case eddsa(EdDSA.PrivateKey)
        case rsa(RSA.PrivateKey)
        case hmac(HMAC.Key)
    }

    let storage: Storage

    /// An ES256 signing key.
    public init(_ key: ES256.PrivateKey) {
        storage = .es256(key)
    }

    /// An ES384 signing key.
    public init(_ key: ES384.PrivateKey) {
        storage = .es384(key)
    }

    /// An ES512 signing key.
    public init(_ key: ES512.PrivateKey) {
        storage = .es512(key)
    }

    /// An EdDSA (Ed25519) signing key.
    public init(_ key: EdDSA.PrivateKey) {
        storage = .eddsa(key)
    }

    /// An RSA signing key, bound to its algorithm.
    public init(_ key: RSA.PrivateKey) {
        storage = .rsa(key)
    }

    /// An HMAC key, bound to its algorithm.
    public init(_ key: HMAC.Key) {
        storage = .hmac(key)
    }

    /// Generates a new random key for `algorithm`: on the algorithm's curve for ES256, ES384 and ES512; Ed25519 for
    /// EdDSA; 2048 bits (e = 65537) for RSA (``RSA/PrivateKey/init(algorithm:bitCount:)`` makes larger ones); as long
    /// as the hash output for HMAC.
    ///
    /// - Parameter algorithm: any supported algorithm.
    /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL cannot generate a key.
    public init(generatingFor algorithm: JWSAlgorithm) throws(JWTError) {
        switch algorithm.family {
        case .ecdsa:
            storage = Self.ec(try ECPrivateKeyCore(generatingOn: ECCurve.of(algorithm) ?? .p256))
        case .eddsa: storage = .eddsa(try EdDSA.PrivateKey())
        case .rsaPKCS1, .rsaPSS: storage = .rsa(try RSA.PrivateKey(algorithm: algorithm))
        case .hmac: storage = .hmac(try HMAC.Key(algorithm: algorithm))
        }
    }

    /// Imports a private key from PEM, recognised by content: PKCS#8 (`PRIVATE KEY`: EC, Ed25519 or RSA), SEC1
    /// (`EC PRIVATE KEY`) or PKCS#1 (`RSA PRIVATE KEY`).
    ///
    /// - Parameters:
    ///   - pemRepresentation: the PEM text.
    ///   - algorithm: required for an RSA key (PEM carries no algorithm); for an EC or Ed25519 key it may be given
    ///     and must then be the key's own (ES256 for P-256, ..., EdDSA).
    /// - Throws: ``JWTError/Code/invalidKey`` for malformed text, an invalid key or a public key;
    ///   ``JWTError/Code/unsupportedKey`` for a key JOSE does not sign with (X25519, Ed448, secp256k1, P-224, ...),
    ///   a weak key, an encrypted key, a missing RSA algorithm, or an algorithm the key cannot do.
    public init(pemRepresentation: String, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
        let document = try PEMDocument(parsing: pemRepresentation)
        switch document.label {
        case "PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY":
            break
        case "PUBLIC KEY", "RSA PUBLIC KEY":
            throw .invalidKey(
                "the PEM block is a public key (\(document.label)); signing needs the private key"
            )
        default:
            throw PEMDocument.wrongLabelError(
                document.label,
                expected: "\"PRIVATE KEY\", \"EC PRIVATE KEY\" or \"RSA PRIVATE KEY\"",
                importer: "JWTSigningKey",
                requirement: "signing needs a private key"
            )
        }
        let (_, family) = try KeyRecognition.recognize(document.block, encoding: .pem, label: document.label)
        storage = try KeyRecognition.importKey(of: family, algorithm: algorithm) { (curve) throws(JWTError) in
            Self.ec(try ECPrivateKeyCore(curve: curve, pemRepresentation: pemRepresentation))
        } eddsa: { () throws(JWTError) in
            .eddsa(try EdDSA.PrivateKey(pemRepresentation: pemRepresentation))
        } rsa: { (algorithm) throws(JWTError) in
            .rsa(try RSA.PrivateKey(pemRepresentation: pemRepresentation, algorithm: algorithm))
        }
    }

    /// Imports a private key from DER, recognised by content: PKCS#8, SEC1 or PKCS#1.
    ///
    /// - Parameters:
    ///   - derRepresentation: exactly one DER structure.
    ///   - algorithm: as for ``init(pemRepresentation:algorithm:)``.
    /// - Throws: as for PEM.
    public init(derRepresentation: some Collection<UInt8>, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
        let bytes = [UInt8](derRepresentation)
        let (isPrivate, family) = try KeyRecognition.recognize(bytes, encoding: .der, label: nil)
        guard isPrivate else {
            throw .invalidKey("the DER input is a public key; signing needs the private key")
        }
        storage = try KeyRecognition.importKey(of: family, algorithm: algorithm) { (curve) throws(JWTError) in
            Self.ec(try ECPrivateKeyCore(curve: curve, derRepresentation: bytes))
        } eddsa: { () throws(JWTError) in
            .eddsa(try EdDSA.PrivateKey(derRepresentation: bytes))
        } rsa: { (algorithm) throws(JWTError) in
            .rsa(try RSA.PrivateKey(derRepresentation: bytes, algorithm: algorithm))
        }
    }

    /// The storage for an EC private key, by its curve.
    private static func ec(_ core: ECPrivateKeyCore) -> Storage {
        switch core.curve.algorithm.backing {
        case .es384: .es384(ES384.PrivateKey(core: core))
        case .es512: .es512(ES512.PrivateKey(core: core))
        default: .es256(ES256.PrivateKey(core: core))
        }
    }

    /// Imports a private key from a JSON Web Key, recognised by its `kty` (`EC`, `OKP`, `RSA`, `oct`) and `crv`.
    ///
    /// - Parameters:
    ///   - jwk: the JWK, with its private members (`d`, or `k` for `oct`).
    ///   - algorithm: the algorithm for an RSA or oct JWK without `alg` (one of them must say); if given for any
    ///     key, it must be the key's algorithm.
    /// - Throws: the errors of the family's JWK import (``ES256/PrivateKey/init(jwk:)``, ...,
    ///   ``HMAC/Key/init(jwk:algorithm:)``); ``JWTError/Code/unsupportedKey`` for another `kty` or `crv`, or an
    ///   algorithm the key cannot do.
    public init(jwk: JSONObject, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
        storage = try KeyRecognition.importJWK(jwk, algorithm: algorithm) { (curve) throws(JWTError) in
            Self.ec(try ECPrivateKeyCore(curve: curve, jwk: jwk))
        } eddsa: { () throws(JWTError) in
            .eddsa(try EdDSA.PrivateKey(jwk: jwk))
        } rsa: { () throws(JWTError) in
            .rsa(try RSA.PrivateKey(jwk: jwk, algorithm: algorithm))
        } oct: { () throws(JWTError) in
            .hmac(try HMAC.Key(jwk: jwk, algorithm: algorithm))
        }
    }

    /// Imports a private key from the JSON text of a JSON Web Key; see ``init(jwk:algorithm:)``.
    ///
    /// - Parameters:
    ///   - jwkRepresentation: one JSON object, strict RFC 8259 JSON.
    ///   - algorithm: as for ``init(jwk:algorithm:)``.
    /// - Throws: the JSON errors for text that is not one JSON object; otherwise those of ``init(jwk:algorithm:)``.
    public init(jwkRepresentation: String, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
        try self.init(jwk: JSONObject(parsing: Array(jwkRepresentation.utf8)), algorithm: algorithm)
    }

    /// The one algorithm this key signs with, which every token it signs names in its header.
    public var algorithm: JWSAlgorithm {
        switch storage {
        case .es256: .es256
        case .es384: .es384
        case .es512: .es512
        case .eddsa: .eddsa
        case .rsa(let key): key.algorithm
        case .hmac(let key): key.algorithm
        }
    }

    /// The key that verifies what this key signs: the public key, or for HMAC the same secret.
    public var verificationKey: JWTVerificationKey {
        switch storage {
        case .es256(let key): JWTVerificationKey(key.publicKey)
        case .es384(let key): JWTVerificationKey(key.publicKey)
        case .es512(let key): JWTVerificationKey(key.publicKey)
        case .eddsa(let key): JWTVerificationKey(key.publicKey)
        case .rsa(let key): JWTVerificationKey(key.publicKey)
        case .hmac(let key): JWTVerificationKey(key)
        }
    }

    /// The RFC 7638 (RFC 8037 for Ed25519) thumbprint of the verification key, usable as a `kid`.
    public var thumbprint: String {
        verificationKey.thumbprint
    }

    /// The key as a JSON Web Key with its private members (RSA and oct JWKs also carry `alg`).
    ///
    /// This is secret material: keep it out of logs.
    public var jwk: JSONObject {
        switch storage {
        case .es256(let key): key.jwk
        case .es384(let key): key.jwk
        case .es512(let key): key.jwk
        case .eddsa(let key): key.jwk
        case .rsa(let key): key.jwk
        case .hmac(let key): key.jwk
        }
    }

    /// The key as DER PKCS#8; nil for an HMAC key, which has no DER form.
    ///
    /// This is secret material: keep it out of logs.
    public var derRepresentation: [UInt8]? {
        switch storage {
        case .es256(let key): key.derRepresentation
        case .es384(let key): key.derRepresentation
        case .es512(let key): key.derRepresentation
        case .eddsa(let key): key.derRepresentation
        case .rsa(let key): key.derRepresentation
        case .hmac: nil
        }
    }

    /// The key as a PEM `PRIVATE KEY` block (PKCS#8); nil for an HMAC key, which has no PEM form.
    ///
    /// This is secret material: keep it out of logs.
    public var pemRepresentation: String? {
        derRepresentation.map { OpenSSLPEM.armor($0, label: "PRIVATE KEY") }
    }

    /// The bytes of every signature this key makes.
    var signatureByteCount: Int {
        switch storage {
        case .es256: ECCurve.p256.signatureByteCount
        case .es384: ECCurve.p384.signatureByteCount
        case .es512: ECCurve.p521.signatureByteCount
        case .eddsa: OpenSSLEd25519.signatureByteCount
        case .rsa(let key): key.publicKey.signatureByteCount
        case .hmac(let key): key.algorithm.digest.byteCount
        }
    }

    /// Signs `message` with the key's ``algorithm``.
    ///
    /// - Parameter message: the bytes to sign (for a JWS, the ASCII of `header.payload`).
    /// - Returns: the signature in JWS form: raw `R || S` for ECDSA, 64 bytes for EdDSA, as long as the modulus for
    ///   RSA, the full MAC for HMAC.
    /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL fails internally.
    @inlinable  // specialised in the caller, as HMAC.Key.signature(for:) and for the same reason
    public func signature(for message: some Collection<UInt8>) throws(JWTError) -> [UInt8] {
        try unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
            try unsafe signature(forContiguous: bytes)
        }
    }

    /// ``signature(for:)`` over bytes already in one buffer.
    @usableFromInline
    func signature(forContiguous message: UnsafeRawBufferPointer) throws(JWTError) -> [UInt8] {
        switch storage {
        case .es256(let key): try unsafe key.signature(for: message).rawRepresentation
        case .es384(let key): try unsafe key.signature(for: message).rawRepresentation
        case .es512(let key): try unsafe key.signature(for: message).rawRepresentation
        case .eddsa(let key): try unsafe key.signature(for: message)
        case .rsa(let key): try unsafe key.signature(for: message)
        case .hmac(let key): try unsafe key.signature(forContiguous: message)
        }
    }

    /// Signs the signing input `token` holds (`header.payload`), then appends `.` and the signature's Base64URL:
    /// for ES256 without an intermediate array, as ``JWTSigner`` always did.
    func appendSignature(to token: inout [UInt8]) throws(JWTError) {
        if case .es256(let key) = storage {
            let signature = try key.signature(for: token)
            token.append(UInt8(ascii: "."))
            unsafe signature.withUnsafeRawBytes { unsafe Base64URL.encode($0, appendingTo: &token) }
            return
        }
        let signature = try signature(for: token)
        token.append(UInt8(ascii: "."))
        unsafe signature.withUnsafeBytes { unsafe Base64URL.encode($0, appendingTo: &token) }
    }
}

extension JWTSigningKey: CustomStringConvertible {
    /// The family key's description, such as `ES256.PrivateKey(redacted, thumbprint: …)`: never secret material.
    public var description: String {
        switch storage {
        case .es256(let key): key.description
        case .es384(let key): key.description
        case .es512(let key): key.description
        case .eddsa(let key): key.description
        case .rsa(let key): key.description
        case .hmac(let key): key.description
        }
    }
}
