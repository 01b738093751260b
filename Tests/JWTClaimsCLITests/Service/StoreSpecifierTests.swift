import Foundation
import JWTClaims
import Logging
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
            ("postgres://user:hunter2@db:5432/tokens?sslmode=sometimes", "sslmode"),
            ("postgresql://user:hunter2@db", "database"),
            ("redis://hunter2@cache", #"unsupported store "redis""#),
            ("sqlite:", "needs a file path"),
            ("Memory", "must be memory, sqlite:PATH or postgres://"),
            ("", "must be memory, sqlite:PATH or postgres://"),
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
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let (memory, memoryServices) = try await StoreSpecifier.memory.open(logger: logger)
        #expect(try await memory.record(forID: "x") == nil)
        #expect(memoryServices.isEmpty)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (store, _) = try await StoreSpecifier.sqlite(path: directory.path("t.sqlite")).open(logger: logger)
        try await store.checkAvailability()
        #expect(FileManager.default.fileExists(atPath: directory.path("t.sqlite")))
        let missing = await #expect(throws: CLIError.self) {
            try await StoreSpecifier.sqlite(path: directory.path("no/such/dir/t.sqlite")).open(logger: logger)
        }
        #expect(missing?.message.hasPrefix("--store sqlite:") == true)
    }
}
