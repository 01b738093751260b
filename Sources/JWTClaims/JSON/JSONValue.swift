/// A JSON value, kept losslessly: numbers keep their text, objects their member order.
///
/// Parse with ``init(parsing:options:)-(Collection<UInt8>,_)``, which accepts strict RFC 8259 JSON only and
/// rejects duplicate member names; write with ``serialized()``, which is compact and deterministic. A value parsed
/// from compact JSON is written back byte for byte.
///
/// `==` is structural and exact: numbers compare by text, strings by UTF-8 code units, objects by members in order.
/// ``hasSameValue(as:)`` compares what the JSON means: numbers by value and objects regardless of member order.
///
/// ```swift
/// let value = try JSONValue(parsing: #"{"sub":"alice","exp":1599181203,"roles":["admin"]}"#)
/// value["sub"]?.stringValue        // "alice"
/// value["exp"]?.int64Value         // 1599181203
/// value["roles"]?[0]?.stringValue  // "admin"
/// ```
public enum JSONValue {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, with its exact text.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, with its members in order.
    case object(JSONObject)

    /// Parses bytes that must hold exactly one JSON value.
    ///
    /// The input must be strict RFC 8259 JSON in UTF-8: no byte order mark, no comments, no trailing commas, no
    /// `NaN`, no leading zeros, no invalid UTF-8 or lone surrogates, and nothing but whitespace (space, tab, line
    /// feed, carriage return) around the value. Member names must be unique within each object, compared after
    /// unescaping.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 JSON text.
    ///   - options: The bounds to enforce.
    /// - Throws: ``JWTError/Code/invalidJSON`` for malformed input, ``JWTError/Code/duplicateMember`` for a
    ///   repeated member name (at the offset of the second occurrence), and ``JWTError/Code/limitExceeded`` for
    ///   input over one of the `options` bounds. Every error carries the byte offset of the problem and a reason
    ///   that names it.
    public init(
        parsing bytes: some Collection<UInt8>,
        options: JSONParsingOptions = JSONParsingOptions()
    ) throws(JWTError) {
        self = try JSONReader.parse(bytes, options: options, expectingObject: false)
    }

    /// Parses text that must hold exactly one JSON value.
    ///
    /// - Parameters:
    ///   - text: JSON text.
    ///   - options: The bounds to enforce.
    /// - Throws: The errors of ``init(parsing:options:)-(Collection<UInt8>,_)``; offsets count UTF-8 bytes.
    public init(parsing text: String, options: JSONParsingOptions = JSONParsingOptions()) throws(JWTError) {
        self = try JSONReader.parse(text.utf8, options: options, expectingObject: false)
    }

    /// The compact JSON text of the value: no insignificant whitespace, members in order, numbers as written.
    ///
    /// Strings escape only what RFC 8259 requires: `"`, `\` and U+0000 to U+001F (as `\b`, `\f`, `\n`, `\r`, `\t`
    /// or lower-case `\u00XX`). `/` is never escaped and non-ASCII characters are written as UTF-8.
    ///
    /// - Returns: The same text every time for the same value.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The compact JSON text of the value as UTF-8 bytes.
    ///
    /// - Returns: The bytes of ``serialized()``.
    public func serializedBytes() -> [UInt8] {
        var output: [UInt8] = []
        write(into: &output)
        return output
    }

    /// Appends the value's compact JSON text to `output`, for callers that assemble a larger buffer.
    func write(into output: inout [UInt8]) {
        JSONWriter.write(self, into: &output)
    }

    /// The kind of value, with an article, for error messages.
    package var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONValue {
    /// The string, if the value is a string.
    public var stringValue: String? {
        guard case .string(let string) = self else { return nil }
        return string
    }

    /// The boolean, if the value is `true` or `false`.
    public var boolValue: Bool? {
        guard case .bool(let bool) = self else { return nil }
        return bool
    }

    /// The number, if the value is a number.
    public var numberValue: JSONNumber? {
        guard case .number(let number) = self else { return nil }
        return number
    }

    /// The number as an exact `Int64`, if the value is a number with an integer value in range (see
    /// ``JSONNumber/int64Value``).
    public var int64Value: Int64? {
        numberValue?.int64Value
    }

    /// The number as the nearest `Double`, if the value is a number that does not overflow (see
    /// ``JSONNumber/doubleValue``).
    public var doubleValue: Double? {
        numberValue?.doubleValue
    }

    /// The elements, if the value is an array.
    public var arrayValue: [JSONValue]? {
        guard case .array(let array) = self else { return nil }
        return array
    }

    /// The object, if the value is an object.
    public var objectValue: JSONObject? {
        guard case .object(let object) = self else { return nil }
        return object
    }

    /// Whether the value is JSON `null`.
    public var isNull: Bool {
        guard case .null = self else { return false }
        return true
    }

    /// The member with this name, if the value is an object that has one.
    ///
    /// - Parameter name: The member name, compared by UTF-8 code units.
    public subscript(name: String) -> JSONValue? {
        objectValue?[name]
    }

    /// The element at this position, if the value is an array and the position is in range; never traps.
    ///
    /// - Parameter index: A zero-based position.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let array) = self, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// Whether two values mean the same JSON: numbers by exact value, objects regardless of member order.
    ///
    /// `{"a":1.5e3,"b":[0]}` has the same value as `{"b":[-0],"a":1500}`. Arrays stay ordered, strings compare by
    /// UTF-8 code units, and values of different types never match (`1` is not `"1"`, `0` is not `false`).
    ///
    /// - Parameter other: The value to compare with.
    /// - Returns: `true` if both values denote the same JSON data.
    public func hasSameValue(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null):
            return true
        case (.bool(let left), .bool(let right)):
            return left == right
        case (.number(let left), .number(let right)):
            return left.hasSameValue(as: right)
        case (.string(let left), .string(let right)):
            return CodeUnitString.equal(left, right)
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.hasSameValue(as: $1) }
        case (.object(let left), .object(let right)):
            return left.hasSameValue(as: right)
        default:
            return false
        }
    }
}

extension JSONValue {
    /// Creates a number from an integer of any type, exactly.
    ///
    /// For a value known only at run time, where a literal cannot be used: `claims["user_id"] = JSONValue(userID)`.
    /// Every integer converts, whatever its width: `JSONValue(UInt64.max)` is `18446744073709551615`.
    ///
    /// - Parameter value: The integer, written in decimal.
    public init(_ value: some BinaryInteger) {
        self = .number(JSONNumber(value))
    }

    /// Creates a number from a `Double`, with the shortest text that reads back as the same `Double`.
    ///
    /// `0.1` is `0.1`, `1e300` is `1e300`, a whole value keeps a fraction (`1500.0`) and negative zero is `-0.0`,
    /// as ``JSONNumber`` writes doubles. JSON has no NaN or infinity, so those throw rather than become `nil`: a
    /// `nil` assigned to a claim subscript would silently remove the claim.
    ///
    /// - Parameter value: A finite double.
    /// - Throws: ``JWTError/Code/typeMismatch`` for NaN and the infinities, as ``init(encoding:userInfo:)`` does.
    public init(_ value: Double) throws(JWTError) {
        self = try JSONValueEncoder.box(value) { .root }
    }

    /// Creates a number from a `Float`, with the shortest text that reads back as the same `Float`.
    ///
    /// `Float(0.1)` is `0.1`, not the `0.10000000149011612` that converting it to `Double` first would give.
    ///
    /// - Parameter value: A finite float.
    /// - Throws: ``JWTError/Code/typeMismatch`` for NaN and the infinities, which JSON cannot represent.
    public init(_ value: Float) throws(JWTError) {
        self = try JSONValueEncoder.box(value) { .root }
    }

    /// Creates a string from a `String` value, for text known only at run time.
    ///
    /// - Parameter value: The string, kept exactly (it is escaped only when written).
    public init(_ value: String) {
        self = .string(value)
    }

    /// Creates `true` or `false` from a `Bool` value, for a flag known only at run time.
    ///
    /// - Parameter value: The boolean.
    public init(_ value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: Hashable {
    /// Whether two values are structurally identical: numbers by text, strings by UTF-8 code units, object
    /// members in order. Use ``hasSameValue(as:)`` to compare meaning.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case (.bool(let left), .bool(let right)):
            return left == right
        case (.number(let left), .number(let right)):
            return left == right
        case (.string(let left), .string(let right)):
            return CodeUnitString.equal(left, right)
        case (.array(let left), .array(let right)):
            return left == right
        case (.object(let left), .object(let right)):
            return left == right
        default:
            return false
        }
    }

    /// Hashes the value, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let bool):
            hasher.combine(1 as UInt8)
            hasher.combine(bool)
        case .number(let number):
            hasher.combine(2 as UInt8)
            hasher.combine(number)
        case .string(let string):
            hasher.combine(3 as UInt8)
            CodeUnitString.hash(string, into: &hasher)
        case .array(let array):
            hasher.combine(4 as UInt8)
            hasher.combine(array)
        case .object(let object):
            hasher.combine(5 as UInt8)
            hasher.combine(object)
        }
    }
}

extension JSONValue: Sendable {}

extension JSONValue: CustomStringConvertible {
    /// The value's compact JSON text.
    public var description: String { serialized() }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// Creates JSON `null` from the `nil` literal.
    ///
    /// - Parameter nilLiteral: The `nil` literal.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// Creates `true` or `false` from a literal.
    ///
    /// - Parameter value: The literal's value.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// Creates an integer number from a literal such as `1599181203`.
    ///
    /// - Parameter value: The literal's value.
    public init(integerLiteral value: Int64) {
        self = .number(JSONNumber(value))
    }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// Creates a number from a literal such as `1.5`, with the shortest text that reads back as the same `Double`
    /// (see ``JSONNumber/init(floatLiteral:)``).
    ///
    /// - Parameter value: The literal's value.
    public init(floatLiteral value: Double) {
        self = .number(JSONNumber(floatLiteral: value))
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates a string from a literal.
    ///
    /// - Parameter value: The literal's value.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// Creates an array from a literal such as `["admin", 1, nil]`.
    ///
    /// - Parameter elements: The literal's elements.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Creates an object from a literal such as `["sub": "alice"]`; a repeated name keeps its first position and
    /// its last value (see ``JSONObject/init(dictionaryLiteral:)``).
    ///
    /// - Parameter elements: The literal's names and values.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject()
        for (name, value) in elements {
            object[name] = value
        }
        self = .object(object)
    }
}
