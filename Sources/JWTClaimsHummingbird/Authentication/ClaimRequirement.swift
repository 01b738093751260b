public import JWTClaims

/// A condition a verified token's claims must meet, checked by ``RequiredClaimsMiddleware``.
public struct ClaimRequirement: Sendable, CustomStringConvertible {
    private enum Rule: Sendable {
        case present
        case equals(JSONValue)
        case includes(String)
    }

    /// The claim's name.
    public let name: String
    private let rule: Rule

    private init(name: String, rule: Rule) {
        self.name = name
        self.rule = rule
    }

    /// The claim is present (any value).
    public static func present(_ name: String) -> ClaimRequirement {
        ClaimRequirement(name: name, rule: .present)
    }

    /// The claim equals `value` (compared as JSON values: `125` and `125.0` are the same number).
    public static func equals(_ name: String, _ value: JSONValue) -> ClaimRequirement {
        ClaimRequirement(name: name, rule: .equals(value))
    }

    /// The claim includes `value`: a string of space-separated values that lists it (as `scope` is written,
    /// RFC 8693 section 4.2), or an array holding the string.
    public static func includes(_ name: String, _ value: String) -> ClaimRequirement {
        ClaimRequirement(name: name, rule: .includes(value))
    }

    /// Whether `claims` meet the requirement.
    public func isMet(by claims: ClaimSet) -> Bool {
        guard let value = claims[name] else { return false }
        switch rule {
        case .present:
            return true
        case .equals(let expected):
            return value.hasSameValue(as: expected)
        case .includes(let item):
            switch value {
            case .string(let list):
                return list.split(separator: " ").contains { $0 == item }
            case .array(let elements):
                return elements.contains { $0.stringValue == item }
            default:
                return false
            }
        }
    }

    /// The value a `scope` requirement names, for the challenge's `scope` parameter.
    var requiredScope: String? {
        if name == "scope", case .includes(let item) = rule { return item }
        return nil
    }

    /// The requirement, quoted: `"role" equals "admin"`.
    public var description: String {
        switch rule {
        case .present:
            return "\(JWTError.quoted(name)) is present"
        case .equals(let value):
            return "\(JWTError.quoted(name)) equals \(JWTError.quoted(value.serialized()))"
        case .includes(let item):
            return "\(JWTError.quoted(name)) includes \(JWTError.quoted(item))"
        }
    }
}
