extension NumericDate {
    /// This instant rounded down to a whole second.
    var wholeSecond: NumericDate {
        NumericDate(secondsSince1970: secondsSince1970)
    }

    /// The whole second `lifetime` after this instant rounded down: fractions of either are dropped, so the result
    /// is never later than the exact sum. Saturates instead of overflowing.
    func wholeSeconds(after lifetime: Duration) -> NumericDate {
        let (sum, overflow) = secondsSince1970.addingReportingOverflow(lifetime.components.seconds)
        if overflow {
            return NumericDate(secondsSince1970: lifetime < .zero ? Int64.min : Int64.max)
        }
        return NumericDate(secondsSince1970: sum)
    }
}
