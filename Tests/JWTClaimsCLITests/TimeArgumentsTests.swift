import JWTClaims
import Testing

@testable import jwt_claims

@Suite("TimeArguments")
struct TimeArgumentsTests {
    /// Text for `--leeway` and the exact duration it means.
    struct DurationVector: CustomTestStringConvertible, Sendable {
        let text: String
        let duration: Duration
        var testDescription: String { text }
    }

    @Test(
        "reads integer and decimal seconds exactly, to the attosecond",
        arguments: [
            DurationVector(text: "0", duration: .zero),
            DurationVector(text: "30", duration: .seconds(30)),
            DurationVector(text: "0.25", duration: .milliseconds(250)),
            DurationVector(text: "1.5", duration: .milliseconds(1500)),
            DurationVector(text: "007.010", duration: .milliseconds(7010)),
            DurationVector(
                text: "0.000000000000000001",
                duration: Duration(secondsComponent: 0, attosecondsComponent: 1)
            ),
            DurationVector(
                text: "9223372036854775807.999999999999999999",
                duration: Duration(secondsComponent: .max, attosecondsComponent: 999_999_999_999_999_999)
            ),
        ]
    )
    func durations(_ vector: DurationVector) {
        #expect(TimeArguments.duration(vector.text) == vector.duration)
    }

    @Test(
        "refuses signs, exponents, missing digits, more than 18 decimals, non-ASCII digits and overflow",
        arguments: [
            "", "-1", "+1", "1e3", ".5", "5.", "1.2.3", "abc", " 1", "1 ", "0.0000000000000000001", "\u{0663}",
            "9223372036854775808", "1_000",
        ]
    )
    func invalidDurations(_ text: String) {
        #expect(TimeArguments.duration(text) == nil)
    }

    @Test("reads --at as the exact number written, fractions included")
    func instants() throws {
        let instant = try #require(TimeArguments.instant("1599181202.999"))
        #expect(instant.description == "1599181202.999")
        #expect(instant < NumericDate(secondsSince1970: 1_599_181_203))
        #expect(instant > NumericDate(secondsSince1970: 1_599_181_202))
        #expect(TimeArguments.instant("1599181203")?.isInteger == true)
        #expect(TimeArguments.instant("soon") == nil)
        #expect(TimeArguments.instant("") == nil)
        #expect(
            InstantArgument(argument: "1.5e9")?.date.hasSameValue(as: NumericDate(secondsSince1970: 1_500_000_000))
                == true
        )
        #expect(SecondsArgument(argument: "2.5")?.duration == .milliseconds(2500))
        #expect(SecondsArgument(argument: "-2") == nil)
    }

    @Test("now comes from the system clock")
    func now() {
        let seconds = TimeArguments.now.secondsSince1970
        #expect(seconds > 1_700_000_000)
    }
}
