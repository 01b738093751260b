/// A type that ``JSONValueDecoder`` and ``JSONValueEncoder`` convert to and from a ``JSONValue`` themselves,
/// without calling its `init(from:)` or `encode(to:)`.
///
/// This is how numbers stay exact (integers come from ``JSONNumber/int64Value`` and ``JSONNumber/uint64Value``,
/// never through `Double`), how ``JSONValue``, ``JSONObject`` and ``JSONNumber`` pass through unchanged, and how
/// `Date` becomes a NumericDate. The coders check for it with one dynamic cast wherever a generic value is coded.
protocol JSONCodingPrimitive {
    /// What a JSON value must be to decode as this type, for error reasons: `an integer that fits Int32`.
    static var expectedDescription: String { get }

    /// The value that `json` holds, or `nil` if it has another type or is out of range.
    static func decoded(from json: JSONValue) -> Self?

    /// The JSON for this value, or `nil` if JSON cannot represent it (a non-finite floating-point number).
    func encodedJSONValue() -> JSONValue?
}

extension Bool: JSONCodingPrimitive {
    static var expectedDescription: String { "a boolean" }

    static func decoded(from json: JSONValue) -> Bool? {
        json.boolValue
    }

    func encodedJSONValue() -> JSONValue? {
        .bool(self)
    }
}

extension String: JSONCodingPrimitive {
    static var expectedDescription: String { "a string" }

    static func decoded(from json: JSONValue) -> String? {
        json.stringValue
    }

    func encodedJSONValue() -> JSONValue? {
        .string(self)
    }
}

extension Double: JSONCodingPrimitive {
    static var expectedDescription: String { "a number that fits Double" }

    /// The correctly rounded nearest `Double`; a number beyond the finite range does not fit.
    static func decoded(from json: JSONValue) -> Double? {
        json.numberValue?.doubleValue
    }

    /// The shortest text that reads back as the same `Double`; whole values keep a fraction (`1500.0`).
    func encodedJSONValue() -> JSONValue? {
        JSONNumber(self).map(JSONValue.number)
    }
}

extension Float: JSONCodingPrimitive {
    static var expectedDescription: String { "a number that fits Float" }

    /// The correctly rounded nearest `Float`, read from the number's text directly (rounding through `Double`
    /// first could round twice); a number beyond the finite range does not fit.
    static func decoded(from json: JSONValue) -> Float? {
        guard let number = json.numberValue, let value = Float(number.text), value.isFinite else { return nil }
        return value
    }

    /// The shortest text that reads back as the same `Float` (`0.1`, not the `Double` `0.10000000149011612`).
    func encodedJSONValue() -> JSONValue? {
        JSONNumber(self).map(JSONValue.number)
    }
}

// Every fixed-width integer converts the same way (below); these conformances only opt the types in.
extension Int: JSONCodingPrimitive {}
extension Int8: JSONCodingPrimitive {}
extension Int16: JSONCodingPrimitive {}
extension Int32: JSONCodingPrimitive {}
extension Int64: JSONCodingPrimitive {}
extension UInt: JSONCodingPrimitive {}
extension UInt8: JSONCodingPrimitive {}
extension UInt16: JSONCodingPrimitive {}
extension UInt32: JSONCodingPrimitive {}
extension UInt64: JSONCodingPrimitive {}
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension Int128: JSONCodingPrimitive {}
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension UInt128: JSONCodingPrimitive {}

extension JSONCodingPrimitive where Self: FixedWidthInteger {
    /// `an integer that fits Int32`, naming the type.
    static var expectedDescription: String { "an integer that fits \(Self.self)" }

    /// The integer value of a JSON number if it is exactly an integer in range: `1.5e3` is 1500, `1.5` and
    /// `300` (for `Int8`) do not fit. Never rounds and never goes through `Double`.
    static func decoded(from json: JSONValue) -> Self? {
        guard let number = json.numberValue else { return nil }
        if let plain = plainIntegerValue(of: number.text) {
            return Self(exactly: plain)
        }
        return DecimalValue(validatedText: number.text).exactInteger()
    }

    /// The integer in decimal.
    func encodedJSONValue() -> JSONValue? { .number(JSONNumber(self)) }
}

/// The value of plain integer text of at most 18 digits (`-?[0-9]{1,18}`), which cannot overflow `Int64`; `nil`
/// for any other text, which takes the general exact path. Most integer claims (`exp`, `iat`) are plain.
private func plainIntegerValue(of text: String) -> Int64? {
    var digits = Substring(text).utf8
    let isNegative = digits.first == UInt8(ascii: "-")
    if isNegative {
        digits = digits.dropFirst()
    }
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var value: Int64 = 0
    for byte in digits {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int64(byte - UInt8(ascii: "0"))
    }
    return isNegative ? -value : value
}
