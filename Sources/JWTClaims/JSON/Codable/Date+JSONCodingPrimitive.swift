#if canImport(FoundationEssentials)
import FoundationEssentials

/// `Date` as a JWT carries it: a NumericDate (RFC 7519 section 2), the number of seconds since
/// 1970-01-01T00:00:00Z, not Foundation's default of seconds since 2001 as a `Double`.
///
/// Encoding writes whole seconds as an integer (`1599181203`) and other instants with the shortest text that reads
/// back as the same `Double` (`1599181203.5`). Decoding accepts any number, read as the correctly rounded `Double`.
/// This applies wherever the coders meet a `Date` through a container; a `Date(from:)` called by hand on the decoder
/// uses `Date`'s own format.
extension Date: JSONCodingPrimitive {
    static var expectedDescription: String { "a NumericDate (a number of seconds since 1970)" }

    static func decoded(from json: JSONValue) -> Date? {
        guard let seconds = json.numberValue?.doubleValue else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    func encodedJSONValue() -> JSONValue? {
        JSONNumber(preferringInteger: timeIntervalSince1970).map(JSONValue.number)
    }
}
#endif
