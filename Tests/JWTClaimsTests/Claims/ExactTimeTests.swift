import Testing

@testable import JWTClaims

@Suite("ExactTime")
struct ExactTimeTests {
    private func number(_ text: String) throws -> JSONNumber {
        try #require(JSONNumber(text))
    }

    private func time(_ text: String) throws -> ExactTime {
        let number = try number(text)
        return try #require(ExactTime(number))
    }

    @Test("reads any spelling of a number as the same exact instant")
    func exactValue() throws {
        let whole = ExactTime(seconds: 1_599_181_203)
        #expect(try time("1599181203") == whole)
        #expect(try time("1.599181203e9") == whole)
        #expect(try time("159918120300e-2") == whole)
        #expect(try time("1599181203.5").attoseconds == 1_599_181_203_500_000_000_000_000_000)
        #expect(try time("1e-18").attoseconds == 1)
    }

    @Test("floors to whole seconds and attoseconds, remembering a dropped remainder")
    func floors() throws {
        #expect(try time("1.5").wholeSeconds == 1)
        #expect(try time("-1.5").wholeSeconds == -2)
        #expect(try time("-0.0000000000000000000001").wholeSeconds == -1)
        let belowAttosecond = try time("1e-19")
        #expect(belowAttosecond.attoseconds == 0)
        #expect(belowAttosecond.isInexact)
        #expect(ExactTime(seconds: 0) < belowAttosecond)
        #expect(belowAttosecond < (try time("1e-18")))
        let negative = try time("-1e-19")
        #expect(negative.attoseconds == -1)
        #expect(negative < ExactTime(seconds: 0))
    }

    @Test("refuses values beyond what Int128 attoseconds hold")
    func range() throws {
        #expect(ExactTime(try number("1.7e20")) != nil)
        #expect(ExactTime(try number("1e21")) == nil)
        #expect(ExactTime(try number("-1e21")) == nil)
    }

    @Test("adds durations exactly and saturates instead of overflowing")
    func adding() throws {
        let start = ExactTime(seconds: 100)
        #expect(start.adding(.seconds(30)) == ExactTime(seconds: 130))
        #expect(start.adding(.seconds(-100)) == ExactTime(seconds: 0))
        #expect(start.adding(.milliseconds(1500)) == (try time("101.5")))
        let latest = try time("1.7e20")
        #expect(latest.adding(.seconds(Int64.max)).attoseconds == Int128.max)
        #expect((try time("-1.7e20")).adding(.seconds(Int64.min)).attoseconds == Int128.min)
        #expect(start.adding(.seconds(1)).approximateSeconds == 101)
    }
}
