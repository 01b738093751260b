import JWTClaims
import Testing

@Suite("JSONNumber")
struct JSONNumberTests {
    /// A number's text with the exact views it must give.
    struct Views: CustomTestStringConvertible, Sendable {
        let text: String
        let int64: Int64?
        let uint64: UInt64?
        let double: Double?
        var testDescription: String { text }
    }

    static let fortyDigits = "1234567890123456789012345678901234567890"

    static let views: [Views] = [
        Views(text: "1599181203", int64: 1_599_181_203, uint64: 1_599_181_203, double: 1_599_181_203),
        Views(text: "0", int64: 0, uint64: 0, double: 0),
        Views(text: "-0", int64: 0, uint64: 0, double: -0.0),
        Views(text: "1.5e3", int64: 1500, uint64: 1500, double: 1500),
        Views(text: "15E+2", int64: 1500, uint64: 1500, double: 1500),
        Views(text: "1500.000", int64: 1500, uint64: 1500, double: 1500),
        Views(text: "150000e-2", int64: 1500, uint64: 1500, double: 1500),
        Views(text: "1.5", int64: nil, uint64: nil, double: 1.5),
        Views(text: "-1.5e-1", int64: nil, uint64: nil, double: -0.15),
        Views(text: "9223372036854775807", int64: .max, uint64: 9_223_372_036_854_775_807, double: 0x1p63),
        Views(text: "922337203685477580.7e1", int64: .max, uint64: 9_223_372_036_854_775_807, double: 0x1p63),
        Views(text: "9223372036854775806", int64: .max - 1, uint64: 9_223_372_036_854_775_806, double: 0x1p63),
        Views(text: "9223372036854775808", int64: nil, uint64: 9_223_372_036_854_775_808, double: 0x1p63),
        Views(text: "-9223372036854775808", int64: .min, uint64: nil, double: -0x1p63),
        Views(text: "-9223372036854775807", int64: .min + 1, uint64: nil, double: -0x1p63),
        Views(text: "-9223372036854775809", int64: nil, uint64: nil, double: -0x1p63),
        Views(text: "18446744073709551615", int64: nil, uint64: .max, double: 0x1p64),
        Views(text: "18446744073709551614", int64: nil, uint64: .max - 1, double: 0x1p64),
        Views(text: "18446744073709551616", int64: nil, uint64: nil, double: 0x1p64),
        Views(text: "1e18", int64: 1_000_000_000_000_000_000, uint64: 1_000_000_000_000_000_000, double: 1e18),
        Views(text: "1e19", int64: nil, uint64: 10_000_000_000_000_000_000, double: 1e19),
        Views(text: "1e20", int64: nil, uint64: nil, double: 1e20),
        Views(text: "0e99999999999999999999999", int64: 0, uint64: 0, double: 0),
        Views(text: "1e-99999999999999999999999", int64: nil, uint64: nil, double: 0),
        Views(text: "1E400", int64: nil, uint64: nil, double: nil),
        Views(text: "-1E400", int64: nil, uint64: nil, double: nil),
        Views(text: "1e-400", int64: nil, uint64: nil, double: 0),
        Views(text: fortyDigits, int64: nil, uint64: nil, double: 1.2345678901234568e39),
        // 2^53 + 1 lies halfway between two doubles: correct rounding picks the even one, 2^53.
        Views(text: "9007199254740993", int64: 9_007_199_254_740_993, uint64: 9_007_199_254_740_993, double: 0x1p53),
        Views(text: "0.1", int64: nil, uint64: nil, double: 0.1),
        Views(text: "5e-324", int64: nil, uint64: nil, double: .leastNonzeroMagnitude),
    ]

    @Test("gives exact Int64, UInt64 and correctly rounded Double views", arguments: views)
    func exactViews(_ vector: Views) throws {
        let number = try #require(JSONNumber(vector.text))
        #expect(number.int64Value == vector.int64)
        #expect(number.uint64Value == vector.uint64)
        #expect(number.doubleValue?.bitPattern == vector.double?.bitPattern)
    }

    @Test(
        "survives parse and write byte for byte",
        arguments: [
            "9223372036854775807", "-9223372036854775808", "18446744073709551615", "1599181203", "-0", "1.5e3", "1E400",
            fortyDigits, "-0.0e-0", "1E+2", "0.10", "123.456e-789",
        ]
    )
    func survivesRoundTrip(_ text: String) throws {
        #expect(try JSONValue(parsing: text).serialized() == text)
        let wrapped = #"{"n":[\#(text)]}"#
        #expect(try JSONValue(parsing: wrapped).serialized() == wrapped)
        #expect(try JSONValue(parsing: text).numberValue?.text == text)
    }

    /// Two number texts and whether they have the same value.
    struct SameValue: CustomTestStringConvertible, Sendable {
        let left: String
        let right: String
        let same: Bool
        var testDescription: String { "\(left) \(same ? "==" : "!=") \(right)" }
    }

    @Test(
        "compares values exactly, without Double",
        arguments: [
            SameValue(left: "1.5e3", right: "15e2", same: true),
            SameValue(left: "15e2", right: "1500", same: true),
            SameValue(left: "1500", right: "1500.0", same: true),
            SameValue(left: "1.5e3", right: "1500.0", same: true),
            SameValue(left: "-0", right: "0", same: true),
            SameValue(left: "-0.0e7", right: "0e-3", same: true),
            SameValue(left: "1e400", right: "1e400", same: true),
            SameValue(left: "1e400", right: "10e399", same: true),
            SameValue(left: "1e400", right: "1e401", same: false),
            SameValue(left: "0.1", right: "0.10", same: true),
            SameValue(left: "0.1", right: "1e-1", same: true),
            SameValue(left: "0.1", right: "0.2", same: false),
            SameValue(left: "1", right: "-1", same: false),
            SameValue(left: "100e-2", right: "1", same: true),
            SameValue(left: "12300e-2", right: "123", same: true),
            SameValue(left: "12300e-2", right: "1230", same: false),
            SameValue(left: fortyDigits, right: fortyDigits + "e0", same: true),
            SameValue(left: fortyDigits, right: "1234567890123456789012345678901234567891", same: false),
            // Both round to the same Double, but they are different numbers.
            SameValue(left: "9007199254740993", right: "9007199254740992", same: false),
            // Exponents beyond 64 bits are compared exactly too.
            SameValue(left: "1e99999999999999999999", right: "10e99999999999999999998", same: true),
            SameValue(left: "1e99999999999999999999", right: "1e99999999999999999998", same: false),
            SameValue(left: "1e-99999999999999999999", right: "0.1e-99999999999999999998", same: true),
            SameValue(left: "1e-99999999999999999999", right: "1e-99999999999999999998", same: false),
            SameValue(left: "1e1000000000000000000", right: "10e999999999999999999", same: true),
            SameValue(left: "1e-1000000000000000000", right: "0.1e-999999999999999999", same: true),
        ]
    )
    func hasSameValue(_ vector: SameValue) throws {
        let left = try #require(JSONNumber(vector.left))
        let right = try #require(JSONNumber(vector.right))
        #expect(left.hasSameValue(as: right) == vector.same)
        #expect(right.hasSameValue(as: left) == vector.same)
        #expect((left == right) == (vector.left == vector.right))
    }

    @Test(
        "accepts exactly RFC 8259's number grammar",
        arguments: [
            ("0", true), ("-0", true), ("1.5e3", true), ("1E+2", true), ("0.0e-0", true), ("123", true),
            ("", false), ("-", false), ("+1", false), ("01", false), ("-01", false), (".5", false), ("1.", false),
            ("1e", false), ("1e+", false), ("1.e3", false), (" 1", false), ("1 ", false), ("NaN", false),
            ("Infinity", false), ("-Infinity", false), ("0x10", false), ("1_000", false), ("١", false),
            ("1,5", false), ("[1]", false),
        ]
    )
    func grammar(_ text: String, _ valid: Bool) {
        #expect((JSONNumber(text) != nil) == valid)
        #expect(JSONNumber(text)?.text == (valid ? text : nil))
    }

    @Test("tells integer literals from others by their text")
    func isInteger() throws {
        for (text, isInteger) in [("1500", true), ("-0", true), (Self.fortyDigits, true), ("1.5e3", false)] {
            #expect(try #require(JSONNumber(text)).isInteger == isInteger, "\(text)")
        }
        for text in ["1500.0", "15e2", "1E2", "0.5"] {
            #expect(try #require(JSONNumber(text)).isInteger == false, "\(text)")
        }
    }

    @Test("writes integers in decimal")
    func integerInitializers() {
        #expect(JSONNumber(Int64.min).text == "-9223372036854775808")
        #expect(JSONNumber(Int.max).text == "9223372036854775807")
        #expect(JSONNumber(UInt64.max).text == "18446744073709551615")
        #expect(JSONNumber(UInt64.max).uint64Value == .max)
        let literal: JSONNumber = 1_599_181_203
        #expect(literal.text == "1599181203")
        #expect(literal.isInteger)
    }

    @Test("writes an integer of any other width in decimal, exactly")
    func genericIntegerInitializer() {
        #expect(JSONNumber(Int8.min).text == "-128")
        #expect(JSONNumber(UInt8.max).text == "255")
        #expect(JSONNumber(Int16(-300)).text == "-300")
        #expect(JSONNumber(UInt32.max).text == "4294967295")
        #expect(JSONNumber(UInt.max).text == "18446744073709551615")
        #expect(JSONNumber(Int32.zero).isInteger)
    }

    @Test("writes Int128 and UInt128 in decimal, exactly")
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func wideIntegerInitializer() {
        #expect(JSONNumber(Int128.max).text == "170141183460469231731687303715884105727")
        #expect(JSONNumber(UInt128.max).text == "340282366920938463463374607431768211455")
    }

    @Test(
        "writes floats with the shortest text that reads back as the same Float",
        arguments: [
            (Float(0.1), "0.1"), (1500, "1500.0"), (-0.0, "-0.0"), (1e-7, "1e-7"), (1e16, "1e16"),
            (.leastNonzeroMagnitude, "1e-45"), (.greatestFiniteMagnitude, "3.4028235e38"),
        ] as [(Float, String)]
    )
    func floatText(_ value: Float, _ text: String) throws {
        let number = try #require(JSONNumber(value))
        #expect(number.text == text)
        #expect(JSONNumber(text) == number)
        #expect(Float(number.text)?.bitPattern == value.bitPattern)
    }

    @Test(
        "writes doubles with the shortest round-trip text",
        arguments: [
            (1.5, "1.5"), (1500.0, "1500.0"), (1e16, "1e16"), (1e-7, "1e-7"), (.leastNonzeroMagnitude, "5e-324"),
            (-0.0, "-0.0"),
            (0.1, "0.1"), (1.2345678901234568e20, "1.2345678901234568e20"), (-2.5e-300, "-2.5e-300"),
            (Double.greatestFiniteMagnitude, "1.7976931348623157e308"),
        ]
    )
    func doubleText(_ value: Double, _ text: String) throws {
        let number = try #require(JSONNumber(value))
        #expect(number.text == text)
        #expect(JSONNumber(text) == number)
        #expect(number.doubleValue?.bitPattern == value.bitPattern)
        #expect(!number.isInteger)
    }

    @Test("round-trips pseudo-random doubles through their text")
    func doubleRoundTrip() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var checked = 0
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Double(bitPattern: state)
            guard value.isFinite else {
                #expect(JSONNumber(value) == nil)
                continue
            }
            let number = try #require(JSONNumber(value))
            #expect(JSONNumber(number.text) == number, "\(number.text)")
            #expect(number.doubleValue?.bitPattern == value.bitPattern, "\(number.text)")
            checked += 1
        }
        #expect(checked > 1_900)
    }

    @Test("refuses NaN and infinity, which JSON cannot hold")
    func nonFinite() {
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double.infinity) == nil)
        #expect(JSONNumber(-Double.infinity) == nil)
        #expect(JSONNumber(Float.nan) == nil)
        #expect(JSONNumber(Float.infinity) == nil)
        #expect(JSONNumber(-Float.infinity) == nil)
    }

    @Test("makes float literals numbers, and an overflowing literal a number too large for Double")
    func floatLiterals() {
        let literal: JSONNumber = 1.5
        #expect(literal.text == "1.5")
        let huge = JSONNumber(floatLiteral: .infinity)
        #expect(huge.text == "1e400")
        #expect(huge.doubleValue == nil)
        #expect(JSONNumber(floatLiteral: -.infinity).text == "-1e400")
    }

    @Test("compares and hashes by exact text")
    func equalityIsTextual() throws {
        let one = try #require(JSONNumber("1"))
        let oneAgain = try #require(JSONNumber("1"))
        let onePointZero = try #require(JSONNumber("1.0"))
        #expect(one == oneAgain)
        #expect(one != onePointZero)
        #expect(one.hasSameValue(as: onePointZero))
        #expect(Set([one, oneAgain, onePointZero]).count == 2)
        #expect(onePointZero.description == "1.0")
    }
}
