/// A key that verifies tokens, of any supported kind: an ES256, ES384, ES512, EdDSA or RSA public key, or an HMAC
/// secret.
///
/// The one type ``JWTVerifier`` and ``JWKSet`` hold. Like ``JWTSigningKey`` it is closed (an internal enum over this
/// library's key types), so the verifier's rules live in one place: **the key decides the algorithm**, and a token is
/// refused unless its header's `alg` equals ``algorithm``, before any cryptography runs.
///
/// Make one from a family's key (`JWTVerificationKey(es256PublicKey)`), or from PEM, DER or a JWK recognised by
/// content:
///
/// ```swift
/// let key = try JWTVerificationKey(pemRepresentation: publicKeyPEM, algorithm: .rs256)
/// let verifier = JWTVerifier(key: key)
/// ```
///
/// PEM and DER give public keys only (SPKI, or PKCS#1 `RSA PUBLIC KEY`): an HMAC secret comes from an `oct` JWK or
/// ``HMAC/Key`` alone, never from a public key's bytes.
public struct JWTVerificationKey: Sendable {
    /// The key, by family.
    enum Storage: Sendable, Hashable {
        case es256(ES256.PublicKey)
        case es384(ES384.PublicKey)
        case es512(ES512.PublicKey)
        case eddsa(EdDSA.PublicKey)
        case rsa(RSA.PublicKey)
        case hmac(HMAC.Key)
    }

    let storage: Storage

    /// An ES256 verification key.
    public init(_ key: ES256.PublicKey) {
        storage = .es256(key)
    }

    /// An ES384 verification key.
    public init(_ key: ES384.PublicKey) {
        storage = .es384(key)
    }

    /// An ES512 verification key.
    public init(_ key: ES512.PublicKey) {
        storage = .es512(key)
    }

    /// An EdDSA (Ed25519) verification key.
    public init(_ key: EdDSA.PublicKey) {
        storage = .eddsa(key)
    }

    /// An RSA verification key, bound to its algorithm.
    public init(_ key: RSA.PublicKey) {
        storage = .rsa(key)
    }

    /// An HMAC key: the shared secret verifies what it signs.
    public init(_ key: HMAC.Key) {
        storage = .hmac(key)
    }

    /// Imports a public key from PEM, recognised by content: an X.509 `SubjectPublicKeyInfo` (`PUBLIC KEY`: EC,
    /// Ed25519 or RSA) or a PKCS#1 `RSA PUBLIC KEY`.
    ///
    /// - Parameters:
    ///   - pemRepresentation: the PEM text.
    ///   - algorithm: required for an RSA key (PEM carries no algorithm); for an EC or Ed25519 key it may be given
    ///     and must then be the key's own.
    /// - Throws: ``JWTError/Code/invalidKey`` for malformed text, an invalid key or a private key (import it as
    ///   ``JWTSigningKey`` and take its ``JWTSigningKey/verificationKey``); ``JWTError/Code/unsupportedKey`` for a
    ///   key JOSE does not sign with, a weak key, a missing RSA algorithm or one the key cannot do.
    public init(pemRepresentation: String, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
        let document = try PEMDocument(parsing: pemRepresentation)
        switch document.label {
        case "PUBLIC KEY", "RSA PUBLIC KEY":
            break
        case "PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY":
            throw .invalidKey(
                "the PEM block is a private key (\(document.label)); import it as JWTSigningKey and use its "
                    + "verificationKey"
            )
        default:
            throw PEMDocument.wrongLabelError(
                document.label,
                expected: "\"PUBLIC KEY\" or \"RSA PUBLIC KEY\"",
                importer: "JWTVerificationKey",
                requirement: "verifying needs a public key"
            )
        }
        let (_, family) = try KeyRecognition.recognize(document.block, encoding: .pem, label: document.label)
        storage = try KeyRecognition.importKey(of: family, algorithm: algorithm) { (curve) throws(JWTError) in
            Self.ec(try ECPublicKeyCore(curve: curve, pemRepresentation: pemRepresentation))
        } eddsa: { () throws(JWTError) in
            .eddsa(try EdDSA.PublicKey(pemRepresentation: pemRepresentation))
        } rsa: { (algorithm) throws(JWTError) in
            .rsa(try RSA.PublicKey(pemRepresentation: pemRepresentation, algorithm: algorithm))
        }
    }

    /// Imports a public key from DER, recognised by content: an X.509 `SubjectPublicKeyInfo` or a PKCS#1
    /// `RSAPublicKey`.
    ///
    /// - Parameters:
    ///   - derRepresentation: exactly one DER structure.
    ///   - algorithm: as for ``init(pemRepresentation:algorithm:)``.
    /// - Throws: as for PEM.
    public init(derRepresentation: some Collection<UInt8>, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
        let bytes = [UInt8](derRepresentation)
        let (isPrivate, family) = try KeyRecognition.recognize(bytes, encoding: .der, label: nil)
        guard !isPrivate else {
            throw .invalidKey(
                "the DER input is a private key; import it as JWTSigningKey and use its verificationKey"
            )
        }
        storage = try KeyRecognition.importKey(of: family, algorithm: algorithm) { (curve) throws(JWTError) in
            Self.ec(try ECPublicKeyCore(curve: curve, derRepresentation: bytes))
        } eddsa: { () throws(JWTError) in
            .eddsa(try EdDSA.PublicKey(derRepresentation: bytes))
        } rsa: { (algorithm) throws(JWTError) in
            .rsa(try RSA.PublicKey(derRepresentation: bytes, algorithm: algorithm))
        }
    }

    /// The storage for an EC public key, by its curve.
    private static func ec(_ core: ECPublicKeyCore) -> Storage {
        switch core.curve.algorithm.backing {
        case .es384: .es384(ES384.PublicKey(core: core))
        case .es512: .es512(ES512.PublicKey(core: core))
        default: .es256(ES256.PublicKey(core: core))
        }
    }

    /// Imports a verification key from a JSON Web Key, recognised by its `kty` (`EC`, `OKP`, `RSA`, `oct`) and
    /// `crv`. A public key's JWK must not carry private members; an `oct` JWK is the shared secret itself.
    ///
    /// - Parameters:
    ///   - jwk: the JWK.
    ///   - algorithm: the algorithm for an RSA or oct JWK without `alg` (one of them must say); if given for any
    ///     key, it must be the key's algorithm.
    /// - Throws: the errors of the family's JWK import (``ES256/PublicKey/init(jwk:)``, ...,
    ///   ``HMAC/Key/init(jwk:algorithm:)``); ``JWTError/Code/unsupportedKey`` for another `kty` or `crv`, or an
    ///   algorithm the key cannot do.
    public init(jwk: JSONObject, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
        storage = try KeyRecognition.importJWK(jwk, algorithm: algorithm) { (curve) throws(JWTError) in
            Self.ec(try ECPublicKeyCore(curve: curve, jwk: jwk))
        } eddsa: { () throws(JWTError) in
            .eddsa(try EdDSA.PublicKey(jwk: jwk))
        } rsa: { () throws(JWTError) in
            .rsa(try RSA.PublicKey(jwk: jwk, algorithm: algorithm))
        } oct: { () throws(JWTError) in
            .hmac(try HMAC.Key(jwk: jwk, algorithm: algorithm))
        }
    }

    /// Imports a verification key from the JSON text of a JSON Web Key; see ``init(jwk:algorithm:)``.
    ///
    /// - Parameters:
    ///   - jwkRepresentation: one JSON object, strict RFC 8259 JSON.
    ///   - algorithm: as for ``init(jwk:algorithm:)``.
    /// - Throws: the JSON errors for text that is not one JSON object; otherwise those of ``init(jwk:algorithm:)``.
    public init(jwkRepresentation: String, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
        try self.init(jwk: JSONObject(parsing: Array(jwkRepresentation.utf8)), algorithm: algorithm)
    }

    /// The one algorithm this key verifies: a token whose header names another is refused unverified.
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

    /// The RFC 7638 JWK thumbprint (RFC 8037 for Ed25519; for an HMAC key, of its `oct` JWK: a SHA-256 of the
    /// secret, which reveals nothing of a secret as long as the hash).
    public var thumbprint: String {
        switch storage {
        case .es256(let key): key.thumbprint
        case .es384(let key): key.thumbprint
        case .es512(let key): key.thumbprint
        case .eddsa(let key): key.thumbprint
        case .rsa(let key): key.thumbprint
        case .hmac(let key): key.thumbprint
        }
    }

    /// Whether the key is a shared secret (HMAC): one that must never be published.
    public var isSecret: Bool {
        if case .hmac = storage { return true }
        return false
    }

    /// The public key as a JSON Web Key, ready to publish in a JWK Set (RSA JWKs carry `alg`); nil for an HMAC key,
    /// whose JWK is the secret.
    public var publicJWK: JSONObject? {
        switch storage {
        case .es256(let key): key.jwk
        case .es384(let key): key.jwk
        case .es512(let key): key.jwk
        case .eddsa(let key): key.jwk
        case .rsa(let key): key.jwk
        case .hmac: nil
        }
    }

    /// The public key as DER `SubjectPublicKeyInfo`; nil for an HMAC key.
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

    /// The public key as a PEM `PUBLIC KEY` block; nil for an HMAC key.
    public var pemRepresentation: String? {
        derRepresentation.map { OpenSSLPEM.armor($0, label: "PUBLIC KEY") }
    }

    /// The length every signature for this key has: ``JWTVerifier`` refuses any other before verifying.
    var signatureByteCount: Int {
        switch storage {
        case .es256: ECCurve.p256.signatureByteCount
        case .es384: ECCurve.p384.signatureByteCount
        case .es512: ECCurve.p521.signatureByteCount
        case .eddsa: OpenSSLEd25519.signatureByteCount
        case .rsa(let key): key.signatureByteCount
        case .hmac(let key): key.algorithm.digest.byteCount
        }
    }

    /// Whether `signature` is a valid signature of `message` under this key and its ``algorithm``.
    ///
    /// - Parameters:
    ///   - signature: the signature in JWS form (a token's decoded signature segment).
    ///   - message: the signed bytes.
    /// - Returns: `true` only if the signature verifies; `false` for a wrong one, including one of the wrong length.
    @inlinable  // specialised in the caller, as HMAC.Key.isValidSignature(_:for:) and for the same reason
    public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
        let outcome = try? unsafe withContiguousBytes(of: signature) { (code) throws(JWTError) in
            try unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
                unsafe isValidSignature(contiguous: code, for: bytes)
            }
        }
        return outcome ?? false
    }

    /// ``isValidSignature(_:for:)`` over bytes already in buffers.
    @usableFromInline
    func isValidSignature(contiguous signature: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer) -> Bool {
        switch storage {
        case .es256(let key): unsafe key.isValidSignature(signature, for: message)
        case .es384(let key): unsafe key.isValidSignature(signature, for: message)
        case .es512(let key): unsafe key.isValidSignature(signature, for: message)
        case .eddsa(let key): unsafe key.isValidSignature(signature, for: message)
        case .rsa(let key): unsafe key.isValidSignature(signature, for: message)
        case .hmac(let key): unsafe key.isValidSignature(contiguous: signature, for: message)
        }
    }

    /// Checks that a token's decoded signature has this key's length, then verifies it over `signingInput`.
    ///
    /// - Throws: ``JWTError/Code/invalidSignatureEncoding`` for another length (a DER ECDSA signature, a truncated
    ///   MAC), before any cryptography.
    func verify(_ signature: [UInt8], signingInput: ArraySlice<UInt8>) throws(JWTError) -> Bool {
        guard signature.count == signatureByteCount else {
            throw .signatureIsNotRaw(byteCount: signature.count, algorithm: algorithm, expected: signatureByteCount)
        }
        if case .es256(let key) = storage {
            // The ES256 path of the old verifier, unchanged: the 64 bytes go inline, nothing else is allocated.
            return key.isValidSignature(try ES256.Signature(rawRepresentation: signature), for: signingInput)
        }
        return unsafe signature.withUnsafeBytes { code in
            unsafe signingInput.withUnsafeBytes { bytes in unsafe isValidSignature(contiguous: code, for: bytes) }
        }
    }
}

extension JWTVerificationKey: Hashable {
    /// Whether both are the same key for the same algorithm.
    public static func == (lhs: JWTVerificationKey, rhs: JWTVerificationKey) -> Bool {
        lhs.storage == rhs.storage
    }

    /// Hashes the key.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage)
    }
}

extension JWTVerificationKey: CustomStringConvertible {
    /// The family key's description, such as `RSA.PublicKey(RS256, 2048 bits, thumbprint: …)`; an HMAC key's never
    /// shows the secret.
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
