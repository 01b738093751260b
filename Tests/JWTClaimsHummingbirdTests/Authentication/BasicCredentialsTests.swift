import HTTPTypes
import HummingbirdTesting
import JWTClaimsWireFormat
import Testing

@testable import JWTClaimsHummingbird

/// The service's own HTTP Basic parser: an empty password is allowed (revoke), everything else is strict.
@Suite("BasicCredentials")
struct BasicCredentialsTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        let header: String
        let user: String?
        let password: String?
        let isBasic: Bool
        var testDescription: String { header }
    }

    static func basic(_ text: String) -> String { "Basic " + Headers.base64(Array(text.utf8)) }

    static let vectors: [Vector] = [
        Vector(header: basic("key1:s3cret"), user: "key1", password: "s3cret", isBasic: true),
        Vector(header: basic("key1:"), user: "key1", password: "", isBasic: true),
        Vector(header: basic("key2:ot:her"), user: "key2", password: "ot:her", isBasic: true),
        Vector(header: "bAsIc   " + Headers.base64(Array("k:p".utf8)), user: "k", password: "p", isBasic: true),
        Vector(header: basic(":password"), user: nil, password: nil, isBasic: true),
        Vector(header: basic("no-colon"), user: nil, password: nil, isBasic: true),
        Vector(header: "Basic a2V5MTo", user: nil, password: nil, isBasic: true),  // unpadded
        Vector(header: "Basic a2V5MTp=", user: nil, password: nil, isBasic: true),  // non-zero pad bits
        Vector(header: "Basic AA=A", user: nil, password: nil, isBasic: true),
        Vector(header: "Basic !!!!", user: nil, password: nil, isBasic: true),
        Vector(header: "Basic /w==", user: nil, password: nil, isBasic: true),  // not UTF-8
        Vector(header: "Bearer abc", user: nil, password: nil, isBasic: false),
        Vector(header: "Basicx abc", user: nil, password: nil, isBasic: false),
    ]

    @Test("parses Basic credentials strictly", arguments: vectors)
    func parses(_ vector: Vector) {
        let result = BasicCredentials.parse(vector.header)
        switch result {
        case .success(let credentials)?:
            #expect(credentials.userID == vector.user)
            #expect(credentials.password == vector.password)
        case .failure(let error)?:
            #expect(vector.user == nil && vector.isBasic)
            #expect(error.code == .invalidClient)
            #expect(error.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
        case nil:
            #expect(!vector.isBasic)
        }
    }

    @Test("a header sent twice is invalid_client")
    func duplicateHeaders() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            var headers = Headers.json()
            headers.append(HTTPField(name: Headers.keyIDName, value: ServiceFixture.otherKeyID))
            let response = try await client.post("/api/v0/token/issue", #"{"claims":{"sub":"a"}}"#, headers: headers)
            #expect(response.status == .unauthorized)
            #expect(try response.error().error == "invalid_client")
        }
    }
}
