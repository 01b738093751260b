/// The deterministic writer behind ``JSONValue/serialized()``: compact, member order kept, numbers as written.
///
/// Strings escape exactly what RFC 8259 requires and nothing else: `"`, `\` and U+0000 to U+001F, using the short
/// forms `\b \f \n \r \t` where they exist and lower-case `\u00XX` otherwise. `/` is never escaped and non-ASCII
/// characters are written as raw UTF-8, so a token written by a compact writer with the same rules is reproduced
/// byte for byte.
enum JSONWriter {
    /// Appends the compact JSON text of `value` to `output`.
    static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let bool):
            output.append(contentsOf: bool ? "true".utf8 : "false".utf8)
        case .number(let number):
            write(rawUTF8Of: number.text, into: &output)
        case .string(let string):
            write(string, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 {
                    output.append(UInt8(ascii: ","))
                }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            write(object, into: &output)
        }
    }

    /// Appends the compact JSON text of `object` to `output`.
    static func write(_ object: JSONObject, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        for (position, member) in object.enumerated() {
            if position > 0 {
                output.append(UInt8(ascii: ","))
            }
            write(member.name, into: &output)
            output.append(UInt8(ascii: ":"))
            write(member.value, into: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    /// Appends `string` as a JSON string literal. Strings that need no escape, nearly all of them, are scanned once
    /// over their contiguous UTF-8 and copied in one step; the others are copied byte by byte.
    static func write(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // `withUTF8` lends a native string's bytes in place (it needs a mutable copy only to make a bridged string
        // contiguous); iterating `String.UTF8View` instead cost about four times as many instructions per byte.
        var string = string
        string.withUTF8 { utf8 in
            if unsafe utf8.contains(where: needsEscape) {
                // (Indices rather than `for unsafe byte in`, which swift-format 6.3 mangles.)
                for index in utf8.indices {
                    let byte = unsafe utf8[index]
                    if needsEscape(byte) {
                        appendEscape(for: byte, into: &output)
                    } else {
                        output.append(byte)
                    }
                }
            } else {
                unsafe output.append(contentsOf: utf8)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends the UTF-8 of text that needs no escaping (a number's text) in one copy.
    private static func write(rawUTF8Of text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { unsafe output.append(contentsOf: $0) }
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscape(for byte: UInt8, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            output.append(byte)
        case 0x08:
            output.append(UInt8(ascii: "b"))
        case 0x0C:
            output.append(UInt8(ascii: "f"))
        case 0x0A:
            output.append(UInt8(ascii: "n"))
        case 0x0D:
            output.append(UInt8(ascii: "r"))
        case 0x09:
            output.append(UInt8(ascii: "t"))
        default:
            let digits: [UInt8] = Array("0123456789abcdef".utf8)
            output.append(contentsOf: "u00".utf8)
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
    }
}
