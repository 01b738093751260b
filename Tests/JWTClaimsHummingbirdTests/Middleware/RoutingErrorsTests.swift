import HTTPTypes
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// 404, 405 with `Allow`, and fixed paths winning over `{API_KEY_ID}`.
@Suite("Routing errors")
struct RoutingErrorsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let method: HTTPRequest.Method
        let path: String
        let status: HTTPResponse.Status
        let allow: String?
        var testDescription: String { "\(method) \(path)" }
    }

    @Test(
        "unknown paths are 404 not_found; known paths with another method 405 with Allow",
        arguments: [
            Case(method: .get, path: "/nope", status: .notFound, allow: nil),
            Case(method: .get, path: "/api/v0/token/a/b", status: .notFound, allow: nil),
            Case(method: .post, path: "/healthz", status: .methodNotAllowed, allow: "GET, OPTIONS"),
            Case(method: .delete, path: "/api/v0/token/issue", status: .methodNotAllowed, allow: "OPTIONS, POST"),
            Case(method: .post, path: "/api/v0/token/jwks", status: .methodNotAllowed, allow: "GET, OPTIONS"),
            Case(method: .get, path: "/api/v0/token/some-key", status: .methodNotAllowed, allow: "OPTIONS, POST"),
            Case(method: .put, path: "/verify", status: .methodNotAllowed, allow: "OPTIONS, POST"),
            Case(method: .get, path: "/api/v0/token/revoke", status: .methodNotAllowed, allow: "OPTIONS, POST"),
        ]
    )
    func routing(_ test: Case) async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let response = try await client.execute(uri: test.path, method: test.method)
            #expect(response.status == test.status)
            #expect(response.headers[.allow] == test.allow)
            #expect(response.headers[.contentType] == "application/json")
            let error = try response.error()
            #expect(error.error == (test.status == .notFound ? "not_found" : "method_not_allowed"))
        }
    }

    @Test("fixed segments win over {API_KEY_ID}; ids match case-sensitively")
    func fixedSegments() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            // POST .../ISSUE is the refresh route for a key "ISSUE", which does not exist.
            let upper = try await client.post("/api/v0/token/ISSUE", "{}", headers: [.contentType: "application/json"])
            #expect(upper.status == .unauthorized)
            #expect(try upper.error().error == "invalid_client")
            let issue = try await client.post("/api/v0/token/issue?x=1", #"{"claims":{"sub":"a"}}"#)
            #expect(issue.status == .ok)
        }
    }
}

/// Bodies over the limit (declared or chunked) and bodies that arrive too slowly.
@Suite("Body limits and timeouts")
struct BodyLimitTests {
    @Test("a declared Content-Length over the limit is 413 before anything is read, and the store is untouched")
    func declared() async throws {
        let fixture = try ServiceFixture(maximumBodyBytes: 100)
        try await fixture.test(.live) { client in
            let body = #"{"claims":{"sub":"a","pad":""# + String(repeating: "x", count: 200) + #""}}"#
            let response = try await client.post("/api/v0/token/issue", body)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.connection] == "close")
            #expect(try response.error().error == "request_too_large")
        }
        #expect(await fixture.store.count == 0)
    }

    @Test("a chunked body crossing the limit is 413 request_too_large (router mode streams it in parts)")
    func streamed() async throws {
        let fixture = try ServiceFixture(maximumBodyBytes: 100)
        try await fixture.test(.ahc(.http)) { client in
            // AsyncHTTPClient's test client sends the body with Content-Length; the router-level check is the same
            // code path as for chunked bodies once the declared length passes: collect(upTo:) stops at the limit.
            let body = #"{"claims":{"sub":"a","pad":""# + String(repeating: "x", count: 5000) + #""}}"#
            let response = try await client.post("/api/v0/token/issue", body)
            #expect(response.status == .contentTooLarge)
            #expect(try response.error().error == "request_too_large")
        }
        #expect(await fixture.store.count == 0)
    }
}

/// The limits as a raw HTTP client meets them: chunked bodies, trickled bodies, the connection closed after the
/// refusal (not drained).
@Suite("Body limits on the wire")
struct BodyLimitWireTests {
    @Test("a chunked body over the limit gets 413 request_too_large and the connection is closed")
    func chunked() async throws {
        let fixture = try ServiceFixture(maximumBodyBytes: 1000)
        try await fixture.test(.live) { client in
            let port = try #require(client.port)
            let connection = try #require(RawHTTPConnection(port: port))
            await connection.send(
                "POST /api/v0/token/issue HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "API_KEY_ID: \(ServiceFixture.keyID)\r\nAPI_SECRET_KEY: \(ServiceFixture.secret)\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"
            )
            let chunk = String(repeating: "x", count: 500)
            for _ in 0..<4 {
                await connection.send("1f4\r\n\(chunk)\r\n")
            }
            let answer = await connection.receive()
            #expect(answer.text.hasPrefix("HTTP/1.1 413"))
            #expect(answer.text.contains("request_too_large"))
            #expect(answer.closed)
            // Sending more: the server no longer reads (closed or reset), so at most the socket buffers take it.
            var refused = false
            for _ in 0..<200 where !refused {
                refused = !(await connection.send("1f4\r\n\(chunk)\r\n"))
            }
            #expect(refused, "the server drained the body instead of closing")
        }
        #expect(await fixture.store.count == 0)
    }

    @Test("a declared 10 MB body gets 413 at once, without the body being sent")
    func declaredLarge() async throws {
        let fixture = try ServiceFixture(maximumBodyBytes: 1000)
        try await fixture.test(.live) { client in
            let port = try #require(client.port)
            let connection = try #require(RawHTTPConnection(port: port))
            await connection.send(
                "POST /api/v0/token/issue HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000000\r\n\r\n"
            )
            let answer = await connection.receive()
            #expect(answer.text.hasPrefix("HTTP/1.1 413"))
            #expect(answer.closed)
        }
    }

    @Test("a body trickled slower than the body-read timeout gets 408 request_timeout and is closed; nothing stored")
    func trickled() async throws {
        let fixture = try ServiceFixture(bodyReadTimeout: .seconds(1))
        try await fixture.test(.live) { client in
            let port = try #require(client.port)
            let connection = try #require(RawHTTPConnection(port: port))
            let body = #"{"claims":{"sub":"slow"}}"#
            await connection.send(
                "POST /api/v0/token/issue HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "API_KEY_ID: \(ServiceFixture.keyID)\r\nAPI_SECRET_KEY: \(ServiceFixture.secret)\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n" + String(body.prefix(5))
            )
            let start = ContinuousClock.now
            let answer = await connection.receive()
            let elapsed = ContinuousClock.now - start
            #expect(answer.text.hasPrefix("HTTP/1.1 408"))
            #expect(answer.text.contains("request_timeout"))
            #expect(answer.closed)
            // 1 s is the limit; the margin is for a suite that keeps both cores busy.
            #expect(elapsed < .seconds(30))
        }
        #expect(await fixture.store.count == 0)
    }
}
