import Foundation
import JWTClaims
import Testing

@testable import jwt_claims

@Suite("--store specifiers")
struct StoreSpecifierTests {
    @Test("memory and sqlite:PATH parse; the default is an SQLite file in the working directory")
    func parses() throws {
        #expect(try StoreSpecifier(parsing: "memory") == .memory)
        #expect(try StoreSpecifier(parsing: "sqlite:/var/lib/t.sqlite") == .sqlite(path: "/var/lib/t.sqlite"))
        #expect(try StoreSpecifier(parsing: "sqlite:rel/t.db") == .sqlite(path: "rel/t.db"))
        #expect(StoreSpecifier.default == .sqlite(path: "jwt-claims.sqlite"))
        #expect(try StoreSpecifier(parsing: "sqlite:x").description == "sqlite:x")
    }

    @Test("unsupported schemes and other text are usage errors that never echo a password")
    func refuses() {
        let cases: [(String, String)] = [
            ("postgres://user:hunter2@db:5432/tokens", "not supported by this build yet"),
            ("postgresql://user:hunter2@db/tokens", "not supported by this build yet"),
            ("redis://hunter2@cache", #"unsupported store "redis""#),
            ("sqlite:", "needs a file path"),
            ("Memory", "must be memory or sqlite:PATH"),
            ("", "must be memory or sqlite:PATH"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: CLIError.self) { try StoreSpecifier(parsing: text) }
            #expect(error?.status == .badInput)
            #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "")")
            #expect(error?.message.contains("hunter2") == false)
        }
    }

    @Test("memory opens an empty store; sqlite:PATH creates its file")
    func opens() async throws {
        let memory = try StoreSpecifier.memory.open()
        #expect(try await memory.record(forID: "x") == nil)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try StoreSpecifier.sqlite(path: directory.path("t.sqlite")).open()
        try await store.checkAvailability()
        #expect(FileManager.default.fileExists(atPath: directory.path("t.sqlite")))
        let missing = #expect(throws: CLIError.self) {
            try StoreSpecifier.sqlite(path: directory.path("no/such/dir/t.sqlite")).open()
        }
        #expect(missing?.message.hasPrefix("--store sqlite:") == true)
    }
}
