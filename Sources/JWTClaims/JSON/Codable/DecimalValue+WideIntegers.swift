extension DecimalValue {
    /// The magnitude as an unsigned integer of any width, if the value is an integer no larger than `limit`.
    ///
    /// The generic sibling of ``integerMagnitude(upTo:)``, for `UInt128`. Exact: digits are accumulated with
    /// overflow checks, never through `Double`.
    func wideIntegerMagnitude<Magnitude: FixedWidthInteger & UnsignedInteger>(upTo limit: Magnitude) -> Magnitude? {
        if isZero {
            return 0
        }
        // A value with more decimal digits than this cannot fit; the bound also keeps `1e999999` from looping.
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
}
