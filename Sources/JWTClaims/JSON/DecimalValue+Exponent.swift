extension DecimalValue {
    /// An exact integer exponent of ten.
    ///
    /// Real exponents are small, so they are an `Int`; one of 19 digits or more, which only contrived input has, is
    /// kept as its decimal digits so that `1e99999999999999999999` and `1e99999999999999999998` stay distinct.
    enum Exponent: Equatable {
        /// An exponent whose magnitude fits comfortably in `Int`.
        case small(Int)
        /// An exponent of at least 10^18 in magnitude: ASCII digits without leading zeros.
        case large(isNegative: Bool, magnitude: [UInt8])
    }
}

extension DecimalValue.Exponent {
    /// This exponent plus `adjustment`, a count bounded by the length of a number's text.
    func adding(_ adjustment: Int) -> Self {
        switch self {
        case .small(let value):
            // |value| < 10^18 and |adjustment| is bounded by memory, so the sum cannot overflow 64 bits.
            return .small(value + adjustment)
        case .large(let isNegative, let magnitude):
            // |magnitude| >= 10^18 > |adjustment|, so the sign never changes: add to or subtract from the magnitude.
            let growsMagnitude = (adjustment >= 0) != isNegative
            return .large(
                isNegative: isNegative,
                magnitude: Self.decimal(magnitude, plus: adjustment.magnitude, grows: growsMagnitude)
            )
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        if case .small(let left) = lhs, case .small(let right) = rhs {
            return left == right
        }
        let left = lhs.signAndDigits
        let right = rhs.signAndDigits
        return left.isNegative == right.isNegative && left.digits == right.digits
    }

    private var signAndDigits: (isNegative: Bool, digits: [UInt8]) {
        switch self {
        case .small(let value):
            return (value < 0, value == 0 ? [] : Array(String(value.magnitude).utf8))
        case .large(let isNegative, let magnitude):
            return (isNegative, magnitude)
        }
    }

    /// `digits ± amount` in decimal, where the result is known to stay positive.
    private static func decimal(_ digits: [UInt8], plus amount: UInt, grows: Bool) -> [UInt8] {
        var result = digits
        var remaining = amount
        var carry = 0
        var position = result.count - 1
        while position >= 0, remaining != 0 || carry != 0 {
            let digit = Int(result[position] - UInt8(ascii: "0"))
            let change = Int(remaining % 10) + carry
            remaining /= 10
            var updated = grows ? digit + change : digit - change
            carry = 0
            if updated >= 10 {
                updated -= 10
                carry = 1
            } else if updated < 0 {
                updated += 10
                carry = 1
            }
            result[position] = UInt8(ascii: "0") + UInt8(updated)
            position -= 1
        }
        if carry != 0 {
            result.insert(UInt8(ascii: "1"), at: 0)
        }
        let firstSignificant = result.firstIndex { $0 != UInt8(ascii: "0") } ?? result.endIndex
        return Array(result[firstSignificant...])
    }
}
