import JWTClaims
import Testing

@testable import jwt_claims

@Suite("JSONLines")
struct JSONLinesTests {
    /// Accepts lines that are a decimal number and doubles them; refuses the rest.
    private static func double(_ bytes: [UInt8]) -> Result<String, JSONLines.Refusal> {
        guard let value = Int(String(decoding: bytes, as: UTF8.self)) else {
            return .failure(JSONLines.Refusal(reason: "not a \"number\": \(String(decoding: bytes, as: UTF8.self))"))
        }
        return .success(#"{"n":\#(value * 2)}"#)
    }

    @Test("writes one line per input line, in order, with an error line for each refused, empty or long line")
    func mixedBatch() throws {
        let chunks: [[UInt8]] = [Array("1\nx\n\n12".utf8), Array("34567\r\n2\r".utf8), Array("\n3".utf8)]
        var remaining = chunks[...]
        var output: [String] = []
        let summary = try JSONLines.run(
            readChunk: { () throws(CLIError) -> [UInt8]? in remaining.popFirst() },
            maximumLineLength: 5,
            write: { output.append($0) },
            process: Self.double
        )
        #expect(
            output == [
                #"{"n":2}"#,
                #"{"error":"not a \"number\": x"}"#,
                #"{"error":"the line is empty"}"#,
                #"{"error":"the line is 7 bytes; the limit is 5"}"#,
                #"{"n":4}"#,
                #"{"n":6}"#,
            ]
        )
        #expect(summary == JSONLines.Summary(lineCount: 6, refusedCount: 3))
        #expect(summary.status == .rejected)
        let error = #expect(throws: CLIError.self) { try summary.check() }
        #expect(error == CLIError(status: .rejected, message: "3 of 6 lines were refused"))
    }

    @Test("a batch with nothing refused succeeds, and an empty input gives no lines")
    func cleanBatch() throws {
        var chunks = [Array("1\n2\n".utf8)][...]
        var output: [String] = []
        let summary = try JSONLines.run(
            readChunk: { () throws(CLIError) -> [UInt8]? in chunks.popFirst() },
            maximumLineLength: 5,
            write: { output.append($0) },
            process: Self.double
        )
        #expect(output == [#"{"n":2}"#, #"{"n":4}"#])
        #expect(summary.status == .success)
        try summary.check()

        let empty = try JSONLines.run(
            readChunk: { () throws(CLIError) -> [UInt8]? in nil },
            maximumLineLength: 5,
            write: { output.append($0) },
            process: Self.double
        )
        #expect(empty == JSONLines.Summary(lineCount: 0, refusedCount: 0))
    }

    @Test("a read failure stops the batch with status 2")
    func readFailure() {
        let error = #expect(throws: CLIError.self) {
            _ = try JSONLines.run(
                readChunk: { () throws(CLIError) -> [UInt8]? in throw .badInput("cannot read 'x'") },
                maximumLineLength: 5,
                write: { _ in },
                process: Self.double
            )
        }
        #expect(error?.status == .badInput)
    }

    @Test("error lines are valid JSON whatever the reason holds")
    func errorLineEscaping() throws {
        let reason = "quote \" backslash \\ newline \n tab \t nul \u{0} é"
        let line = JSONLines.errorLine(reason)
        #expect(!line.contains("\n"))
        #expect(try JSONValue(parsing: line) == JSONValue.object(["error": .string(reason)]))
    }
}
