import Testing

@testable import jwt_claims

@Suite("LineSplitter")
struct LineSplitterTests {
    /// An input and the lines it must split into.
    struct Vector: CustomTestStringConvertible, Sendable {
        let input: String
        let lines: [String]
        var testDescription: String { input.debugDescription }
    }

    static let vectors = [
        Vector(input: "", lines: []),
        Vector(input: "\n", lines: [""]),
        Vector(input: "a", lines: ["a"]),
        Vector(input: "a\n", lines: ["a"]),
        Vector(input: "a\nb", lines: ["a", "b"]),
        Vector(input: "a\nb\n", lines: ["a", "b"]),
        Vector(input: "a\n\n\nb", lines: ["a", "", "", "b"]),
        Vector(input: "a\r\nb\r\n", lines: ["a", "b"]),
        Vector(input: "\r\n\r\n", lines: ["", ""]),
        Vector(input: "a\r\r\n", lines: ["a\r"]),
        Vector(input: "a\rb\n", lines: ["a\rb"]),
        Vector(input: " a\t \n", lines: [" a\t "]),
        Vector(
            input: "a\u{2028}b\u{85}c\u{2029}d\u{0B}e\u{0C}f\n",
            lines: ["a\u{2028}b\u{85}c\u{2029}d\u{0B}e\u{0C}f"]
        ),
        Vector(input: "last\r", lines: ["last"]),
    ]

    @Test("splits on \\n only, drops one \\r before it, and keeps every line, empty ones included", arguments: vectors)
    func splits(_ vector: Vector) {
        let lines = LineSplitter.lines(in: Array(vector.input.utf8), maximumLength: 100)
        #expect(lines == vector.lines.map { .text(Array($0.utf8)) })
    }

    @Test("gives the same lines however the input is cut into chunks", arguments: vectors)
    func chunkBoundaries(_ vector: Vector) {
        let bytes = Array(vector.input.utf8)
        let whole = LineSplitter.lines(in: bytes, maximumLength: 100)
        for cut in 0...bytes.count {
            var splitter = LineSplitter(maximumLength: 100)
            var lines: [LineSplitter.Line] = []
            splitter.feed(bytes[..<cut]) { lines.append($0) }
            splitter.feed(bytes[cut...]) { lines.append($0) }
            splitter.finish { lines.append($0) }
            #expect(lines == whole, "cut at \(cut)")
        }
        var splitter = LineSplitter(maximumLength: 100)
        var bytewise: [LineSplitter.Line] = []
        for byte in bytes { splitter.feed([byte]) { bytewise.append($0) } }
        splitter.finish { bytewise.append($0) }
        #expect(bytewise == whole)
    }

    @Test("reports a line over the limit by its length, without keeping it, and goes on")
    func overlong() {
        let input = "abc\nabcd\nabc\r\nabcd\r\nabcdefghij\r\nok\nabcdefgh"
        var splitter = LineSplitter(maximumLength: 3)
        var lines: [LineSplitter.Line] = []
        for byte in input.utf8 { splitter.feed([byte]) { lines.append($0) } }
        splitter.finish { lines.append($0) }
        #expect(
            lines == [
                .text(Array("abc".utf8)), .overlong(byteCount: 4), .text(Array("abc".utf8)), .overlong(byteCount: 4),
                .overlong(byteCount: 10), .text(Array("ok".utf8)), .overlong(byteCount: 8),
            ]
        )
        #expect(LineSplitter.lines(in: Array(input.utf8), maximumLength: 3) == lines)
    }
}
