import Foundation
import Testing

/// Keys for a service under test, made with the built binary itself (`keygen` and `apikey new`), so these commands
/// are exercised end to end too.
enum ServiceKeys {
    /// An API key as `apikey new` printed it.
    struct Key: Sendable {
        let id: String
        let secret: String

        /// The reference's credential headers.
        var headers: [(String, String)] {
            [("API_KEY_ID", id), ("API_SECRET_KEY", secret)]
        }

        /// HTTP Basic credentials, id as user name.
        var basic: [(String, String)] {
            [("Authorization", "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString())]
        }
    }

    /// Makes a P-256 signing key file `name` (PEM) in `directory`, returning its path.
    static func signingKey(_ name: String, in directory: TemporaryDirectory) async throws -> String {
        let output = try await directory.run("keygen", "--private-out", name)
        try #require(output.status == 0, "\(output)")
        return directory.path(name)
    }

    /// Adds a key to the API-key file `file` with `apikey new` and returns what it printed.
    static func apiKey(
        file: String,
        allowedOrigins: [String] = [],
        in directory: TemporaryDirectory
    ) async throws -> Key {
        let origins = allowedOrigins.flatMap { ["--allowed-origin", $0] }
        let output = try await directory.run(["apikey", "new", "--file", file] + origins, inputBytes: nil)
        try #require(output.status == 0, "\(output)")
        let lines = output.outputLines
        try #require(lines.count == 2, "\(output)")
        let id = try #require(lines.first?.split(separator: "=", maxSplits: 1).last.map(String.init))
        let secret = try #require(lines.last?.split(separator: "=", maxSplits: 1).last.map(String.init))
        #expect(lines.first == "API_KEY_ID=\(id)")
        #expect(lines.last == "API_SECRET_KEY=\(secret)")
        return Key(id: id, secret: secret)
    }
}
