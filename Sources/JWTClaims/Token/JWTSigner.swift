/// Signs claim sets into compact JWTs with one key and that key's algorithm.
///
/// The header is `{"alg":"<the key's algorithm>","typ":"JWT"}`, with `"kid"` after them when the signer has a key
/// ID. The claims are written exactly as the ``ClaimSet`` holds them (member order, number text), and the signature
/// covers exactly the bytes written.
///
/// ```swift
/// let signer = JWTSigner(key: privateKey, keyID: privateKey.publicKey.thumbprint)           // ES256
/// let rsaSigner = JWTSigner(key: JWTSigningKey(rsaKey), keyID: "2024-06")                   // the key's RS256 or PS256
/// let token = try signer.sign(["sub": "user-1", "exp": 1599181203])
/// ```
public struct JWTSigner: Sendable {
    /// The signing key, which decides the algorithm.
    public let key: JWTSigningKey
    /// The `kid` written into every header, if any.
    public let keyID: String?
    /// The Base64URL of the default header (`typ` `JWT`), computed once.
    private let defaultEncodedHeader: [UInt8]
    /// The Base64URL length of every signature this signer makes.
    private let encodedSignatureLength: Int

    /// A signer that signs with `key`, in its algorithm, and names it `keyID` in each header.
    public init(key: JWTSigningKey, keyID: String? = nil) {
        self.key = key
        self.keyID = keyID
        self.defaultEncodedHeader = Self.encodedHeader(algorithm: key.algorithm, type: "JWT", keyID: keyID)
        self.encodedSignatureLength = Base64URL.encodedLength(of: key.signatureByteCount)
    }

    /// A signer that signs ES256 tokens with `key` and names it `keyID` in each header.
    public init(key: ES256.PrivateKey, keyID: String? = nil) {
        self.init(key: JWTSigningKey(key), keyID: keyID)
    }

    /// Signs `claims` into a compact token.
    ///
    /// - Parameters:
    ///   - claims: The claims, written as they are.
    ///   - type: The header's `typ`; `JWT` by default, nil to leave it out.
    /// - Returns: `header.payload.signature`.
    /// - Throws: ``JWTError/Code/cryptographicFailure`` if the backend fails.
    public func sign(_ claims: ClaimSet, type: String? = "JWT") throws(JWTError) -> String {
        try sign(claims, type: type, maximumTokenSize: .max)
    }

    /// Signs `claims`, unless the token would be longer than `maximumTokenSize` bytes: that is known from the
    /// signing input (the signature segment's length is fixed by the key: 86 characters for ES256), so an oversized
    /// token is refused before any cryptography runs, not signed and thrown away.
    ///
    /// - Throws: ``JWTError/Code/tokenTooLarge`` for an oversized token; ``JWTError/Code/cryptographicFailure`` if
    ///   the backend fails.
    func sign(_ claims: ClaimSet, type: String?, maximumTokenSize: Int) throws(JWTError) -> String {
        let header =
            type == "JWT"
            ? defaultEncodedHeader : Self.encodedHeader(algorithm: key.algorithm, type: type, keyID: keyID)
        var payload: [UInt8] = []
        payload.reserveCapacity(512)
        claims.object.write(into: &payload)
        // One buffer, sized once, receives the whole token: header, payload and signature are encoded straight into
        // it, and the signature covers exactly the bytes it holds before the second dot.
        var token: [UInt8] = []
        token.reserveCapacity(
            header.count + 1 + Base64URL.encodedLength(of: payload.count) + 1 + encodedSignatureLength
        )
        token.append(contentsOf: header)
        token.append(UInt8(ascii: "."))
        unsafe payload.withUnsafeBytes { unsafe Base64URL.encode($0, appendingTo: &token) }
        let size = token.count + 1 + encodedSignatureLength
        guard size <= maximumTokenSize else {
            throw .tokenWouldBeTooLarge(byteCount: size, limit: maximumTokenSize)
        }
        try key.appendSignature(to: &token)
        return String(decoding: token, as: UTF8.self)
    }

    /// The header this signer writes for `type`.
    func header(type: String?) throws(JWTError) -> JWTHeader {
        try JWTHeader(Self.headerObject(algorithm: key.algorithm, type: type, keyID: keyID))
    }

    private static func headerObject(algorithm: JWSAlgorithm, type: String?, keyID: String?) -> JSONObject {
        var header: JSONObject = ["alg": .string(algorithm.rawValue)]
        if let type { header["typ"] = .string(type) }
        if let keyID { header["kid"] = .string(keyID) }
        return header
    }

    private static func encodedHeader(algorithm: JWSAlgorithm, type: String?, keyID: String?) -> [UInt8] {
        Base64URL.encodedBytes(headerObject(algorithm: algorithm, type: type, keyID: keyID).serializedBytes())
    }
}
