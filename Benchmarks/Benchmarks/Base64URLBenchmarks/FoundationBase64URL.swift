import Foundation

/// Base64URL the usual way with Foundation: translate between the URL and standard alphabets and fix the padding
/// around `Data(base64Encoded:)` and `Data.base64EncodedString()`.
///
/// This is what Swift code without a dedicated Base64URL codec does, and it is the fair baseline: Foundation has no
/// URL-alphabet or unpadded option.
enum FoundationBase64URL {
    /// Decodes unpadded Base64URL text, or returns nil when Foundation rejects it.
    static func decode(_ text: String) -> Data? {
        Data(base64Encoded: standardPadded(text))
    }

    /// Encodes bytes as unpadded Base64URL text.
    static func encode(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Turns unpadded Base64URL text into padded standard Base64: `-` to `+`, `_` to `/`, then `=` to a multiple of 4.
    static func standardPadded(_ text: String) -> String {
        let standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = standard.utf8.count % 4
        return remainder == 0 ? standard : standard + String(repeating: "=", count: 4 - remainder)
    }
}
