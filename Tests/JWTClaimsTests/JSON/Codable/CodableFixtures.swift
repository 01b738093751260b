import JWTClaims

// Types the Codable tests decode and encode. Synthesized conformances, except where a test needs custom code.

/// A token payload with registered claims and custom claims of every shape the bridge must handle.
struct TokenPayload: Codable, Equatable {
    enum Role: String, Codable {
        case admin
        case member
    }

    struct Tenant: Codable, Equatable {
        let id: Int32
        let name: String
    }

    let iss: String
    let sub: String
    let aud: [String]
    let exp: Int64
    let nbf: Int64?
    let iat: Int64
    let jti: String?
    let nickname: String?
    let tenant: Tenant
    let roles: [Role]
    let role: Role
    let quota: UInt64
    let balance: Int64
    let score: Double
    let admin: Bool
    let limits: [String: Int]
    let extra: JSONValue
    let precise: JSONNumber

    /// The payload as compact JSON: `nbf` absent, `jti` null, and one claim (`unknown`) the type does not declare.
    static let json = """
        {"iss":"https://issuer.example","sub":"alice","aud":["api","web"],"exp":9223372036854775807,\
        "iat":1599181203,"jti":null,"nickname":"ali","tenant":{"id":7,"name":"acme"},"roles":["admin","member"],\
        "role":"member","quota":18446744073709551615,"balance":-9223372036854775808,"score":0.1,"admin":true,\
        "limits":{"daily":100,"monthly":3000},"extra":{"b":[1,{"c":null}],"a":1.50},"precise":1.5e3,\
        "unknown":"kept"}
        """

    /// The nested value of `extra`, exactly as written in ``json``.
    static let extraJSON = #"{"b":[1,{"c":null}],"a":1.50}"#
}

/// Plain claims with no types from this library, for comparing with Foundation's coders.
struct PlainClaims: Codable, Equatable {
    enum Level: String, Codable {
        case gold
        case silver
    }

    struct Address: Codable, Equatable {
        let city: String
        let zip: String?
    }

    let sub: String
    let aud: [String]
    let exp: Int64
    let nbf: Int?
    let admin: Bool
    let score: Double
    let level: Level
    let address: Address
    let scores: [Int]
    let counts: [String: Int]
}

/// One value under the member `value`, to decode or encode any type through a keyed container.
struct Box<Value: Codable & Equatable>: Codable, Equatable {
    let value: Value
}

extension Box: Sendable where Value: Sendable {}

/// A value whose `init(from:)` and `encode(to:)` always throw `Failure`.
struct AlwaysThrows: Codable, Equatable {
    struct Failure: Error, Equatable {
        let message: String
    }

    init() {}

    init(from decoder: any Decoder) throws {
        throw Failure(message: "refused to decode")
    }

    func encode(to encoder: any Encoder) throws {
        throw Failure(message: "refused to encode")
    }
}

/// Records the coding path and a `userInfo` entry the coder offered it.
struct Probe: Codable, Equatable {
    static let userInfoKey = CodingUserInfoKey(rawValue: "probe")

    /// The coding path, keys' string values joined with `/`.
    let path: String
    let userInfoValue: String?

    init(path: String, userInfoValue: String?) {
        self.path = path
        self.userInfoValue = userInfoValue
    }

    init(from decoder: any Decoder) throws {
        path = decoder.codingPath.map(\.stringValue).joined(separator: "/")
        userInfoValue = Probe.userInfoKey.flatMap { decoder.userInfo[$0] as? String }
    }

    /// Encodes what the encoder reported, so the test can read it back from the result.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let info = Probe.userInfoKey.flatMap { encoder.userInfo[$0] as? String } ?? "-"
        try container.encode(encoder.codingPath.map(\.stringValue).joined(separator: "/") + " " + info)
    }
}

/// A class hierarchy that codes its superclass through `superDecoder()` / `superEncoder()`.
class Account: Codable {
    let id: Int

    init(id: Int) {
        self.id = id
    }
}

final class AdminAccount: Account {
    let scope: String

    private enum CodingKeys: String, CodingKey {
        case scope
    }

    init(id: Int, scope: String) {
        self.scope = scope
        super.init(id: id)
    }

    required init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scope = try container.decode(String.self, forKey: .scope)
        try super.init(from: container.superDecoder())
    }

    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scope, forKey: .scope)
        try super.encode(to: container.superEncoder())
    }
}

/// A subclass that shares its encoder with its superclass, so both write into one object.
final class MemberAccount: Account {
    let team: String

    private enum CodingKeys: String, CodingKey {
        case team
    }

    init(id: Int, team: String) {
        self.team = team
        super.init(id: id)
    }

    required init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        team = try container.decode(String.self, forKey: .team)
        try super.init(from: decoder)
    }

    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(team, forKey: .team)
        try super.encode(to: encoder)
    }
}
