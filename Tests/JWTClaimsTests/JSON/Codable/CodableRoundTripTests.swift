import Foundation
import JWTClaims
import Testing

/// Struct → JSONObject → struct, and agreement with Foundation's `JSONDecoder` and `JSONEncoder` on plain types.
@Suite("Codable round trips and agreement with Foundation")
struct CodableRoundTripTests {
    static let plainJSON = """
        {"sub":"alice","aud":["api"],"exp":1599181203,"admin":false,"score":-2.5e-3,"level":"gold",\
        "address":{"city":"Zürich","zip":null},"scores":[3,1,2],"counts":{"a":1,"b":2}}
        """

    @Test("decodes what it encoded: struct to JSONObject to struct")
    func roundTripsPayload() throws {
        let claims = try JSONObject(encoding: JSONValueEncoderTests.payload)
        #expect(try claims.decode(TokenPayload.self) == JSONValueEncoderTests.payload)
    }

    @Test("rewrites a parsed payload byte for byte after decoding and encoding it")
    func rewritesPayloadBytes() throws {
        // Without the optional that is null (it would be left out) and the claim the type ignores, the payload's
        // text survives decoding into the struct and encoding back exactly: order, numbers and nested JSON.
        var original = try JSONObject(parsing: TokenPayload.json.utf8)
        original.removeValue(forName: "jti")
        original.removeValue(forName: "unknown")
        let payload = try original.decode(TokenPayload.self)
        let limits = try #require(original["limits"]?.objectValue)
        // `limits` is a Swift dictionary, so its order may change; every other member keeps its text.
        var rewritten = try JSONObject(encoding: payload)
        #expect(rewritten["limits"].map { $0.hasSameValue(as: .object(limits)) } == true)
        rewritten["limits"] = .object(limits)
        #expect(rewritten.serialized() == original.serialized())
    }

    @Test("decodes plain claims exactly as Foundation's JSONDecoder does")
    func agreesWithFoundationDecoder() throws {
        let ours = try JSONObject(parsing: Self.plainJSON.utf8).decode(PlainClaims.self)
        let foundation = try JSONDecoder().decode(PlainClaims.self, from: Data(Self.plainJSON.utf8))
        #expect(ours == foundation)
        #expect(ours.address.city == "Zürich")
    }

    @Test("encodes plain claims to the same JSON values as Foundation's JSONEncoder, in declaration order")
    func agreesWithFoundationEncoder() throws {
        let claims = try JSONDecoder().decode(PlainClaims.self, from: Data(Self.plainJSON.utf8))
        let ours = try JSONObject(encoding: claims)
        let foundationBytes = try JSONEncoder().encode(claims)
        let foundation = try JSONObject(parsing: [UInt8](foundationBytes))
        #expect(JSONValue.object(ours).hasSameValue(as: .object(foundation)))
        // Foundation's member order is unspecified (it differs between runs on Linux); ours is declaration order.
        #expect(ours.names == ["sub", "aud", "exp", "admin", "score", "level", "address", "scores", "counts"])
    }

    /// JSON text and whether it fits ``PlainClaims`` (or a small type) in both decoders.
    struct AgreementVector: CustomTestStringConvertible, Sendable {
        let label: String
        let json: String
        var testDescription: String { label }
    }

    static let agreementVectors: [AgreementVector] = [
        AgreementVector(label: "integer written with an exponent", json: #"{"value":1.5e3}"#),
        AgreementVector(label: "integer written with a zero fraction", json: #"{"value":127.0}"#),
        AgreementVector(label: "fraction", json: #"{"value":1.5}"#),
        AgreementVector(label: "Int8 overflow", json: #"{"value":300}"#),
        AgreementVector(label: "negative zero", json: #"{"value":-0}"#),
        AgreementVector(label: "string", json: #"{"value":"1"}"#),
        AgreementVector(label: "null", json: #"{"value":null}"#),
        AgreementVector(label: "missing", json: #"{}"#),
    ]

    @Test("accepts and rejects the same integers as Foundation's JSONDecoder", arguments: agreementVectors)
    func agreesOnIntegers(vector: AgreementVector) throws {
        let value = try JSONValue(parsing: vector.json)
        let data = Data(vector.json.utf8)
        #expect((try? value.decode(Box<Int>.self)) == (try? JSONDecoder().decode(Box<Int>.self, from: data)))
        #expect((try? value.decode(Box<Int8>.self)) == (try? JSONDecoder().decode(Box<Int8>.self, from: data)))
        #expect((try? value.decode(Box<UInt>.self)) == (try? JSONDecoder().decode(Box<UInt>.self, from: data)))
        #expect((try? value.decode(Box<Int?>.self)) == (try? JSONDecoder().decode(Box<Int?>.self, from: data)))
    }
}
