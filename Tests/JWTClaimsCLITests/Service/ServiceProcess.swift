import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A running `jwt-claims serve`: started on loopback with `--port 0`, its address read from the one line it prints,
/// stopped with a signal and its exit status checked.
///
/// `Process` is a reference the tests share between tasks; it is only started once, signalled and waited on, which
/// Foundation allows from any thread, hence `@unchecked Sendable`.
final class ServiceProcess: @unchecked Sendable {
    /// Why a start failed.
    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    let baseURL: String
    /// The process.
    private let process: Process
    /// Standard error (the logs), a file in the test's directory.
    let logPath: String
    /// The exit status, once known.
    private let exited: Task<Int32, Never>

    /// Starts `jwt-claims serve arguments...` in `directory` with `environment` (added to a minimal one), and
    /// waits for its address line (at most 60 seconds on a loaded machine).
    init(
        _ arguments: [String],
        environment: [String: String] = [:],
        in directory: TemporaryDirectory
    ) async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: CLIProcess.binary.path),
            "jwt-claims is not built at \(CLIProcess.binary.path)"
        )
        let process = Process()
        process.executableURL = CLIProcess.binary
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = directory.url
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        base.merge(environment) { $1 }
        process.environment = base
        let output = Pipe()
        logPath = directory.path(".serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { finished in
            continuation.yield(finished.terminationStatus)
            continuation.finish()
        }
        try process.run()
        self.process = process
        exited = Task { await stream.first { _ in true } ?? -1 }
        // A watchdog: no line within a minute means the service is stuck; killing it ends the read with EOF.
        let watchdog = Task { [process] in
            try await Task.sleep(for: .seconds(60))
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        let line = await Self.firstLine(of: output.fileHandleForReading)
        guard let start = line.range(of: "http://") else {
            let logs = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if process.isRunning { process.terminate() }
            throw StartFailure(description: "no address line; stdout \(line.debugDescription), stderr:\n\(logs)")
        }
        baseURL = String(line[start.lowerBound...].prefix { !$0.isWhitespace })
    }

    /// Reads up to the first line feed on a dispatch thread (a blocking read must not hold a task thread).
    private static func firstLine(of handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    bytes.append(contentsOf: chunk)
                    if bytes.contains(UInt8(ascii: "\n")) { break }
                }
                let line = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).first ?? []
                continuation.resume(returning: String(decoding: line, as: UTF8.self))
            }
        }
    }

    /// Sends `signal` (SIGTERM by default).
    func signal(_ signal: Int32 = SIGTERM) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the exit status, killing the process after `limit`.
    func waitForExit(limit: Duration = .seconds(20)) async -> Int32 {
        let process = self.process
        let killer = Task {
            try await Task.sleep(for: limit)
            kill(process.processIdentifier, SIGKILL)
        }
        defer { killer.cancel() }
        return await exited.value
    }

    /// Stops the service with SIGTERM and returns its exit status.
    func stop() async -> Int32 {
        signal()
        return await waitForExit()
    }

    /// The logs written so far.
    var logs: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }
}

/// An answer of the service.
struct ServiceResponse: Sendable, CustomStringConvertible {
    let status: Int
    let headers: HTTPHeaders
    let body: String

    /// The body's JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }

    /// A string member of the body.
    func string(_ name: String) -> String? {
        json[name] as? String
    }

    var description: String { "\(status) \(body)" }
}

extension ServiceProcess {
    /// Sends a request with AsyncHTTPClient (a real socket, no mocks).
    func request(
        _ method: HTTPMethod,
        _ path: String,
        body: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> ServiceResponse {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            if !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
                request.headers.add(name: "Content-Type", value: "application/json")
            }
            request.body = .bytes(ByteBuffer(string: body))
        }
        return try await Self.send(request)
    }

    /// Sends a prepared request and collects the answer (at most 1 MiB).
    static func send(_ request: HTTPClientRequest) async throws -> ServiceResponse {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return ServiceResponse(status: Int(response.status.code), headers: response.headers, body: String(buffer: body))
    }

    /// POSTs JSON with the API-key headers.
    func post(_ path: String, _ body: String, key: ServiceKeys.Key?) async throws -> ServiceResponse {
        try await request(.POST, path, body: body, headers: key?.headers ?? [])
    }
}
