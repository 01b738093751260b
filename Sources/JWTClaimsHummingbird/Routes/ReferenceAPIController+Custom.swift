import Hummingbird
import JWTClaims
import JWTClaimsWireFormat

extension ReferenceAPIController {
    /// `POST /api/v0/token/custom`: adds custom attributes to one of this key's access tokens, keeping every
    /// original claim; with a refresh token, uses it up and answers its successor bound to the new claims. A bad
    /// refresh token fails the whole call (`invalid_grant`) and nothing is signed.
    func custom(_ request: Request, _ context: Context) async throws -> Response {
        guard let key = try admit(request, context, .idAndSecret) else {
            throw ServiceError.invalidClient(afterBasic: true)
        }
        let body = try await readJSONBody(request)
        let customRequest: CustomClaimsRequest
        do {
            customRequest = try CustomClaimsRequest(parsing: body.readableBytesView)
        } catch {
            throw ServiceError(error, while: .decodingBody)
        }
        // The attributes first: their refusals are the caller's claims (invalid_claims), not the token's.
        do {
            try configuration.augmentationPolicy.check(customRequest.customAttributes)
        } catch {
            throw ServiceError(error, while: .mintingClaims)
        }
        if let upstream = upstreamIssuer(of: customRequest.token) {
            return try await exchange(customRequest, from: upstream)
        }
        do {
            let response = try await refreshTokenService(for: key).respond(
                to: customRequest,
                now: configuration.now(),
                audience: key.id
            )
            return Self.json(response.serialized())
        } catch {
            throw ServiceError(error, while: .verifyingToken)
        }
    }

    /// The configured upstream issuer whose `iss` the (not yet verified) token names, compared code unit by code
    /// unit; nil for a token that names none (or cannot be decoded), which then takes the service's own path and
    /// its errors.
    func upstreamIssuer(of token: String) -> UpstreamIssuer? {
        guard !configuration.upstreamIssuers.isEmpty,
            let issuer = try? UnverifiedJWT(decoding: token).claims.issuer
        else {
            return nil
        }
        return configuration.upstreamIssuers.first { Array($0.issuer.utf8) == Array(issuer.utf8) }
    }

    /// The token exchange: verifies an upstream issuer's token against its remote key set (its `iss`, an `aud`
    /// containing the configured audience, `exp` required, the configured leeway) and re-signs it with the service's
    /// key, every original claim intact plus the attributes. A refresh token cannot be bound to a token the service
    /// did not issue, so sending one is `invalid_request`.
    private func exchange(_ request: CustomClaimsRequest, from upstream: UpstreamIssuer) async throws -> Response {
        guard request.refreshToken == nil else {
            throw ServiceError(
                status: .badRequest,
                code: .invalidRequest,
                description: "a refresh_token cannot be bound to a token of the upstream issuer "
                    + JWTError.quoted(upstream.issuer, limit: 200) + "; exchange the token without one"
            )
        }
        let augmenter = ClaimsAugmenter(
            verifier: JWTVerifier(
                remoteKeySet: upstream.keySet,
                options: JWTValidationOptions(
                    leeway: configuration.leeway,
                    issuers: [upstream.issuer],
                    audiences: [upstream.audience],
                    requiredClaims: [.expiration]
                )
            ),
            signer: keys.signer,
            policy: configuration.augmentationPolicy
        )
        do {
            let augmented = try await augmenter.augmentFetchingKeys(
                request.token,
                with: request.customAttributes,
                now: configuration.now()
            )
            return Self.json(CustomClaimsResponse(token: augmented.token).serialized())
        } catch {
            throw ServiceError(error, while: .verifyingToken)
        }
    }
}
