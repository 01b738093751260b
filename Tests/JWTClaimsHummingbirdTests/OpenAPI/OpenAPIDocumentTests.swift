import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// The OpenAPI document: served, committed, and in step with the routes.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// `Docs/openapi.json`, found from this file's path.
    static var committedURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/openapi.json")
    }

    @Test("is OpenAPI 3.1, served at /openapi.json, and Docs/openapi.json is the same document")
    func committedCopy() async throws {
        let fixture = try ServiceFixture()
        let served = try await fixture.test { client in
            try await client.execute(uri: "/openapi.json", method: .get)
        }
        #expect(served.status == .ok)
        let document = try JSONObject(parsing: served.body.readableBytesView)
        #expect(document["openapi"] == "3.1.0")
        #expect(document.hasSameValue(as: OpenAPIDocument.object))
        let committed = try Data(contentsOf: Self.committedURL)
        #expect(
            String(decoding: committed, as: UTF8.self) == OpenAPIDocument.prettyText,
            "Docs/openapi.json is stale: regenerate it (OPENAPI_WRITE=1 swift test --filter OpenAPIDocumentTests)"
        )
    }

    @Test(
        "writes Docs/openapi.json when OPENAPI_WRITE=1",
        .enabled(if: ProcessInfo.processInfo.environment["OPENAPI_WRITE"] == "1")
    )
    func write() throws {
        try Data(OpenAPIDocument.prettyText.utf8).write(to: Self.committedURL)
        #expect(try Data(contentsOf: Self.committedURL).count == OpenAPIDocument.prettyText.utf8.count)
    }

    @Test("every registered route is an operation of the document, and every operation a route")
    func routesMatch() throws {
        let fixture = try ServiceFixture()
        let router = Router(context: ServiceRequestContext.self)
        try ReferenceAPIController<ServiceRequestContext>(configuration: fixture.configuration).addRoutes(to: router)
        let routes = router.routes.map { route -> String in
            let path = route.path.description.hasPrefix("/") ? route.path.description : "/" + route.path.description
            return route.method.rawValue + " " + path
        }
        #expect(routes.sorted() == OpenAPIDocument.operations)
        #expect(OpenAPIDocument.operations.count == 18)
    }

    @Test("every error status an operation documents uses the error schema, and every schema reference resolves")
    func references() throws {
        let schemas = try #require(OpenAPIDocument.object["components"]?["schemas"]?.objectValue)
        var references: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let object):
                for (name, member) in object {
                    if name == "$ref", let text = member.stringValue { references.append(text) }
                    collect(member)
                }
            case .array(let elements):
                elements.forEach(collect)
            default:
                break
            }
        }
        collect(.object(OpenAPIDocument.object))
        #expect(!references.isEmpty)
        for reference in references {
            let name = reference.replacingOccurrences(of: "#/components/schemas/", with: "")
            #expect(schemas[name] != nil, "\(reference)")
        }
    }
}
