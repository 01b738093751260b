public import JWTClaims

extension RefreshTokenService {
    /// Answers a request of the reference custom-claims endpoint.
    ///
    /// Without a refresh token, the response holds the augmented token only (as `ClaimsAugmenter.augment` makes
    /// it). With one, it also holds the new refresh token bound to the attributes, as
    /// `RefreshTokenService.bind(_:to:refreshToken:now:audience:)` makes it.
    ///
    /// ```swift
    /// let request = try CustomClaimsRequest(parsing: body)
    /// let response = try await service.respond(to: request, now: now)
    /// reply(200, response.serialized())
    /// ```
    ///
    /// - Parameters:
    ///   - request: The decoded request body.
    ///   - now: The time of the request.
    ///   - audience: The client the refresh token must have been issued for, as
    ///     `RefreshTokenService.bind(_:to:refreshToken:now:audience:)` checks it; nil accepts any.
    /// - Returns: The response body.
    /// - Throws: `JWTError`: as `ClaimsAugmenter.augment(_:with:now:)`, and with a refresh token as
    ///   `RefreshTokenService.bind(_:to:refreshToken:now:audience:)`.
    public func respond(
        to request: CustomClaimsRequest,
        now: NumericDate,
        audience: String? = nil
    ) async throws(JWTError)
        -> CustomClaimsResponse
    {
        guard let refreshToken = request.refreshToken else {
            let augmented = try augmenter.augment(request.token, with: request.customAttributes, now: now)
            return CustomClaimsResponse(token: augmented.token)
        }
        let pair = try await bind(
            request.customAttributes,
            to: request.token,
            refreshToken: refreshToken,
            now: now,
            audience: audience
        )
        return CustomClaimsResponse(token: pair.accessToken, refreshToken: pair.refreshToken.serialized())
    }
}
