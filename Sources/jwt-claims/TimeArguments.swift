import Foundation
import JWTClaims

/// Reads the CLI's time arguments exactly: no value passes through `Double`.
enum TimeArguments {
    /// The validation instant for `--at`: integer or decimal Unix seconds, exactly as written (`1599180000`,
    /// `1599181202.999`). Nil when the text is not a JSON number or is out of range.
    static func instant(_ text: String) -> NumericDate? {
        NumericDate(text)
    }

    /// Now, from the system clock: the CLI reads the clock so that the library never does.
    static var now: NumericDate {
        NumericDate(Date())
    }

    /// A duration for `--leeway` and `speed --seconds`: non-negative integer or decimal seconds (`30`, `0.25`),
    /// converted to a `Duration` exactly, to the attosecond. Nil for anything else: a sign, an exponent, more than
    /// 18 decimal places, or more seconds than an `Int64` holds.
    static func duration(_ text: String) -> Duration? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(isDigit),
            let seconds = Int64(whole)
        else { return nil }
        var attoseconds: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 18, fraction.allSatisfy(isDigit),
                let digits = Int64(fraction)
            else { return nil }
            var scale: Int64 = 1
            for _ in fraction.count..<18 { scale *= 10 }
            attoseconds = digits * scale
        }
        return Duration(secondsComponent: seconds, attosecondsComponent: attoseconds)
    }

    /// `0` to `9` only, not other Unicode digits.
    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }
}
