/// The name of a claim in a JWT claim set, such as `exp`.
///
/// The registered names have Swift names (``expiration`` is `"exp"`); any other name is written as a string literal:
///
/// ```swift
/// let role: ClaimName = "role"
/// ```
public struct ClaimName: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name as it appears in the JSON claim set.
    public let rawValue: String

    /// Creates a claim name from its JSON spelling.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a claim name from a string literal.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The JSON spelling of the name.
    public var description: String { rawValue }

    /// `iss`: who issued the token (RFC 7519 section 4.1.1).
    public static let issuer: ClaimName = "iss"
    /// `sub`: whom the token is about (RFC 7519 section 4.1.2).
    public static let subject: ClaimName = "sub"
    /// `aud`: whom the token is for, a string or an array of strings (RFC 7519 section 4.1.3).
    public static let audience: ClaimName = "aud"
    /// `exp`: the time on or after which the token must not be accepted (RFC 7519 section 4.1.4).
    public static let expiration: ClaimName = "exp"
    /// `nbf`: the time before which the token must not be accepted (RFC 7519 section 4.1.5).
    public static let notBefore: ClaimName = "nbf"
    /// `iat`: the time at which the token was issued (RFC 7519 section 4.1.6).
    public static let issuedAt: ClaimName = "iat"
    /// `jti`: a unique identifier of the token (RFC 7519 section 4.1.7).
    public static let jwtID: ClaimName = "jti"

    /// The seven claims RFC 7519 section 4.1 registers.
    public static let registered: [ClaimName] = [
        .issuer, .subject, .audience, .expiration, .notBefore, .issuedAt, .jwtID,
    ]

    /// `acr`: authentication context class reference (OpenID Connect Core section 2).
    public static let authenticationContextClass: ClaimName = "acr"
    /// `amr`: authentication methods references (OpenID Connect Core section 2).
    public static let authenticationMethods: ClaimName = "amr"
    /// `at_hash`: access token hash (OpenID Connect Core section 2).
    public static let accessTokenHash: ClaimName = "at_hash"
    /// `auth_time`: when the end user authenticated (OpenID Connect Core section 2).
    public static let authenticationTime: ClaimName = "auth_time"
    /// `azp`: authorized party (OpenID Connect Core section 2).
    public static let authorizedParty: ClaimName = "azp"
    /// `c_hash`: code hash (OpenID Connect Core section 3.3.2.11).
    public static let codeHash: ClaimName = "c_hash"
    /// `cnf`: confirmation, binding the token to a key (RFC 7800).
    public static let confirmation: ClaimName = "cnf"
    /// `nonce`: the value that binds an ID token to a client session (OpenID Connect Core section 2).
    public static let nonce: ClaimName = "nonce"
    /// `sid`: session ID (OpenID Connect Front-Channel Logout section 3).
    public static let sessionID: ClaimName = "sid"

    /// The OpenID Connect claims whose meaning a relying party depends on.
    public static let openIDConnect: [ClaimName] = [
        .authenticationContextClass, .authenticationMethods, .accessTokenHash, .authenticationTime,
        .authorizedParty, .codeHash, .confirmation, .nonce, .sessionID,
    ]
}
