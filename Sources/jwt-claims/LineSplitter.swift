/// Splits a byte stream into `--jsonl` input lines, chunk by chunk, with the contract's rules.
///
/// - Lines end at `\n` only; one `\r` before it is dropped. Nothing else is trimmed, and U+2028, U+0085 and other
///   Unicode line breaks are ordinary bytes.
/// - Every line counts, an empty one included; the text after the last `\n` is a line if it is not empty, so
///   `a\nb` and `a\nb\n` are both two lines, and `\n` is one empty line.
/// - A line longer than ``maximumLength`` is not kept: it is reported as ``Line/overlong(byteCount:)`` and its
///   bytes are skipped, so memory stays bounded whatever the input.
struct LineSplitter: Sendable {
    /// One input line.
    enum Line: Hashable, Sendable {
        /// The line's bytes, without the `\n` and without one trailing `\r`.
        case text([UInt8])
        /// A line over the length limit, and its length in bytes (without `\n` or a trailing `\r`).
        case overlong(byteCount: Int)
    }

    /// The longest line kept, in bytes.
    let maximumLength: Int
    private var pending: [UInt8] = []
    private var pendingCount = 0
    private var lastByte: UInt8?

    /// A splitter that keeps lines of at most `maximumLength` bytes.
    init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    /// Feeds the next chunk of input and hands every line it completes to `emit`, in order.
    mutating func feed<E: Error>(_ chunk: some BidirectionalCollection<UInt8>, emit: (Line) throws(E) -> Void) throws(E)
    {
        var rest = chunk[...]
        while let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
            append(rest[..<newline])
            try emit(takeLine())
            rest = rest[rest.index(after: newline)...]
        }
        append(rest)
    }

    /// Ends the input: hands the last line to `emit` if it did not end with `\n` and is not empty.
    mutating func finish<E: Error>(emit: (Line) throws(E) -> Void) throws(E) {
        if pendingCount > 0 { try emit(takeLine()) }
    }

    /// Splits a whole input at once.
    static func lines(in bytes: some BidirectionalCollection<UInt8>, maximumLength: Int) -> [Line] {
        var splitter = LineSplitter(maximumLength: maximumLength)
        var lines: [Line] = []
        splitter.feed(bytes) { lines.append($0) }
        splitter.finish { lines.append($0) }
        return lines
    }

    /// Keeps at most one byte beyond the limit, so that a line of exactly `maximumLength` bytes followed by `\r`
    /// still fits once the `\r` is dropped.
    private mutating func append(_ bytes: some BidirectionalCollection<UInt8>) {
        guard let last = bytes.last else { return }
        pendingCount += bytes.count
        lastByte = last
        let room = maximumLength + 1 - pending.count
        if room > 0 { pending.append(contentsOf: bytes.prefix(room)) }
    }

    private mutating func takeLine() -> Line {
        var count = pendingCount
        if lastByte == UInt8(ascii: "\r") {
            count -= 1
            if pending.count > count { pending.removeLast() }
        }
        let line: Line = count <= maximumLength ? .text(pending) : .overlong(byteCount: count)
        pending.removeAll(keepingCapacity: true)
        pendingCount = 0
        lastByte = nil
        return line
    }
}
