import ChildProcess
import Foundation
import Testing

/// Runs the built `jwt-claims` binary, as a user or a script would.
///
/// The binary is found next to the test bundle (`swift test` builds it first, because this test target depends on
/// the executable target); set `JWT_CLAIMS_BINARY` to test another build. ``ChildProcess`` runs it without holding a
/// thread of the cooperative pool.
struct CLIProcess {
    /// What a run produced.
    struct Output: CustomStringConvertible {
        /// The exit status.
        let status: Int32
        /// Standard output, as text.
        let standardOutput: String
        /// Standard error, as text.
        let standardError: String

        /// Standard output split into lines, without the final empty one.
        var outputLines: [String] {
            var lines = standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return lines
        }

        var description: String {
            "status \(status)\n--- stdout\n\(standardOutput)--- stderr\n\(standardError)"
        }
    }

    /// The binary's location.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["JWT_CLAIMS_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        // Linux: .build/<triple>/debug/<package>PackageTests.xctest is an executable next to the binary.
        // macOS: .build/debug/<package>PackageTests.xctest/Contents/MacOS/<name> is inside a bundle next to it.
        let start = Bundle.main.executableURL ?? Bundle.main.bundleURL.appendingPathComponent("tests")
        var directory = start.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("jwt-claims")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return start.deletingLastPathComponent().appendingPathComponent("jwt-claims")
    }()

    /// Runs `jwt-claims arguments...` in `directory`, with `input` as standard input (none: `/dev/null`).
    static func run(
        _ arguments: [String],
        input: [UInt8]? = nil,
        in directory: URL
    ) async throws -> Output {
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "jwt-claims is not built at \(binary.path); run `swift build` or set JWT_CLAIMS_BINARY"
        )
        let output = try await ChildProcess.run(binary.path, arguments, input: input, directory: directory)
        return Output(
            status: output.status,
            standardOutput: output.standardOutput,
            standardError: output.standardError
        )
    }
}

/// A temporary directory for one test; call ``remove()`` in a `defer`.
struct TemporaryDirectory: Sendable {
    /// Its location.
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jwt-claims-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Removes the directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The text of `name`.
    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    /// Runs `jwt-claims` in this directory.
    func run(_ arguments: String..., input: String? = nil) async throws -> CLIProcess.Output {
        try await CLIProcess.run(arguments, input: input.map { Array($0.utf8) }, in: url)
    }

    /// Runs `jwt-claims` in this directory with raw standard input.
    func run(_ arguments: [String], inputBytes: [UInt8]?) async throws -> CLIProcess.Output {
        try await CLIProcess.run(arguments, input: inputBytes, in: url)
    }
}
