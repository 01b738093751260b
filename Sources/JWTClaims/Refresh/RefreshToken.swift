/// An opaque refresh token: `<id>:<secret>`, both Base64URL, as the reference API shapes them.
///
/// The id is 16 random bytes (128 bits, 22 characters) and names the token's record in a ``RefreshTokenStore``;
/// the secret is 32 random bytes (256 bits, 43 characters) and proves possession. Both come from OpenSSL's
/// CSPRNG (`RAND_bytes`). Stores keep only the SHA-256 digest of the secret, and compare digests in constant time.
///
/// The token's text leaves this type only through ``serialized()``, to be sent to the client. Its
/// ``description``, ``debugDescription`` and reflection (`dump`, string interpolation, `print`) show the id and
/// redact the secret, and no error ever contains it:
///
/// ```swift
/// let token = try RefreshToken(parsing: body.refreshToken)
/// print(token)  // RefreshToken(id: "q1O5…", secret: <redacted>)
/// ```
///
/// A `RefreshToken` is deliberately not `Equatable`: comparing secrets is the store's job, in constant time.
public struct RefreshToken: Sendable {
    /// Random bytes in an id (128 bits).
    public static let idByteCount = 16
    /// Random bytes in a secret (256 bits).
    public static let secretByteCount = 32
    /// Characters in the text form: 22 for the id, the colon, 43 for the secret.
    public static let textLength = 22 + 1 + 43

    /// The id: the Base64URL text of ``idByteCount`` random bytes. Not secret; it names the stored record.
    public let id: String
    /// The secret's bytes.
    private let secret: [UInt8]

    private init(id: String, secret: [UInt8]) {
        self.id = id
        self.secret = secret
    }

    /// Parses a refresh token presented by a client.
    ///
    /// The text must be exactly ``textLength`` characters: the canonical, unpadded Base64URL of ``idByteCount``
    /// bytes, a colon, and that of ``secretByteCount`` bytes.
    ///
    /// - Parameter text: The token as the client sent it.
    /// - Throws: ``JWTError/Code/invalidRefreshToken`` naming the rule broken (empty, wrong length, no colon, bad
    ///   Base64URL in the id or the secret), with the offset of the problem; the token's text is never included.
    public init(parsing text: String) throws(JWTError) {
        let utf8 = text.utf8
        guard !utf8.isEmpty else {
            throw .malformedRefreshToken("it is empty")
        }
        guard utf8.count == Self.textLength else {
            throw .malformedRefreshToken("it is \(utf8.count) bytes long; a refresh token is \(Self.textLength)")
        }
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else {
            throw .malformedRefreshToken("it has no colon between the id and the secret")
        }
        let idText = Substring(text.utf8[..<colon])
        let secretText = Substring(text.utf8[utf8.index(after: colon)...])
        let secretOffset = idText.utf8.count + 1
        // The id is kept as text: being canonical, it is the one encoding of its bytes.
        _ = try Self.decode(idText, part: "id", offset: 0, byteCount: Self.idByteCount)
        let secret = try Self.decode(
            secretText,
            part: "secret",
            offset: secretOffset,
            byteCount: Self.secretByteCount
        )
        self.init(id: String(idText), secret: secret)
    }

    /// A new token with a random id and secret.
    ///
    /// - Throws: ``JWTError/Code/cryptographicFailure`` if OpenSSL's random generator fails.
    static func generate() throws(JWTError) -> RefreshToken {
        let bytes = try SecureRandom.bytes(count: idByteCount + secretByteCount)
        return RefreshToken(
            id: Base64URL.encode(bytes[..<idByteCount]),
            secret: Array(bytes[idByteCount...])
        )
    }

    /// The token's text, `<id>:<secret>`, to send to the client. The only way the secret leaves this value.
    public func serialized() -> String {
        id + ":" + Base64URL.encode(secret)
    }

    /// The SHA-256 digest of the secret: what stores keep and compare.
    ///
    /// - Throws: ``JWTError/Code/cryptographicFailure`` if OpenSSL cannot hash.
    func secretDigest() throws(JWTError) -> [UInt8] {
        try SHA256.hash(secret)
    }

    /// Decodes one part of the token, checking its decoded length; errors never quote the text.
    private static func decode(
        _ text: Substring,
        part: String,
        offset: Int,
        byteCount: Int
    ) throws(JWTError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try Base64URL.decode(text)
        } catch {
            throw .malformedRefreshToken(
                "the \(part) is not canonical unpadded Base64URL",
                offset: offset + (error.offset ?? 0)
            )
        }
        guard bytes.count == byteCount else {
            throw .malformedRefreshToken(
                "the \(part) decodes to \(bytes.count) bytes; it must be \(byteCount)",
                offset: offset
            )
        }
        return bytes
    }
}

extension RefreshToken: CustomStringConvertible {
    /// The id and a redacted secret: `RefreshToken(id: "…", secret: <redacted>)`.
    public var description: String {
        "RefreshToken(id: \"\(id)\", secret: <redacted>)"
    }
}

extension RefreshToken: CustomDebugStringConvertible {
    /// The same as ``description``: the secret is redacted in debug output too.
    public var debugDescription: String {
        description
    }
}

extension RefreshToken: CustomReflectable {
    /// A mirror showing the id only, so `dump` and debuggers never print the secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["id": id, "secret": "<redacted>"], displayStyle: .struct)
    }
}
