import JWTClaims
import Testing

@Suite("ClaimSet")
struct ClaimSetTests {
    @Test("registered claims read and write the JSON shape the RFC expects")
    func registeredAccessors() throws {
        var claims = ClaimSet()
        claims.issuer = "https://issuer.example"
        claims.subject = "user-1"
        claims.audience = .single("api")
        claims.expiration = NumericDate(secondsSince1970: 1_599_181_203)
        let notBefore: NumericDate = try #require(NumericDate("1599177603.5"))
        claims.notBefore = notBefore
        claims.issuedAt = NumericDate(secondsSince1970: 1_599_177_603)
        claims.jwtID = "id-1"
        #expect(
            claims.serialized()
                == #"{"iss":"https://issuer.example","sub":"user-1","aud":"api","exp":1599181203,"#
                + #""nbf":1599177603.5,"iat":1599177603,"jti":"id-1"}"#
        )
        claims.audience = .multiple(["api"])
        #expect(claims["aud"] == ["api"])
        #expect(claims.audience == .multiple(["api"]))
        claims.subject = nil
        #expect(claims.names == ["iss", "aud", "exp", "nbf", "iat", "jti"])
        claims.issuer = "replaced"
        #expect(claims.names.first == "iss")
    }

    @Test("typed getters return nil for a claim of the wrong type")
    func wrongTypes() throws {
        let claims = try ClaimSet(parsing: #"{"iss":1,"sub":null,"aud":[1],"exp":"soon","nbf":true,"iat":[]}"#)
        #expect(claims.issuer == nil)
        #expect(claims.subject == nil)
        #expect(claims.audience == nil)
        #expect(claims.expiration == nil)
        #expect(claims.notBefore == nil)
        #expect(claims.issuedAt == nil)
        #expect(claims.count == 6)
    }

    @Test("custom claims keep order and shape through subscripts")
    func customClaims() throws {
        var claims: ClaimSet = ["username": "helloworld", "role": "admin", "user_id": 125]
        claims["tenant"] = ["id": 7, "name": "acme"]
        claims[ClaimName("role")] = "owner"
        #expect(
            claims.serialized()
                == #"{"username":"helloworld","role":"owner","user_id":125,"tenant":{"id":7,"name":"acme"}}"#
        )
        #expect(claims.contains("tenant"))
        #expect(!claims.contains(.issuer))
    }

    @Test("parsing requires a JSON object")
    func parsingRequiresObject() {
        for text in ["[]", "1", #""claims""#, "null"] {
            let error = #expect(throws: JWTError.self) { _ = try ClaimSet(parsing: text) }
            #expect(error?.code == .invalidClaims, "\(text)")
        }
        let error = #expect(throws: JWTError.self) { _ = try ClaimSet(parsing: #"{"a":1,"a":2}"#) }
        #expect(error?.code == .duplicateMember)
    }
}
