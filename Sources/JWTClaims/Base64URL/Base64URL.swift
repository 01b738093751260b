/// Strict, canonical Base64URL: the URL- and filename-safe alphabet of RFC 4648 section 5, without padding, as JWS
/// uses it for every segment of a token (RFC 7515 section 2).
///
/// Encoding always produces the one canonical text: the alphabet `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`, no `=`, no line
/// breaks.
///
/// Decoding accepts exactly that and nothing else, so that every byte string has exactly one encoding and a token
/// cannot be altered without changing its text. It rejects, each with ``JWTError/Code/invalidBase64URL`` and the
/// ``JWTError/offset`` of the problem, counted from the start of the given text:
///
/// - padding: any `=`, wherever it stands;
/// - any other byte outside the alphabet, including `+` and `/` of standard Base64, whitespace, line breaks, NUL and
///   non-ASCII bytes;
/// - a length of one more than a multiple of 4, which no byte string encodes to (the offset is that of the lone last
///   character);
/// - non-zero unused bits in the last character, such as `Zh` for the canonical `Zg` (the offset is that of the last
///   character). RFC 4648 section 3.5 lets decoders accept these; accepting them would let one token have several
///   texts.
///
/// When a text breaks more than one rule, the error names the first offending byte in the text; the length and the
/// unused bits are checked only once every byte is known to be in the alphabet. Empty text decodes to no bytes.
///
/// ```swift
/// let text = Base64URL.encode(Array("foob".utf8))  // "Zm9vYg"
/// let bytes = try Base64URL.decode(text)             // [0x66, 0x6F, 0x6F, 0x62]
/// ```
public enum Base64URL {
    /// Encodes bytes as unpadded Base64URL text.
    ///
    /// - Parameter bytes: The bytes to encode: an array, a slice, `Data`, a `String.UTF8View` or any other
    ///   collection of bytes. Contiguous collections are read in place; others are copied once first.
    /// - Returns: The canonical encoding: `4 * (n / 3)` characters plus 2 or 3 for a final 1 or 2 bytes, without
    ///   padding.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ unsafe encodeToString(UnsafeRawBufferPointer($0)) }) {
            return text
        }
        return unsafe Array(bytes).withUnsafeBytes { unsafe encodeToString($0) }
    }

    /// Encodes bytes as the ASCII bytes of their unpadded Base64URL text.
    ///
    /// Use this to assemble token text byte by byte without building a `String` and reading it back.
    ///
    /// - Parameter bytes: The bytes to encode. Contiguous collections are read in place; others are copied once first.
    /// - Returns: The ASCII bytes of the canonical encoding, the same characters ``encode(_:)`` returns.
    public static func encodedBytes(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if let encoded = bytes.withContiguousStorageIfAvailable({ unsafe encodeToArray(UnsafeRawBufferPointer($0)) }) {
            return encoded
        }
        return unsafe Array(bytes).withUnsafeBytes { unsafe encodeToArray($0) }
    }

    /// Decodes canonical, unpadded Base64URL text.
    ///
    /// - Parameter text: The text to decode. Nothing but the Base64URL alphabet is allowed, not even whitespace.
    /// - Returns: The decoded bytes; empty for empty text.
    /// - Throws: ``JWTError`` with code ``JWTError/Code/invalidBase64URL`` and the byte offset (in the UTF-8 of
    ///   `text`) of the first problem: a byte outside the alphabet, padding, an impossible length or non-zero unused
    ///   bits. See ``Base64URL`` for the rules.
    public static func decode(_ text: String) throws(JWTError) -> [UInt8] {
        // `withUTF8` reads a native string in place; it needs a mutable copy only to make a bridged one contiguous.
        var text = text
        return try finish(text.withUTF8 { unsafe decodeResult(UnsafeRawBufferPointer($0)) })
    }

    /// Decodes canonical, unpadded Base64URL text from part of a larger string, such as one segment of a token.
    ///
    /// - Parameter text: The text to decode. Nothing but the Base64URL alphabet is allowed, not even whitespace.
    /// - Returns: The decoded bytes; empty for empty text.
    /// - Throws: ``JWTError`` with code ``JWTError/Code/invalidBase64URL`` and the byte offset of the first problem,
    ///   counted from the start of the substring (not of the string it is part of). See ``Base64URL`` for the rules.
    public static func decode(_ text: Substring) throws(JWTError) -> [UInt8] {
        var text = text
        return try finish(text.withUTF8 { unsafe decodeResult(UnsafeRawBufferPointer($0)) })
    }

    /// Decodes canonical, unpadded Base64URL text given as its UTF-8 (ASCII) bytes.
    ///
    /// - Parameter utf8: The bytes of the text: an array, a slice, `Data`, a `String.UTF8View` or any other
    ///   collection of bytes. Contiguous collections are read in place; others are copied once first.
    /// - Returns: The decoded bytes; empty for empty input.
    /// - Throws: ``JWTError`` with code ``JWTError/Code/invalidBase64URL`` and the offset of the first problem,
    ///   counted in bytes from the start of `utf8` (also for a slice that does not start at index 0). See
    ///   ``Base64URL`` for the rules.
    public static func decode(_ utf8: some Collection<UInt8>) throws(JWTError) -> [UInt8] {
        if let inPlace = utf8.withContiguousStorageIfAvailable({ unsafe decodeResult(UnsafeRawBufferPointer($0)) }) {
            return try finish(inPlace)
        }
        return try finish(unsafe Array(utf8).withUnsafeBytes { unsafe decodeResult($0) })
    }
}

extension Base64URL: Sendable {}
