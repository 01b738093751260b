/// A JSON number, kept as the exact text it was written with.
///
/// JSON numbers are decimal text of any length and precision; `Double` and `Int64` are each lossy for some of
/// them. `JSONNumber` stores the text itself (`1599181203`, `-0`, `1.5e3`, a 40-digit integer), so a parsed token
/// is written back byte for byte, and offers exact views on demand: ``int64Value`` and ``uint64Value`` are never
/// rounded, and ``doubleValue`` is the correctly rounded nearest `Double`.
///
/// Two numbers are `==` when their texts are identical; ``hasSameValue(as:)`` compares the values exactly
/// (`1.5e3`, `15e2` and `1500` are one value).
///
/// ```swift
/// let expiry = try #require(JSONNumber("1599181203"))
/// expiry.int64Value       // 1599181203
/// JSONNumber(1.5)?.text   // "1.5"
/// ```
public struct JSONNumber {
    /// The number's exact text, which matches RFC 8259's number grammar, such as `1.5e3`, `-0` or `1599181203`.
    public let text: String

    /// Wraps text that is already known to match the number grammar.
    init(uncheckedText text: String) {
        self.text = text
    }

    /// Creates a number from its text, exactly as written.
    ///
    /// - Parameter text: The number's text, with no surrounding whitespace.
    /// - Returns: `nil` unless `text` matches RFC 8259's number grammar exactly: an optional `-`, an integer part
    ///   without leading zeros, an optional fraction and an optional exponent. `+1`, `01`, `.5`, `1.`, `NaN` and
    ///   `Infinity` are not numbers.
    public init?(_ text: String) {
        guard JSONReader.isNumberLiteral(text) else { return nil }
        self.text = text
    }

    /// Creates an integer number.
    ///
    /// - Parameter value: The integer, written in decimal.
    public init(_ value: Int64) {
        text = String(value)
    }

    /// Creates an integer number.
    ///
    /// - Parameter value: The integer, written in decimal.
    public init(_ value: Int) {
        text = String(value)
    }

    /// Creates an integer number.
    ///
    /// - Parameter value: The integer, written in decimal.
    public init(_ value: UInt64) {
        text = String(value)
    }

    /// Creates an integer number of any integer type, exactly.
    ///
    /// Every value converts, whatever its width: `UInt64.max` is `18446744073709551615`, and `Int128` and
    /// arbitrary-precision integer types keep every digit.
    ///
    /// - Parameter value: The integer, written in decimal.
    public init(_ value: some BinaryInteger) {
        // `String(_:radix:)` works from the integer's arithmetic, never from a type's own `description`.
        text = String(value, radix: 10)
    }

    /// Creates a number from a `Double`, written with the shortest text that reads back as the same `Double`.
    ///
    /// Whole doubles keep a fraction (`1500.0`), so a `Double` stays a non-integer number. The exponent is written
    /// without `+` or leading zeros (`1e16`, `1e-7`, `5e-324`). Negative zero is `-0.0`.
    ///
    /// - Parameter value: A finite double.
    /// - Returns: `nil` for NaN and the infinities, which JSON cannot represent.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(shortestDescription: value.description)
    }

    /// Creates a number from a `Float`, written with the shortest text that reads back as the same `Float`.
    ///
    /// `Float(0.1)` is `0.1`, not the `0.10000000149011612` that converting it to `Double` first would give. As for
    /// a `Double`, whole values keep a fraction (`1500.0`) and the exponent has no `+` or leading zeros.
    ///
    /// - Parameter value: A finite float.
    /// - Returns: `nil` for NaN and the infinities, which JSON cannot represent.
    public init?(_ value: Float) {
        guard value.isFinite else { return nil }
        self.init(shortestDescription: value.description)
    }

    /// A number for a `Double` that is written as an integer when the value is whole and fits `Int64`
    /// (`1599181203`, not `1599181203.0`), and with the shortest round-trip text otherwise; `nil` for NaN and the
    /// infinities.
    ///
    /// The rule for times: seconds since 1970 are written as an integer whenever they are whole, as JWTs write
    /// them. Both `Date`'s Codable form and ``NumericDate/init(_:)-(Date)`` use it.
    init?(preferringInteger value: Double) {
        if value.rounded(.towardZero) == value, let whole = Int64(exactly: value) {
            self.init(whole)
        } else {
            self.init(value)
        }
    }

    /// Whether the text is an integer literal: no fraction and no exponent.
    ///
    /// This is about the text, not the value: `1500` is an integer literal, `1.5e3` and `1500.0` are not, though
    /// all three have the integer value 1500 (see ``int64Value``).
    public var isInteger: Bool {
        !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// The value as an `Int64`, if it is an integer in range; never rounded.
    ///
    /// Any text with an integer value converts: `1.5e3` is 1500, `-0` is 0, `1.0` is 1. `1.5` and `2^63` give
    /// `nil`.
    public var int64Value: Int64? {
        DecimalValue(validatedText: text).exactInteger()
    }

    /// The value as a `UInt64`, if it is an integer in `0...UInt64.max`; never rounded.
    ///
    /// As with ``int64Value``, `1.5e3` is 1500 and `-0` is 0; negative values give `nil`.
    public var uint64Value: UInt64? {
        DecimalValue(validatedText: text).exactInteger()
    }

    /// The `Double` nearest to the value (correctly rounded, ties to even), or `nil` if it overflows to infinity.
    ///
    /// Values too small for a `Double` round to zero of the same sign, as IEEE 754 requires.
    public var doubleValue: Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Whether two numbers have the same exact value, whatever their text.
    ///
    /// The comparison is decimal and exact, never through `Double`: `1.5e3`, `15e2`, `1500` and `1500.0` have the
    /// same value; `-0` and `0` too; `0.1` and `0.10` too; two integers that differ in the 40th digit do not.
    ///
    /// - Parameter other: The number to compare with.
    /// - Returns: `true` if both texts denote the same rational number.
    public func hasSameValue(as other: JSONNumber) -> Bool {
        if text == other.text {
            return true
        }
        return DecimalValue(validatedText: text).hasSameValue(as: DecimalValue(validatedText: other.text))
    }

    /// Swift's shortest round-trip description of a finite `Double` or `Float` (`1500.0`, `1e-07`, `1e+16`), with
    /// the exponent in its plainest JSON form: no `+`, no leading zeros (`1e-7`, `1e16`).
    ///
    /// Swift describes a finite binary floating-point value as digits, an optional fraction and an optional
    /// exponent, which is always JSON number text once the exponent is rewritten.
    private init(shortestDescription description: String) {
        let utf8 = description.utf8
        guard let marker = utf8.firstIndex(of: UInt8(ascii: "e")) else {
            self.init(uncheckedText: description)
            return
        }
        var exponent = utf8[utf8.index(after: marker)...]
        var result = String(decoding: utf8[...marker], as: UTF8.self)
        if exponent.first == UInt8(ascii: "-") {
            result += "-"
            exponent = exponent.dropFirst()
        } else if exponent.first == UInt8(ascii: "+") {
            exponent = exponent.dropFirst()
        }
        let digits = exponent.drop { $0 == UInt8(ascii: "0") }
        result += digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self)
        self.init(uncheckedText: result)
    }
}

extension JSONNumber: Hashable {
    /// Whether two numbers have identical text; use ``hasSameValue(as:)`` to compare values.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.text == rhs.text
    }

    /// Hashes the text, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}

extension JSONNumber: Sendable {}

extension JSONNumber: CustomStringConvertible {
    /// The number's exact text.
    public var description: String { text }
}

extension JSONNumber: ExpressibleByIntegerLiteral {
    /// Creates an integer number from a literal such as `1599181203`.
    ///
    /// - Parameter value: The literal's value.
    public init(integerLiteral value: Int64) {
        self.init(value)
    }
}

extension JSONNumber: ExpressibleByFloatLiteral {
    /// Creates a number from a literal such as `1.5`, written with the shortest text that reads back as the same
    /// `Double` (see ``init(_:)-(Double)``).
    ///
    /// A literal too large for `Double`, which the compiler warns about and turns into infinity, becomes `1e400` or
    /// `-1e400`: still a JSON number, still too large for ``doubleValue``. Literals never trap.
    ///
    /// - Parameter value: The literal's value.
    public init(floatLiteral value: Double) {
        if let number = JSONNumber(value) {
            self = number
        } else {
            self.init(uncheckedText: value < 0 ? "-1e400" : "1e400")
        }
    }
}
