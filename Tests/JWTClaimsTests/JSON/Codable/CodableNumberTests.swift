import JWTClaims
import Testing

/// Numbers in the Codable bridge: integers exact from the text, floating point correctly rounded, encoding exact.
@Suite("Numbers through the Codable bridge")
struct CodableNumberTests {
    /// A number's text and what it decodes to as a few integer types (`nil`: it does not fit).
    struct IntegerVector: CustomTestStringConvertible, Sendable {
        let text: String
        let int: Int?
        let int8: Int8?
        let int64: Int64?
        let uint64: UInt64?
        var testDescription: String { text }
    }

    static let integerVectors: [IntegerVector] = [
        IntegerVector(text: "1500", int: 1500, int8: nil, int64: 1500, uint64: 1500),
        IntegerVector(text: "1.5e3", int: 1500, int8: nil, int64: 1500, uint64: 1500),
        IntegerVector(text: "127.0", int: 127, int8: 127, int64: 127, uint64: 127),
        IntegerVector(text: "1.5", int: nil, int8: nil, int64: nil, uint64: nil),
        IntegerVector(text: "300", int: 300, int8: nil, int64: 300, uint64: 300),
        IntegerVector(text: "-128", int: -128, int8: -128, int64: -128, uint64: nil),
        IntegerVector(text: "-129", int: -129, int8: nil, int64: -129, uint64: nil),
        IntegerVector(text: "-0", int: 0, int8: 0, int64: 0, uint64: 0),
        IntegerVector(
            text: "-999999999999999999",
            int: -999_999_999_999_999_999,
            int8: nil,
            int64: -999_999_999_999_999_999,
            uint64: nil
        ),
        IntegerVector(
            text: "1000000000000000000",
            int: 1_000_000_000_000_000_000,
            int8: nil,
            int64: 1_000_000_000_000_000_000,
            uint64: 1_000_000_000_000_000_000
        ),
        IntegerVector(
            text: "9223372036854775807",
            int: Int.max,
            int8: nil,
            int64: Int64.max,
            uint64: 9_223_372_036_854_775_807
        ),
        IntegerVector(
            text: "9223372036854775808",
            int: nil,
            int8: nil,
            int64: nil,
            uint64: 9_223_372_036_854_775_808
        ),
        IntegerVector(text: "-9223372036854775808", int: Int.min, int8: nil, int64: Int64.min, uint64: nil),
        IntegerVector(text: "18446744073709551615", int: nil, int8: nil, int64: nil, uint64: UInt64.max),
        IntegerVector(text: "18446744073709551616", int: nil, int8: nil, int64: nil, uint64: nil),
        IntegerVector(text: "1e400", int: nil, int8: nil, int64: nil, uint64: nil),
        IntegerVector(text: "1e-400", int: nil, int8: nil, int64: nil, uint64: nil),
    ]

    /// Decodes `text` as `T` at the top level, as a member and as an array element; all three must agree.
    static func decodeEveryWay<T: Codable & Equatable>(_ text: String, as type: T.Type) throws -> T? {
        let number = JSONValue.number(try #require(JSONNumber(text)))
        let topLevel = try? number.decode(T.self)
        let member = try? JSONValue.object(["value": number]).decode(Box<T>.self).value
        let element = try? JSONValue.array([number]).decode([T].self).first
        #expect(member == topLevel)
        #expect(element == topLevel)
        return topLevel
    }

    @Test("decodes integers exactly and only when the value fits", arguments: integerVectors)
    func decodesIntegers(vector: IntegerVector) throws {
        #expect(try Self.decodeEveryWay(vector.text, as: Int.self) == vector.int)
        #expect(try Self.decodeEveryWay(vector.text, as: Int8.self) == vector.int8)
        #expect(try Self.decodeEveryWay(vector.text, as: Int64.self) == vector.int64)
        #expect(try Self.decodeEveryWay(vector.text, as: UInt64.self) == vector.uint64)
    }

    @Test("decodes Double correctly rounded and rejects numbers beyond its range")
    func decodesDoubles() throws {
        #expect(try Self.decodeEveryWay("0.1", as: Double.self) == 0.1)
        #expect(try Self.decodeEveryWay("9007199254740993", as: Double.self) == 9_007_199_254_740_992)
        #expect(try Self.decodeEveryWay("-1.7976931348623157e308", as: Double.self) == -Double.greatestFiniteMagnitude)
        #expect(try Self.decodeEveryWay("1e400", as: Double.self) == nil)
        #expect(try Self.decodeEveryWay("1e-400", as: Double.self) == 0)
    }

    @Test("decodes Float from the text, not through Double, and rejects numbers beyond its range")
    func decodesFloats() throws {
        // Just above the midpoint between 1 and the next Float; rounding to Double first lands exactly on the
        // midpoint, and ties-to-even would then give 1.
        let aboveMidpoint = "1.000000059604644775390625001"
        #expect(try Self.decodeEveryWay(aboveMidpoint, as: Float.self) == 1 + Float.ulpOfOne)
        #expect(try Self.decodeEveryWay("0.1", as: Float.self) == Float(0.1))
        #expect(try Self.decodeEveryWay("3.4028235e38", as: Float.self) == Float.greatestFiniteMagnitude)
        #expect(try Self.decodeEveryWay("1e39", as: Float.self) == nil)
    }

    /// A Swift number and the JSON text it must encode to.
    struct EncodingVector: CustomTestStringConvertible, Sendable {
        let value: JSONValue
        let expected: String
        let label: String
        var testDescription: String { label }

        init(_ value: some Encodable, _ expected: String) {
            // Encoding here is what is tested; a failure shows up as a mismatch against `expected`.
            self.value = (try? JSONValue(encoding: value)) ?? "encoding failed"
            self.expected = expected
            label = "\(type(of: value)) \(value)"
        }
    }

    static let encodingVectors: [EncodingVector] = [
        EncodingVector(Int64.max, "9223372036854775807"),
        EncodingVector(Int64.min, "-9223372036854775808"),
        EncodingVector(UInt64.max, "18446744073709551615"),
        EncodingVector(Int8.min, "-128"),
        EncodingVector(UInt8.max, "255"),
        EncodingVector(Int32.max, "2147483647"),
        EncodingVector(UInt.max, "18446744073709551615"),
        EncodingVector(0.1, "0.1"),
        EncodingVector(1500.0, "1500.0"),
        EncodingVector(1e-7, "1e-7"),
        EncodingVector(-0.0, "-0.0"),
        EncodingVector(Float(0.1), "0.1"),
        EncodingVector(Float(1e10), "1e10"),
        EncodingVector(Float.greatestFiniteMagnitude, "3.4028235e38"),
        EncodingVector(Float(1e-7), "1e-7"),
        EncodingVector(Float(1500), "1500.0"),
        EncodingVector(true, "true"),
        EncodingVector("a\"b", #""a\"b""#),
        EncodingVector(Int?.none, "null"),
    ]

    @Test("encodes numbers as exact text", arguments: encodingVectors)
    func encodesNumbers(vector: EncodingVector) {
        #expect(vector.value.serialized() == vector.expected)
    }

    @Test("encodes Int128 and UInt128 exactly")
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func encodesWideIntegers() throws {
        #expect(try JSONValue(encoding: [Int128.min]).serialized() == "[-170141183460469231731687303715884105728]")
        #expect(
            try JSONValue(encoding: Box(value: UInt128.max)).serialized()
                == #"{"value":340282366920938463463374607431768211455}"#
        )
    }

    @Test("rejects NaN and the infinities, naming the path", arguments: [Double.nan, .infinity, -.infinity])
    func rejectsNonFiniteDoubles(value: Double) {
        let error = #expect(throws: JWTError.self) { try JSONObject(encoding: ["score": [1, value]]) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason == #"at "score[1]": cannot encode the Double \#(value): JSON numbers must be finite"#)
    }

    @Test("rejects a non-finite Float")
    func rejectsNonFiniteFloat() {
        let error = #expect(throws: JWTError.self) { try JSONValue(encoding: Box(value: Float.infinity)) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason == #"at "value": cannot encode the Float inf: JSON numbers must be finite"#)
    }
}
