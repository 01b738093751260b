/// The `aud` claim: one audience string, or an array of them.
///
/// RFC 7519 section 4.1.3 allows both shapes, and they are not interchangeable on the wire: a token whose `aud` was a
/// string must keep a string when it is rewritten. `Audience` remembers which shape it was.
public enum Audience: Hashable, Sendable {
    /// `"aud": "client-a"`.
    case single(String)
    /// `"aud": ["client-a", "client-b"]` (a one-element array stays an array).
    case multiple([String])

    /// Every audience named, in order.
    public var values: [String] {
        switch self {
        case .single(let value): [value]
        case .multiple(let values): values
        }
    }

    /// Whether `audience` is one of the values (exact, case-sensitive string comparison, RFC 7519 section 4.1.3).
    public func contains(_ audience: String) -> Bool {
        // Code units, not Swift's `==`, which is canonical equivalence ("\u{212A}" would equal "K").
        switch self {
        case .single(let value): CodeUnitString.equal(value, audience)
        case .multiple(let values): values.contains { CodeUnitString.equal($0, audience) }
        }
    }

    /// The JSON shape the RFC expects: a string for ``single(_:)``, an array of strings for ``multiple(_:)``.
    public var jsonValue: JSONValue {
        switch self {
        case .single(let value): .string(value)
        case .multiple(let values): .array(values.map { .string($0) })
        }
    }

    /// Reads an `aud` value: a string, or an array whose every element is a string; nil for any other shape.
    public init?(_ value: JSONValue) {
        switch value {
        case .string(let audience):
            self = .single(audience)
        case .array(let elements):
            var audiences: [String] = []
            audiences.reserveCapacity(elements.count)
            for element in elements {
                guard case .string(let audience) = element else { return nil }
                audiences.append(audience)
            }
            self = .multiple(audiences)
        default:
            return nil
        }
    }
}
