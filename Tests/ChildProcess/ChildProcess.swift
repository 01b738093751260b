public import Foundation

/// Runs a child process to completion without blocking a thread of Swift's cooperative pool.
///
/// Every test target runs in one process whose cooperative pool has as many threads as the machine has cores (two on
/// CI). A helper that waited with `waitUntilExit()` or read a pipe to its end held one of them for as long as the
/// child ran, and every other test in the process stood still meanwhile: on CI a long Python interop run stalled the
/// whole suite for 30 seconds and made an unrelated timing test fail. Here the child's output goes to files (so a
/// large output can never block it) and the end of the child resumes the caller from Foundation's termination
/// handler.
public enum ChildProcess {
    /// What a run produced.
    public struct Output: Sendable, CustomStringConvertible {
        /// The exit status (or the number of the signal that ended the child).
        public let status: Int32
        /// Standard output, as text.
        public let standardOutput: String
        /// Standard error, as text.
        public let standardError: String

        /// The status and both outputs, for a failed expectation's message.
        public var description: String {
            "status \(status)\n--- stdout\n\(standardOutput)--- stderr\n\(standardError)"
        }
    }

    /// A run that exited with a status other than 0, from ``runChecked(_:_:input:environment:directory:)``.
    public struct Failed: Error, CustomStringConvertible {
        /// What the run produced.
        public let output: Output
        /// The status and standard error.
        public var description: String { "exit \(output.status): \(output.standardError)" }
    }

    /// Runs `executable arguments...` and returns its exit status and output.
    ///
    /// - Parameters:
    ///   - input: standard input; `nil` gives the child `/dev/null`.
    ///   - environment: the child's whole environment; `nil` inherits this process's.
    ///   - directory: the child's working directory; `nil` inherits this process's.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        input: [UInt8]? = nil,
        environment: [String: String]? = nil,
        directory: URL? = nil
    ) async throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        let inputURL = scratch.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inputURL.path, contents: Data(input ?? []))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let standardInput = input == nil ? FileHandle.nullDevice : try FileHandle(forReadingFrom: inputURL)
        let standardOutput = try FileHandle(forWritingTo: outputURL)
        let standardError = try FileHandle(forWritingTo: errorURL)
        defer {
            // The child holds its own copies; these are the parent's, closed once whatever happened.
            if input != nil { try? standardInput.close() }
            try? standardOutput.close()
            try? standardError.close()
        }
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Output(
            status: status,
            standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)
        )
    }

    /// Runs `executable arguments...` and returns its standard output; throws ``Failed`` unless it exits 0.
    public static func runChecked(
        _ executable: String,
        _ arguments: [String],
        input: [UInt8]? = nil,
        environment: [String: String]? = nil,
        directory: URL? = nil
    ) async throws -> String {
        let output = try await run(
            executable,
            arguments,
            input: input,
            environment: environment,
            directory: directory
        )
        guard output.status == 0 else { throw Failed(output: output) }
        return output.standardOutput
    }

    /// Runs `python3 arguments...` (found on `PATH`); see ``run(_:_:input:environment:directory:)``.
    public static func python(_ arguments: [String], input: [UInt8]? = nil) async throws -> Output {
        try await run("/usr/bin/env", ["python3"] + arguments, input: input)
    }
}
