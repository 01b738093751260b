import JWTClaims
import Testing

/// Every validation option, both ways: passes just inside the leeway, fails just outside.
@Suite("JWT validation options")
struct JWTValidationTests {
    static let key = Result { try ES256.PrivateKey() }

    static func token(_ claims: ClaimSet, type: String? = "JWT") throws -> String {
        try JWTSigner(key: key.get()).sign(claims, type: type)
    }

    static func verify(
        _ token: String,
        at now: NumericDate,
        _ options: JWTValidationOptions = JWTValidationOptions()
    ) throws -> VerifiedJWT {
        try JWTVerifier(key: key.get().publicKey, options: options).verify(token, now: now)
    }

    static func expectRejection(
        _ code: JWTError.Code,
        _ token: String,
        at now: NumericDate,
        _ options: JWTValidationOptions = JWTValidationOptions(),
        naming fragment: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: JWTError.self, sourceLocation: sourceLocation) {
            _ = try verify(token, at: now, options)
        }
        #expect(error?.code == code, "\(error?.description ?? "")", sourceLocation: sourceLocation)
        if let fragment {
            #expect(error?.reason.contains(fragment) == true, "\(error?.reason ?? "")", sourceLocation: sourceLocation)
        }
    }

    static func date(_ text: String) throws -> NumericDate {
        try #require(NumericDate(text))
    }

    @Test("exp: valid until exp + leeway, expired from then on")
    func expiration() throws {
        let token = try Self.token(["exp": 1000])
        _ = try Self.verify(token, at: Self.date("999"))
        _ = try Self.verify(token, at: Self.date("999.999999999"))
        Self.expectRejection(.expired, token, at: try Self.date("1000"), naming: "1000")
        let leeway = JWTValidationOptions(leeway: .seconds(30))
        _ = try Self.verify(token, at: Self.date("1029.999"), leeway)
        Self.expectRejection(.expired, token, at: try Self.date("1030"), leeway)
    }

    @Test("a fractional exp counts exactly")
    func fractionalExpiration() throws {
        let token = try Self.token(["exp": 1000.5])
        _ = try Self.verify(token, at: Self.date("1000.4999999999999999"))
        Self.expectRejection(.expired, token, at: try Self.date("1000.5"))
        Self.expectRejection(.expired, token, at: try Self.date("1.0005e3"))
        let leeway = JWTValidationOptions(leeway: .milliseconds(500))
        _ = try Self.verify(token, at: Self.date("1000.999"), leeway)
        Self.expectRejection(.expired, token, at: try Self.date("1001"), leeway)
    }

    @Test("nbf: not valid before nbf - leeway")
    func notBefore() throws {
        let token = try Self.token(["nbf": 2000])
        _ = try Self.verify(token, at: Self.date("2000"))
        Self.expectRejection(.notYetValid, token, at: try Self.date("1999.999"), naming: "2000")
        let leeway = JWTValidationOptions(leeway: .seconds(10))
        _ = try Self.verify(token, at: Self.date("1990"), leeway)
        Self.expectRejection(.notYetValid, token, at: try Self.date("1989.999"), leeway)
    }

    @Test("iat: not issued after now + leeway")
    func issuedAt() throws {
        let token = try Self.token(["iat": 3000])
        _ = try Self.verify(token, at: Self.date("3000"))
        Self.expectRejection(.issuedInFuture, token, at: try Self.date("2999"), naming: "3000")
        let leeway = JWTValidationOptions(leeway: .seconds(5))
        _ = try Self.verify(token, at: Self.date("2995"), leeway)
        Self.expectRejection(.issuedInFuture, token, at: try Self.date("2994.9"), leeway)
    }

    @Test(
        "registered claims of the wrong type are rejected",
        arguments: [
            #"{"exp":"1000"}"#, #"{"nbf":true}"#, #"{"iat":null}"#, #"{"iss":1}"#, #"{"sub":["a"]}"#, #"{"jti":{}}"#,
            #"{"aud":1}"#, #"{"aud":["a",1]}"#,
        ]
    )
    func registeredClaimTypes(_ json: String) throws {
        let token = try Self.token(ClaimSet(parsing: json))
        Self.expectRejection(.invalidClaimValue, token, at: try Self.date("0"))
    }

    @Test("issuer: one of the expected values")
    func issuer() throws {
        let options = JWTValidationOptions(issuers: ["https://a.example", "https://b.example"])
        _ = try Self.verify(try Self.token(["iss": "https://b.example"]), at: Self.date("0"), options)
        Self.expectRejection(
            .wrongIssuer,
            try Self.token(["iss": "https://c.example"]),
            at: try Self.date("0"),
            options,
            naming: "https://c.example"
        )
        Self.expectRejection(
            .missingClaim,
            try Self.token(["sub": "x"]),
            at: try Self.date("0"),
            options,
            naming: "iss"
        )
        // Without expectations, any issuer passes.
        _ = try Self.verify(try Self.token(["iss": "https://c.example"]), at: Self.date("0"))
    }

    @Test("audience: a string aud or any member of an array aud")
    func audience() throws {
        let options = JWTValidationOptions(audiences: ["api"])
        _ = try Self.verify(try Self.token(["aud": "api"]), at: Self.date("0"), options)
        _ = try Self.verify(try Self.token(["aud": ["web", "api"]]), at: Self.date("0"), options)
        Self.expectRejection(.wrongAudience, try Self.token(["aud": "web"]), at: try Self.date("0"), options)
        Self.expectRejection(.wrongAudience, try Self.token(["aud": ["web"]]), at: try Self.date("0"), options)
        Self.expectRejection(.wrongAudience, try Self.token(["aud": "API"]), at: try Self.date("0"), options)
        Self.expectRejection(.missingClaim, try Self.token(["sub": "x"]), at: try Self.date("0"), options)
    }

    @Test("typ: compared case-insensitively, application/ optional on either side")
    func type() throws {
        let expectJWT = JWTValidationOptions(type: "JWT")
        _ = try Self.verify(try Self.token(["a": 1], type: "jwt"), at: Self.date("0"), expectJWT)
        _ = try Self.verify(try Self.token(["a": 1], type: "application/JWT"), at: Self.date("0"), expectJWT)
        let expectLong = JWTValidationOptions(type: "application/at+jwt")
        _ = try Self.verify(try Self.token(["a": 1], type: "AT+JWT"), at: Self.date("0"), expectLong)
        Self.expectRejection(.wrongType, try Self.token(["a": 1], type: "at+jwt"), at: try Self.date("0"), expectJWT)
        Self.expectRejection(.wrongType, try Self.token(["a": 1], type: nil), at: try Self.date("0"), expectJWT)
    }

    @Test("required claims must be present")
    func requiredClaims() throws {
        let options = JWTValidationOptions(requiredClaims: [.expiration, "role"])
        _ = try Self.verify(try Self.token(["exp": 10, "role": "admin"]), at: Self.date("0"), options)
        Self.expectRejection(
            .missingClaim,
            try Self.token(["exp": 10]),
            at: try Self.date("0"),
            options,
            naming: "role"
        )
        Self.expectRejection(
            .missingClaim,
            try Self.token(["role": "a"]),
            at: try Self.date("0"),
            options,
            naming: "exp"
        )
    }

    @Test("the token size limit applies before anything is decoded")
    func tokenSize() throws {
        var claims = ClaimSet()
        claims["padding"] = .string(String(repeating: "x", count: 20_000))
        let token = try Self.token(claims)
        Self.expectRejection(.limitExceeded, token, at: try Self.date("0"), naming: "16384")
        let larger = JWTValidationOptions(limits: JWTLimits(maximumTokenSize: 64 * 1024))
        _ = try Self.verify(token, at: Self.date("0"), larger)
        let huge = String(repeating: "a", count: 1 << 20)
        Self.expectRejection(.limitExceeded, huge, at: try Self.date("0"))
    }

    @Test("the JSON depth limit applies to the claims")
    func jsonDepth() throws {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        var json = JSONParsingOptions()
        json.maximumDepth = 64
        let claims = try ClaimSet(parsing: #"{"deep":"# + deep + "}", options: json)
        let token = try Self.token(claims)
        Self.expectRejection(.limitExceeded, token, at: try Self.date("0"))
        let relaxed = JWTValidationOptions(limits: JWTLimits(json: json))
        _ = try Self.verify(token, at: Self.date("0"), relaxed)
    }
}
