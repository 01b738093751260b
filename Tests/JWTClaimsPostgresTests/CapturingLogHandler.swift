import Logging
import Synchronization

/// A log handler that keeps every line, message and metadata, at every level: to check what the store logs, and
/// that no line carries a password.
struct CapturingLogHandler: LogHandler {
    /// The lines, shared by every copy of the handler (a logger copies its handler).
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])

        func append(_ line: String) { lines.withLock { $0.append(line) } }

        var all: [String] { lines.withLock { $0 } }
    }

    let lines: Lines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.append("\(event.level) [\(event.source)] \(event.message) \(rendered)")
    }

    /// A logger at trace level whose lines end up in `lines`.
    static func logger(into lines: Lines) -> Logger {
        Logger(label: "jwt-claims.postgres.test") { _ in CapturingLogHandler(lines: lines) }
    }
}
