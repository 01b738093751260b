/// What ``JWTVerifier`` checks beyond the signature, and how strictly.
///
/// The time claims are always checked when present: `exp` (the token is expired when `now >= exp + leeway`), `nbf`
/// (not yet valid when `nbf > now + leeway`) and `iat` (issued in the future when `iat > now + leeway`). Every
/// registered claim that is present must have its RFC 7519 type. The other checks apply when configured.
///
/// ```swift
/// var options = JWTValidationOptions()
/// options.leeway = .seconds(30)
/// options.issuers = ["https://www.cotter.app"]
/// options.audiences = ["a4471794-8ee8-4d88-b321-5f7a22803d43"]
/// options.requiredClaims = [.expiration, .subject]
/// ```
public struct JWTValidationOptions: Hashable, Sendable {
    /// How far clocks may disagree: added in the token's favour to every time comparison. Default: zero.
    public var leeway: Duration
    /// The acceptable `iss` values; empty means `iss` is not checked.
    public var issuers: [String]
    /// The acceptable audiences: `aud` must name at least one; empty means `aud` is not checked.
    public var audiences: [String]
    /// The expected header `typ`, compared case-insensitively with any `application/` prefix ignored on either side
    /// (RFC 7515 section 4.1.9); nil means `typ` is not checked.
    public var type: String?
    /// Claims that must be present.
    public var requiredClaims: [ClaimName]
    /// Header parameters this application understands and processes, which a token may list in `crit`. A `crit`
    /// naming anything else is rejected (RFC 7515 section 4.1.11). Default: none.
    public var understoodCriticalHeaders: Set<String>
    /// Bounds on the token's size and JSON.
    public var limits: JWTLimits

    /// Options with no leeway, no issuer, audience or type expectation, no required claims, and default limits.
    public init(
        leeway: Duration = .zero,
        issuers: [String] = [],
        audiences: [String] = [],
        type: String? = nil,
        requiredClaims: [ClaimName] = [],
        understoodCriticalHeaders: Set<String> = [],
        limits: JWTLimits = JWTLimits()
    ) {
        self.leeway = leeway
        self.issuers = issuers
        self.audiences = audiences
        self.type = type
        self.requiredClaims = requiredClaims
        self.understoodCriticalHeaders = understoodCriticalHeaders
        self.limits = limits
    }
}

extension JWTValidationOptions {
    /// Checks a header's `crit` before any cryptography runs.
    func checkCritical(_ header: JWTHeader) throws(JWTError) {
        guard let critical = header.critical else { return }
        let unsupported = critical.filter { !understoodCriticalHeaders.contains($0) }
        guard unsupported.isEmpty else {
            throw JWTError(
                code: .unsupportedCriticalHeader,
                reason: "the header's \"crit\" lists "
                    + unsupported.map(JWTError.quoted).joined(separator: ", ")
                    + ", which this application does not understand (RFC 7515 section 4.1.11)"
            )
        }
    }

    /// Checks everything but the signature: `typ`, the registered claims' types, time, issuer, audience, required
    /// claims. Call only after the signature has verified.
    func validate(header: JWTHeader, claims: ClaimSet, now: NumericDate) throws(JWTError) {
        if let expected = type {
            let actual = header.type
            guard let actual, Self.normalizedType(actual) == Self.normalizedType(expected) else {
                throw JWTError(
                    code: .wrongType,
                    reason:
                        "the header's \"typ\" is \(actual.map(JWTError.quoted) ?? "absent"); expected \"\(expected)\""
                )
            }
        }
        let instant = now.exactTime
        let latest = instant.adding(leeway)
        if let exp = try Self.time(.expiration, in: claims) {
            // RFC 7519 section 4.1.4: the token must not be accepted on or after exp.
            guard instant.adding(.zero - leeway) < exp.exactTime else {
                throw JWTError(
                    code: .expired,
                    reason: "the token expired at \(exp) (now \(now), leeway \(leeway))"
                )
            }
        }
        if let nbf = try Self.time(.notBefore, in: claims), latest < nbf.exactTime {
            throw JWTError(
                code: .notYetValid,
                reason: "the token is not valid before \(nbf) (now \(now), leeway \(leeway))"
            )
        }
        if let iat = try Self.time(.issuedAt, in: claims), latest < iat.exactTime {
            throw JWTError(
                code: .issuedInFuture,
                reason: "the token was issued in the future, at \(iat) (now \(now), leeway \(leeway))"
            )
        }
        let issuer = try Self.string(.issuer, in: claims)
        _ = try Self.string(.subject, in: claims)
        _ = try Self.string(.jwtID, in: claims)
        if !issuers.isEmpty {
            guard let issuer else {
                throw JWTError(code: .missingClaim, reason: "the token has no \"iss\" claim; expected an issuer")
            }
            // Exact code units (RFC 7515 section 5.3), not Swift's canonical equivalence.
            guard issuers.contains(where: { CodeUnitString.equal($0, issuer) }) else {
                throw JWTError(
                    code: .wrongIssuer,
                    reason: "the token's \"iss\" is \(JWTError.quoted(issuer)); expected "
                        + issuers.map { "\"\($0)\"" }.joined(separator: " or ")
                )
            }
        }
        let audience = try Self.audience(in: claims)
        if !audiences.isEmpty {
            guard let audience else {
                throw JWTError(code: .missingClaim, reason: "the token has no \"aud\" claim; expected an audience")
            }
            guard audiences.contains(where: { audience.contains($0) }) else {
                throw JWTError(
                    code: .wrongAudience,
                    reason: "the token's \"aud\" \(JWTError.describe(audience.jsonValue)) names none of "
                        + audiences.map { "\"\($0)\"" }.joined(separator: ", ")
                )
            }
        }
        for name in requiredClaims where !claims.contains(name) {
            throw JWTError(code: .missingClaim, reason: "the token has no \"\(name)\" claim, which is required")
        }
    }

    /// Media types compare case-insensitively, and `application/` may be omitted (RFC 7515 section 4.1.9).
    static func normalizedType(_ type: String) -> String {
        let lowered = type.lowercased()
        let prefix = "application/"
        if lowered.hasPrefix(prefix), !lowered.dropFirst(prefix.count).contains("/") {
            return String(lowered.dropFirst(prefix.count))
        }
        return lowered
    }

    private static func time(_ name: ClaimName, in claims: ClaimSet) throws(JWTError) -> NumericDate? {
        guard let value = claims[name] else { return nil }
        guard case .number(let number) = value else {
            throw JWTError(
                code: .invalidClaimValue,
                reason: "the \"\(name)\" claim must be a NumericDate (a JSON number), not \(value.kindDescription)"
            )
        }
        return try NumericDate(number)
    }

    private static func string(_ name: ClaimName, in claims: ClaimSet) throws(JWTError) -> String? {
        guard let value = claims[name] else { return nil }
        guard case .string(let string) = value else {
            throw JWTError(
                code: .invalidClaimValue,
                reason: "the \"\(name)\" claim must be a string, not \(value.kindDescription)"
            )
        }
        return string
    }

    private static func audience(in claims: ClaimSet) throws(JWTError) -> Audience? {
        guard let value = claims[.audience] else { return nil }
        guard let audience = Audience(value) else {
            throw JWTError(
                code: .invalidClaimValue,
                reason: "the \"aud\" claim must be a string or an array of strings, not \(JWTError.describe(value))"
            )
        }
        return audience
    }
}
