/// An exact point in time: `attoseconds` since 1970, rounded toward negative infinity, plus whether the true value
/// lies strictly above it (a remainder smaller than one attosecond was dropped).
///
/// Attoseconds match `Duration`'s resolution, so a leeway adds exactly. `Int128` holds about ±1.7e20 seconds.
struct ExactTime: Hashable, Sendable, Comparable {
    private static let attosecondsPerSecond: Int128 = 1_000_000_000_000_000_000
    let attoseconds: Int128
    let isInexact: Bool

    init(seconds: Int64) {
        self.attoseconds = Int128(seconds) * Self.attosecondsPerSecond
        self.isInexact = false
    }

    private init(attoseconds: Int128, isInexact: Bool) {
        self.attoseconds = attoseconds
        self.isInexact = isInexact
    }

    /// Converts the exact decimal value of `number`; nil when it does not fit.
    ///
    /// Works on the UTF-8 view in two passes without allocating: the first finds the digit count, the fraction
    /// length and the exponent; the second accumulates the digits left of the scaled decimal point.
    init?(_ number: JSONNumber) {
        let text = number.text.utf8
        var isNegative = false
        var digitCount = 0
        var fractionDigits = 0
        var inFraction = false
        var exponent = 0
        var exponentIsNegative = false
        var inExponent = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "-") where !inExponent:
                isNegative = true
            case UInt8(ascii: "-"):
                exponentIsNegative = true
            case UInt8(ascii: "+"):
                continue
            case UInt8(ascii: "."):
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    // Past a million the value is zero-ish or out of range either way; stop growing.
                    if exponent < 1_000_000 { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) }
                } else {
                    digitCount += 1
                    if inFraction { fractionDigits += 1 }
                }
            default:
                return nil
            }
        }
        guard digitCount > 0 else { return nil }
        if exponentIsNegative { exponent = -exponent }

        // value = digits × 10^(exponent − fractionDigits); in attoseconds the scale grows by 18. Digits left of the
        // scaled decimal point accumulate; digits right of it only decide whether the value is inexact.
        let integerDigitCount = digitCount - fractionDigits + exponent + 18
        var magnitude: Int128 = 0
        var isInexact = false
        var position = 0
        for byte in text where !Self.isSignOrPoint(byte) {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { break }
            let digit = Int128(byte - UInt8(ascii: "0"))
            if position < integerDigitCount {
                guard magnitude <= (Int128.max - digit) / 10 else { return nil }
                magnitude = magnitude * 10 + digit
            } else if digit != 0 {
                isInexact = true
            }
            position += 1
        }
        // Positions between the last digit and the scaled decimal point are zeros.
        if magnitude != 0, integerDigitCount > digitCount {
            for _ in digitCount..<integerDigitCount {
                guard magnitude <= Int128.max / 10 else { return nil }
                magnitude *= 10
            }
        }
        if isNegative {
            // Floor: a negative value with a dropped remainder lies strictly between -(m+1) and -m.
            self.init(attoseconds: isInexact ? -magnitude - 1 : -magnitude, isInexact: isInexact)
        } else {
            self.init(attoseconds: magnitude, isInexact: isInexact)
        }
    }

    /// Whether `byte` is a sign or decimal point, which the digit pass skips (it stops at the exponent marker).
    private static func isSignOrPoint(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    /// The whole seconds, rounded toward negative infinity and clamped to `Int64`.
    var wholeSeconds: Int64 {
        var (quotient, remainder) = attoseconds.quotientAndRemainder(dividingBy: Self.attosecondsPerSecond)
        if remainder < 0 { quotient -= 1 }
        return Int64(clamping: quotient)
    }

    /// The value in seconds as a `Double` (approximate).
    var approximateSeconds: Double {
        Double(attoseconds) / Double(Self.attosecondsPerSecond)
    }

    /// The time `duration` later (earlier for a negative duration); saturates instead of overflowing.
    func adding(_ duration: Duration) -> ExactTime {
        let (seconds, attoseconds) = duration.components
        let delta = Int128(seconds) * Self.attosecondsPerSecond + Int128(attoseconds)
        let (sum, overflow) = self.attoseconds.addingReportingOverflow(delta)
        if overflow {
            return ExactTime(attoseconds: delta < 0 ? Int128.min : Int128.max, isInexact: false)
        }
        return ExactTime(attoseconds: sum, isInexact: isInexact)
    }

    static func < (lhs: ExactTime, rhs: ExactTime) -> Bool {
        if lhs.attoseconds != rhs.attoseconds { return lhs.attoseconds < rhs.attoseconds }
        return !lhs.isInexact && rhs.isInexact
    }
}
