/// The exact value of a JSON number's text: `(isNegative ? -1 : 1) × significand × 10^exponent`.
///
/// Used to compare numbers by value and to convert them to integers without ever going through `Double`, so that
/// `1.5e3`, `15e2` and `1500` are one value and a 40-digit integer is not rounded. The significand is the run of
/// significant digits of the text (leading and trailing zeros and the decimal point dropped), read in place
/// without copying. Exponents are exact at any length: those beyond 18 digits, which only contrived input has,
/// are kept as decimal digits.
struct DecimalValue {
    /// Whether the number is below zero; false for every zero, including `-0`.
    let isNegative: Bool
    /// How many significant digits the number has; 0 for zero.
    let significandDigitCount: Int
    /// The power of ten that scales the significand.
    let exponent: Exponent
    private let mantissa: Substring.UTF8View
    private let leadingZeroCount: Int

    /// Analyses text that already matches the RFC 8259 number grammar.
    init(validatedText text: String) {
        var rest = text.utf8[...]
        let hasMinusSign = rest.first == UInt8(ascii: "-")
        if hasMinusSign {
            rest = rest.dropFirst()
        }
        let exponentMarker = rest.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? rest.endIndex
        mantissa = rest[..<exponentMarker]

        var digitCount = 0
        var fractionDigitCount = 0
        var leadingZeros = 0
        var trailingZeros = 0
        var seenPoint = false
        var seenNonZero = false
        for byte in mantissa {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digitCount += 1
            if seenPoint {
                fractionDigitCount += 1
            }
            if byte != UInt8(ascii: "0") {
                seenNonZero = true
                trailingZeros = 0
            } else if seenNonZero {
                trailingZeros += 1
            } else {
                leadingZeros += 1
            }
        }
        leadingZeroCount = leadingZeros
        guard seenNonZero else {
            isNegative = false
            significandDigitCount = 0
            exponent = .small(0)
            return
        }
        isNegative = hasMinusSign
        significandDigitCount = digitCount - leadingZeros - trailingZeros

        var written = Exponent.small(0)
        if exponentMarker != rest.endIndex {
            written = Self.exponent(of: rest[rest.index(after: exponentMarker)...])
        }
        // Dropping trailing zeros multiplies the significand's scale by ten each; the fraction divides it.
        exponent = written.adding(trailingZeros - fractionDigitCount)
    }

    /// The significant digits as ASCII, most significant first.
    var significantDigits: some Sequence<UInt8> {
        mantissa.lazy.filter { $0 != UInt8(ascii: ".") }.dropFirst(leadingZeroCount).prefix(significandDigitCount)
    }

    /// Whether the value is zero (`0`, `-0`, `0.000e7`, ...).
    var isZero: Bool { significandDigitCount == 0 }

    /// The value as an integer of any fixed width, if it is an integer in that type's range; never rounded.
    ///
    /// `1.5e3` is 1500 and `-0` is 0; `1.5`, a value out of range and a negative value for an unsigned type give
    /// `nil`. The one exact conversion behind ``JSONNumber/int64Value``, ``JSONNumber/uint64Value`` and the
    /// Codable bridge's integers, including `Int128` and `UInt128`.
    func exactInteger<Integer: FixedWidthInteger>(as type: Integer.Type = Integer.self) -> Integer? {
        if isNegative {
            guard Integer.isSigned, let magnitude = integerMagnitude(upTo: Integer.min.magnitude) else { return nil }
            // Two's complement: 0 &- m truncated to `Integer` is exactly -m for every m up to |Integer.min|.
            return Integer(truncatingIfNeeded: 0 &- magnitude)
        }
        return integerMagnitude(upTo: Integer.Magnitude(Integer.max)).map { Integer($0) }
    }

    /// The magnitude as an unsigned integer, if the value is an integer no larger than `limit`.
    ///
    /// Exact: digits are accumulated with overflow checks, never through `Double`.
    private func integerMagnitude<Magnitude: FixedWidthInteger & UnsignedInteger>(
        upTo limit: Magnitude
    ) -> Magnitude? {
        if isZero {
            return 0
        }
        // A value with more decimal digits than this cannot fit (log10(2) < 1/3); the bound also keeps `1e999999`
        // from looping.
        let maximumDigitCount = Magnitude.bitWidth / 3 + 1
        guard case .small(let power) = exponent, power >= 0, significandDigitCount + power <= maximumDigitCount else {
            return nil
        }
        var magnitude: Magnitude = 0
        for digit in significantDigits {
            let (shifted, shiftOverflow) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflow) = shifted.addingReportingOverflow(Magnitude(digit - UInt8(ascii: "0")))
            guard !shiftOverflow, !sumOverflow else { return nil }
            magnitude = sum
        }
        for _ in 0..<power {
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = shifted
        }
        return magnitude <= limit ? magnitude : nil
    }

    /// Whether two numbers have the same exact value.
    func hasSameValue(as other: DecimalValue) -> Bool {
        guard isZero == other.isZero else { return false }
        if isZero {
            return true
        }
        return isNegative == other.isNegative
            && significandDigitCount == other.significandDigitCount
            && exponent == other.exponent
            && significantDigits.elementsEqual(other.significantDigits)
    }

    /// The exponent written after `e`: an optional sign, then digits.
    private static func exponent(of text: Substring.UTF8View) -> Exponent {
        var digits = text[...]
        let isNegative = digits.first == UInt8(ascii: "-")
        if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        digits = digits.drop { $0 == UInt8(ascii: "0") }
        guard digits.count > 18 else {
            var magnitude = 0
            for digit in digits {
                magnitude = magnitude * 10 + Int(digit - UInt8(ascii: "0"))
            }
            return .small(isNegative ? -magnitude : magnitude)
        }
        return .large(isNegative: isNegative, magnitude: Array(digits))
    }
}
