#if canImport(FoundationEssentials)
/// `Date` appears in this file's public API, so its module is imported publicly (FoundationEssentials only).
public import FoundationEssentials
#endif

/// A JWT time value (RFC 7519 section 2, "NumericDate"): seconds since 1970-01-01T00:00:00Z, ignoring leap seconds.
///
/// A `NumericDate` keeps the exact JSON number it was read from, so an integer stays an integer and a fraction
/// stays the fraction that was written (`1599181203` is never rewritten as `1599181203.0`). Comparisons are exact
/// on the number as written, to the attosecond, with no rounding through `Double`:
///
/// ```swift
/// let exp = try NumericDate(JSONNumber("1599181203.5")!)
/// exp > NumericDate(secondsSince1970: 1599181203)  // true
/// ```
public struct NumericDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The JSON number, exactly as written in the token or as created.
    public let number: JSONNumber
    /// The value in attoseconds since 1970 (floor) and whether a remainder below one attosecond was dropped.
    let exactTime: ExactTime

    /// A whole number of seconds since 1970, written as a JSON integer.
    public init(secondsSince1970 seconds: Int64) {
        self.number = JSONNumber(seconds)
        self.exactTime = ExactTime(seconds: seconds)
    }

    /// Reads a NumericDate from a JSON number.
    ///
    /// - Throws: ``JWTError/Code/invalidClaimValue`` when the value lies beyond about ±1.7e20 seconds, where an
    ///   exact comparison is no longer possible (no real token comes near that).
    public init(_ number: JSONNumber) throws(JWTError) {
        guard let exactTime = ExactTime(number) else {
            throw JWTError(
                code: .invalidClaimValue,
                reason: "the time \(number.text) is out of range (more than about 1.7e20 seconds from 1970)"
            )
        }
        self.number = number
        self.exactTime = exactTime
    }

    /// Reads a NumericDate from decimal text such as `1599181203` or `1599181203.25`; nil when the text is not a
    /// JSON number or is out of range.
    public init?(_ text: String) {
        guard let number = JSONNumber(text), let date = try? NumericDate(number) else { return nil }
        self = date
    }

    /// Whether the value was written as an integer (no fraction, no exponent).
    public var isInteger: Bool { number.isInteger }

    /// The whole seconds since 1970, rounded toward negative infinity.
    public var secondsSince1970: Int64 {
        exactTime.wholeSeconds
    }

    /// The JSON value to store in a claim set.
    public var jsonValue: JSONValue { .number(number) }

    /// The JSON number text, such as `1599181203`.
    public var description: String { number.text }

    /// Orders by exact value: `1.5e9` and `1500000000` are equal in order but differ as written.
    public static func < (lhs: NumericDate, rhs: NumericDate) -> Bool {
        lhs.exactTime < rhs.exactTime
    }

    /// Two dates are equal when they were written the same way (the lossless model); compare values with `<`, `>` or
    /// ``hasSameValue(as:)``.
    public static func == (lhs: NumericDate, rhs: NumericDate) -> Bool {
        lhs.number == rhs.number
    }

    /// Hashes the number as written, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
    }

    /// Whether the two dates denote the same instant, however they were written.
    public func hasSameValue(as other: NumericDate) -> Bool {
        exactTime == other.exactTime
    }
}

#if canImport(FoundationEssentials)
extension NumericDate {
    /// The instant of a `Date`; whole seconds are written as a JSON integer, other values with the shortest decimal
    /// text that round-trips the `Double`.
    public init(_ date: Date) {
        let seconds = date.timeIntervalSince1970
        if let number = JSONNumber(preferringInteger: seconds), let date = try? NumericDate(number) {
            self = date
        } else {
            // Not finite or beyond ±1.7e20 s: no Date a clock produces; clamp to the far past or future.
            self.init(secondsSince1970: seconds < 0 ? Int64.min : Int64.max)
        }
    }

    /// The value as a `Date` (through `Double`, so sub-microsecond detail may round).
    public var date: Date {
        Date(timeIntervalSince1970: exactTime.approximateSeconds)
    }
}
#endif
