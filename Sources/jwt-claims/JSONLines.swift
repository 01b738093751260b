import Foundation
import JWTClaims

/// The `--jsonl` batch mode: one input item per line, one compact JSON output line per input line, in order.
///
/// An item that is refused, an empty line and an over-long line each give `{"error":"..."}`; the batch goes on,
/// and its exit status is 1 if any item was refused. Failures that are not about an item (the input cannot be
/// read) stop the batch with status 2.
enum JSONLines {
    /// Why one item was refused; becomes its `{"error":"..."}` line.
    struct Refusal: Error, Sendable, Equatable {
        /// The reason, as the library or the command words it.
        let reason: String
    }

    /// How a batch went.
    struct Summary: Sendable, Equatable {
        /// The input lines, each of which got one output line.
        var lineCount = 0
        /// The lines whose item was refused.
        var refusedCount = 0

        /// ``ExitStatus/rejected`` if any item was refused, else ``ExitStatus/success``.
        var status: ExitStatus { refusedCount == 0 ? .success : .rejected }

        /// Throws the batch's failure, if any: status 1 with a count such as `2 of 5 lines were refused`.
        func check() throws(CLIError) {
            guard refusedCount > 0 else { return }
            throw CLIError(
                status: .rejected,
                message: "\(refusedCount) of \(lineCount) line\(lineCount == 1 ? " was" : "s were") refused"
            )
        }
    }

    /// The output line for a refused item: `{"error":"<reason>"}`.
    static func errorLine(_ reason: String) -> String {
        JSONObject(dictionaryLiteral: ("error", .string(reason))).serialized()
    }

    /// The output line for one input line, and whether the item was refused.
    static func outputLine(
        for line: LineSplitter.Line,
        maximumLength: Int,
        process: ([UInt8]) -> Result<String, Refusal>
    ) -> (text: String, refused: Bool) {
        switch line {
        case .overlong(let byteCount):
            return (errorLine("the line is \(byteCount) bytes; the limit is \(maximumLength)"), true)
        case .text(let bytes) where bytes.isEmpty:
            return (errorLine("the line is empty"), true)
        case .text(let bytes):
            switch process(bytes) {
            case .success(let output): return (output, false)
            case .failure(let refusal): return (errorLine(refusal.reason), true)
            }
        }
    }

    /// Runs a batch: reads chunks until `readChunk` returns nil, splits them into lines, and writes one output line
    /// per input line.
    ///
    /// - Returns: How many lines there were and how many were refused.
    /// - Throws: ``CLIError`` when the input cannot be read.
    static func run(
        readChunk: () throws(CLIError) -> [UInt8]?,
        maximumLineLength: Int,
        write: (String) -> Void,
        process: ([UInt8]) -> Result<String, Refusal>
    ) throws(CLIError) -> Summary {
        var splitter = LineSplitter(maximumLength: maximumLineLength)
        var summary = Summary()
        let handle = { (line: LineSplitter.Line) in
            let output = outputLine(for: line, maximumLength: maximumLineLength, process: process)
            summary.lineCount += 1
            if output.refused { summary.refusedCount += 1 }
            write(output.text)
        }
        while let chunk = try readChunk() {
            splitter.feed(chunk, emit: handle)
        }
        splitter.finish(emit: handle)
        return summary
    }

    /// Runs a batch over `input`, writing to standard output in blocks.
    static func run(
        input: InputSource,
        maximumLineLength: Int,
        process: ([UInt8]) -> Result<String, Refusal>
    ) throws(CLIError) -> Summary {
        let handle = try input.open()
        var output = OutputBuffer()
        defer { output.flush() }
        return try run(
            readChunk: { () throws(CLIError) -> [UInt8]? in
                do {
                    guard let data = try handle.read(upToCount: 64 * 1024), !data.isEmpty else { return nil }
                    return [UInt8](data)
                } catch {
                    throw .badInput("cannot read \(input.label): \(InputSource.describe(error))")
                }
            },
            maximumLineLength: maximumLineLength,
            write: { output.appendLine($0) },
            process: process
        )
    }
}
