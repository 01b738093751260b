import ChildProcess
import Foundation
import Testing

/// The README's "Run the service" curl session, replayed as written against the built binary: if the README's
/// commands stop working, this fails.
@Suite("README: the Run the service session")
struct ReadmeSessionTests {
    /// The README at the package root.
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// Whether `tool` is on the PATH (the session needs curl and jq; CI installs both).
    static func installed(_ tool: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// The shell block that starts with `URL=`, the one the README tells users to run in another shell.
    static func session() throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let blocks = text.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        return try #require(blocks.first { $0.hasPrefix("URL=http://127.0.0.1:8080\n") }, "no curl session block")
    }

    @Test(
        "the session runs unchanged (but for the port) and ends with a verified token",
        .enabled(if: installed("curl") && installed("jq"))
    )
    func replay() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signing = try await ServiceKeys.signingKey("signing.pem", in: directory)
        let file = directory.path("api-keys.json")
        let key = try await ServiceKeys.apiKey(file: file, in: directory)
        let service = try await ServiceProcess(
            ["--port", "0", "--signing-key", signing, "--api-keys", file, "--store", "memory"],
            in: directory
        )
        let script = try Self.session().replacingOccurrences(
            of: "URL=http://127.0.0.1:8080\n",
            with: "URL=\(service.baseURL)\n"
        )
        let scriptPath = try directory.write("session.sh", "set -euo pipefail\n" + script)
        let shell = try await ChildProcess.run(
            "/bin/bash",
            [scriptPath],
            environment: [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "API_KEY_ID": key.id, "API_SECRET_KEY": key.secret,
            ],
            directory: directory.url
        )
        let text = shell.standardOutput
        #expect(shell.status == 0, "\(text)")
        #expect(text.contains(#"{"success":true}"#), "\(text)")
        #expect(text.contains(#"{"keys":["#), "\(text)")
        let refreshed = try directory.read("refreshed.json")
        let access = try #require(
            (try JSONSerialization.jsonObject(with: Data(refreshed.utf8)) as? [String: Any])?["access_token"] as? String
        )
        let claims = try ServeEndpointsTests.payload(access)
        #expect(claims.contains(#""name":"Jane Doe""#) && claims.contains(#""role":"admin""#), "\(claims)")
        #expect(await service.stop() == 0)
    }
}
