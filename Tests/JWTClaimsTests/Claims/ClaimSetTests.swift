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

    @Test("takes run-time values through the JSONValue initialisers")
    func runTimeValues() throws {
        let userID: Int64 = 9_007_199_254_740_993
        let score = 0.1
        let name = "alice"
        let isVerified = true
        var claims = ClaimSet()
        claims["user_id"] = JSONValue(userID)
        claims["score"] = try JSONValue(score)
        claims["name"] = JSONValue(name)
        claims["verified"] = JSONValue(isVerified)
        claims[.expiration] = JSONValue(UInt64.max)
        #expect(
            claims.serialized()
                == #"{"user_id":9007199254740993,"score":0.1,"name":"alice","verified":true,"exp":18446744073709551615}"#
        )
        #expect(claims["user_id"]?.int64Value == userID)
        let error = #expect(throws: JWTError.self) { claims["score"] = try JSONValue(Double.infinity) }
        #expect(error?.code == .typeMismatch)
        #expect(claims["score"]?.numberValue?.text == "0.1")
    }

    /// Two claim sets as JSON text, whether they have the same value, and whether they are `==`.
    struct Comparison: CustomTestStringConvertible, Sendable {
        let left: String
        let right: String
        let sameValue: Bool
        let equal: Bool
        var testDescription: String { "\(left) vs \(right)" }
    }

    @Test(
        "hasSameValue ignores claim order and number spelling, while == stays exact",
        arguments: [
            Comparison(left: #"{"n":1}"#, right: #"{"n":1}"#, sameValue: true, equal: true),
            Comparison(left: #"{"n":1}"#, right: #"{"n":1.0}"#, sameValue: true, equal: false),
            Comparison(left: #"{"n":1}"#, right: #"{"n":1e0}"#, sameValue: true, equal: false),
            Comparison(left: #"{"n":1}"#, right: #"{"n":10e-1}"#, sameValue: true, equal: false),
            Comparison(left: #"{"a":1,"b":2}"#, right: #"{"b":2,"a":1}"#, sameValue: true, equal: false),
            Comparison(
                left: #"{"sub":"a","exp":1.8e9,"ctx":{"x":1,"y":[1,2.0]}}"#,
                right: #"{"ctx":{"y":[1.0,2],"x":10e-1},"exp":1800000000,"sub":"a"}"#,
                sameValue: true,
                equal: false
            ),
            Comparison(left: #"{"r":[1,2]}"#, right: #"{"r":[2,1]}"#, sameValue: false, equal: false),
            Comparison(left: #"{"n":1}"#, right: #"{"n":"1"}"#, sameValue: false, equal: false),
            Comparison(left: #"{"n":1}"#, right: #"{"n":1.000000000000000000001}"#, sameValue: false, equal: false),
            Comparison(left: #"{"a":1}"#, right: #"{"a":1,"b":null}"#, sameValue: false, equal: false),
            Comparison(left: #"{"o":{"x":1}}"#, right: #"{"o":{"x":1,"y":2}}"#, sameValue: false, equal: false),
        ]
    )
    func valueComparison(_ vector: Comparison) throws {
        let left = try ClaimSet(parsing: vector.left)
        let right = try ClaimSet(parsing: vector.right)
        #expect(left.hasSameValue(as: right) == vector.sameValue)
        #expect(right.hasSameValue(as: left) == vector.sameValue)
        #expect((left == right) == vector.equal)
        #expect((right == left) == vector.equal)
    }
}
