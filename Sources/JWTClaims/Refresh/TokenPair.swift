/// An access token and the refresh token that goes with it, as ``RefreshTokenService`` hands them out.
public struct TokenPair: Sendable {
    /// The signed access token (compact JWS).
    public let accessToken: String
    /// The refresh token to send to the client with ``RefreshToken/serialized()``; the previous one, if any, is
    /// now used up.
    public let refreshToken: RefreshToken
    /// The access token's claims.
    public let claims: ClaimSet
}
