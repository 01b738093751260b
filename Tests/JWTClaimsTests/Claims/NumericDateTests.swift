import JWTClaims
import Testing

@Suite("NumericDate")
struct NumericDateTests {
    struct Ordering: CustomTestStringConvertible, Sendable {
        let smaller: String
        let larger: String
        var testDescription: String { "\(smaller) < \(larger)" }
    }

    @Test(
        "orders exactly on the number as written",
        arguments: [
            Ordering(smaller: "1599181203", larger: "1599181203.000000000000000000001"),
            Ordering(smaller: "1599181202.999999999999999999999", larger: "1599181203"),
            Ordering(smaller: "1.5e9", larger: "1500000000.5"),
            Ordering(smaller: "-1", larger: "-0.5"),
            Ordering(smaller: "-0.0000000000000000000001", larger: "0"),
            Ordering(smaller: "0", larger: "1e-30"),
            Ordering(smaller: "99999999999", larger: "1e11"),
            Ordering(smaller: "-1e20", larger: "1e20"),
        ]
    )
    func ordering(_ pair: Ordering) throws {
        let smaller = try #require(NumericDate(pair.smaller))
        let larger = try #require(NumericDate(pair.larger))
        #expect(smaller < larger)
        #expect(!(larger < smaller))
        #expect(!smaller.hasSameValue(as: larger))
    }

    @Test("equal values written differently are equal in value, not in text")
    func sameValue() throws {
        let pairs = [
            ("1500", "1.5e3"), ("1500", "15E2"), ("0", "-0"), ("1599181203", "1599181203.000"), ("1", "10e-1"),
        ]
        for (left, right) in pairs {
            let a = try #require(NumericDate(left))
            let b = try #require(NumericDate(right))
            #expect(a.hasSameValue(as: b), "\(left) \(right)")
            #expect(!(a < b) && !(b < a))
            #expect(a != b)
        }
    }

    @Test("keeps integers integers and the text as written")
    func keepsText() throws {
        #expect(NumericDate(secondsSince1970: 1_599_181_203).number.text == "1599181203")
        #expect(NumericDate(secondsSince1970: 1_599_181_203).isInteger)
        let fraction = try #require(NumericDate("1599181203.25"))
        #expect(!fraction.isInteger)
        #expect(fraction.description == "1599181203.25")
        #expect(fraction.secondsSince1970 == 1_599_181_203)
        #expect(try #require(NumericDate("-1.5")).secondsSince1970 == -2)
    }

    @Test("rejects text that is not a number, and values out of range")
    func rejects() throws {
        for text in ["", "abc", "1.", "+1", "0x10", "1e"] {
            #expect(NumericDate(text) == nil, "\(text)")
        }
        #expect(NumericDate("1e21") == nil)
        #expect(NumericDate("-1e21") == nil)
        let error = #expect(throws: JWTError.self) { _ = try NumericDate(try #require(JSONNumber("1e400"))) }
        #expect(error?.code == .invalidClaimValue)
        // Far below one attosecond is still exact enough to order.
        #expect(NumericDate("1e-400") != nil)
    }
}
