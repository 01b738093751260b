import JWTKit
import JWTKitFixtures

/// The reference page's augmented payload as a typed jwt-kit struct: the 11 original claims, then the custom ones.
///
/// This is how a jwt-kit user adds custom claims with a typed payload: verify into ``ReferenceClaims``, copy every
/// member into a struct that also declares the new ones, and sign that. Claims the struct does not declare are lost.
struct AugmentedClaims: JWTPayload, Equatable {
    var original: ReferenceClaims
    var username: String
    var role: String
    var userID: Int

    enum CodingKeys: String, CodingKey {
        case username
        case role
        case userID = "user_id"
    }

    init(original: ReferenceClaims, username: String, role: String, userID: Int) {
        self.original = original
        self.username = username
        self.role = role
        self.userID = userID
    }

    init(from decoder: any Decoder) throws {
        original = try ReferenceClaims(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        username = try container.decode(String.self, forKey: .username)
        role = try container.decode(String.self, forKey: .role)
        userID = try container.decode(Int.self, forKey: .userID)
    }

    func encode(to encoder: any Encoder) throws {
        try original.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(username, forKey: .username)
        try container.encode(role, forKey: .role)
        try container.encode(userID, forKey: .userID)
    }

    func verify(using algorithm: some JWTAlgorithm) throws {
        try original.verify(using: algorithm)
    }
}
