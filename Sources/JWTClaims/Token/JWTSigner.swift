/// Signs claim sets into compact ES256 JWTs.
///
/// The header is `{"alg":"ES256","typ":"JWT"}`, with `"kid"` after them when the signer has a key ID. The claims are
/// written exactly as the ``ClaimSet`` holds them (member order, number text), and the signature covers exactly the
/// bytes written.
///
/// ```swift
/// let signer = JWTSigner(key: privateKey, keyID: privateKey.publicKey.thumbprint)
/// let token = try signer.sign(["sub": "user-1", "exp": 1599181203])
/// ```
public struct JWTSigner: Sendable {
    /// The signing key.
    public let key: ES256.PrivateKey
    /// The `kid` written into every header, if any.
    public let keyID: String?
    /// The Base64URL of the default header (`typ` `JWT`), computed once.
    private let defaultEncodedHeader: [UInt8]

    /// A signer that signs with `key` and names it `keyID` in each header.
    public init(key: ES256.PrivateKey, keyID: String? = nil) {
        self.key = key
        self.keyID = keyID
        self.defaultEncodedHeader = Self.encodedHeader(type: "JWT", keyID: keyID)
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
    /// signing input (the signature segment is always 86 characters), so an oversized token is refused before any
    /// cryptography runs, not signed and thrown away.
    ///
    /// - Throws: ``JWTError/Code/tokenTooLarge`` for an oversized token; ``JWTError/Code/cryptographicFailure`` if
    ///   the backend fails.
    func sign(_ claims: ClaimSet, type: String?, maximumTokenSize: Int) throws(JWTError) -> String {
        let header = type == "JWT" ? defaultEncodedHeader : Self.encodedHeader(type: type, keyID: keyID)
        var payload: [UInt8] = []
        payload.reserveCapacity(512)
        claims.object.write(into: &payload)
        // One buffer, sized once, receives the whole token: header, payload and signature are encoded straight into
        // it, and the signature covers exactly the bytes it holds before the second dot.
        var token: [UInt8] = []
        token.reserveCapacity(header.count + 1 + Base64URL.encodedLength(of: payload.count) + 1 + 86)
        token.append(contentsOf: header)
        token.append(UInt8(ascii: "."))
        unsafe payload.withUnsafeBytes { unsafe Base64URL.encode($0, appendingTo: &token) }
        let size = token.count + 1 + 86
        guard size <= maximumTokenSize else {
            throw .tokenWouldBeTooLarge(byteCount: size, limit: maximumTokenSize)
        }
        let signature = try key.signature(for: token)
        token.append(UInt8(ascii: "."))
        unsafe signature.rawRepresentation.withUnsafeBytes { unsafe Base64URL.encode($0, appendingTo: &token) }
        return String(decoding: token, as: UTF8.self)
    }

    /// The header this signer writes for `type`.
    func header(type: String?) throws(JWTError) -> JWTHeader {
        try JWTHeader(Self.headerObject(type: type, keyID: keyID))
    }

    private static func headerObject(type: String?, keyID: String?) -> JSONObject {
        var header: JSONObject = ["alg": "ES256"]
        if let type { header["typ"] = .string(type) }
        if let keyID { header["kid"] = .string(keyID) }
        return header
    }

    private static func encodedHeader(type: String?, keyID: String?) -> [UInt8] {
        Base64URL.encodedBytes(headerObject(type: type, keyID: keyID).serializedBytes())
    }
}
