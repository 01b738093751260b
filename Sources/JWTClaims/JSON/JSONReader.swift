/// The strict RFC 8259 parser behind ``JSONValue/init(parsing:options:)-(Collection<UInt8>,_)``.
///
/// It reads one contiguous buffer with an index and keeps open containers on an explicit, depth-bounded stack
/// instead of recursing, so time is linear in the input and stack use does not grow with nesting. Inside strings,
/// eight bytes are checked at a time. Strings without escapes are created straight from the buffer (Swift keeps
/// strings of up to 15 UTF-8 bytes inline, without allocating); escaped strings are unescaped into one reused
/// scratch buffer. Each container is collected straight into its own array, reserved up front (16 members,
/// 8 elements) so that the containers of a typical token need no regrowth.
///
/// Every rejection is a `JWTError` whose reason names the problem and whose offset is the byte where it was found.
///
/// `@safe`: the borrowed buffer never outlives its lender. Only the static entry points create a reader, inside the
/// closure that lends the buffer, and no reader escapes them; every read checks bounds (see `byte(at:)`).
@safe
struct JSONReader {
    /// The input, borrowed for the reader's life.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private let options: JSONParsingOptions
    private let depthLimit: Int
    private var offset = 0
    /// Unescaped bytes of the string being read, reused across strings.
    private var scratch: [UInt8] = []
    /// A cheap summary of the last string read (its UTF-8 length, first and last byte), for duplicate checks.
    private var lastStringFingerprint: UInt64 = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, options: JSONParsingOptions) {
        unsafe self.bytes = bytes
        count = bytes.count
        self.options = options
        depthLimit = min(options.maximumDepth, JSONParsingOptions.maximumSupportedDepth)
    }

    /// Parses a whole collection of bytes, borrowing its storage when it is contiguous and copying it otherwise.
    static func parse(
        _ bytes: some Collection<UInt8>,
        options: JSONParsingOptions,
        expectingObject: Bool
    ) throws(JWTError) -> JSONValue {
        let borrowed = bytes.withContiguousStorageIfAvailable { buffer in
            // The buffer is valid for this closure, and the parser copies out everything it keeps.
            Result { () throws(JWTError) in
                try unsafe parse(UnsafeRawBufferPointer(buffer), options: options, expectingObject: expectingObject)
            }
        }
        if let borrowed {
            return try borrowed.get()
        }
        let count = bytes.count
        guard count <= options.maximumInputSize else {
            throw inputTooLarge(byteCount: count, options: options)
        }
        return try unsafe Array(bytes).withUnsafeBytes { buffer in
            // As above: valid for the closure, nothing kept.
            Result { () throws(JWTError) in
                try unsafe parse(buffer, options: options, expectingObject: expectingObject)
            }
        }.get()
    }

    /// Parses one JSON value from raw bytes; the entry point for callers that hold a buffer already.
    ///
    /// - Parameter expectingObject: Reject well-formed JSON that is not an object, with `.typeMismatch`.
    static func parse(
        _ buffer: UnsafeRawBufferPointer,
        options: JSONParsingOptions,
        expectingObject: Bool = false
    ) throws(JWTError) -> JSONValue {
        guard buffer.count <= options.maximumInputSize else {
            throw inputTooLarge(byteCount: buffer.count, options: options)
        }
        return try unsafe buffer.withMemoryRebound(to: UInt8.self) { bytes in
            // The rebound buffer lives for this closure, and so does the reader that reads it.
            var reader = unsafe JSONReader(bytes: bytes, options: options)
            return Result { () throws(JWTError) in try reader.parseDocument(expectingObject: expectingObject) }
        }.get()
    }

    /// Whether `text` is exactly one RFC 8259 number, with nothing around it.
    static func isNumberLiteral(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        // A number starts with '-' or a digit and ends with a digit; this also excludes surrounding whitespace.
        guard first == UInt8(ascii: "-") || isDigit(first), isDigit(last) else { return false }
        var options = JSONParsingOptions()
        options.maximumInputSize = .max
        options.maximumNumberLength = .max
        guard case .number = try? parse(utf8, options: options, expectingObject: false) else { return false }
        return true
    }

    /// The error for input larger than `maximumInputSize`; its offset is the first byte past the limit.
    static func inputTooLarge(byteCount: Int, options: JSONParsingOptions) -> JWTError {
        .jsonLimitExceeded(
            "input of \(byteCount) bytes is larger than the limit of \(options.maximumInputSize) bytes",
            at: max(options.maximumInputSize, 0)
        )
    }

    // MARK: - Structure

    private mutating func parseDocument(expectingObject: Bool) throws(JWTError) -> JSONValue {
        if byte(at: 0) == 0xEF, byte(at: 1) == 0xBB, byte(at: 2) == 0xBF {
            throw .invalidJSON("a byte order mark (EF BB BF) is not allowed before JSON text", at: 0)
        }
        skipWhitespace()
        let valueStart = offset
        let value = try parseValue()
        skipWhitespace()
        if let trailing = byte(at: offset) {
            throw .invalidJSON("unexpected \(Self.describe(trailing)) after the JSON value", at: offset)
        }
        if expectingObject, case .object = value {
        } else if expectingObject {
            throw .jsonTypeMismatch(expected: "a JSON object", found: value.kindDescription, at: valueStart)
        }
        return value
    }

    /// One array or object being read.
    private struct Frame {
        let isObject: Bool
        var elements: [JSONValue] = []
        var members: [JSONObject.Element] = []
        /// The name whose value is being read, in an object.
        var pendingName = ""
        var nameFilter: UInt64 = 0
        var positionsByName: [CodeUnitString: Int]?

        /// A frame for a new container, with room for the items of a typical token's containers.
        init(openingObject isObject: Bool) {
            self.isObject = isObject
            if isObject {
                members.reserveCapacity(JSONObject.indexThreshold)
            } else {
                elements.reserveCapacity(8)
            }
        }

        /// A placeholder for "no container open", which allocates nothing.
        init() {
            isObject = false
        }
    }

    /// Reads one value, nested containers included, with an explicit stack instead of recursion: stack use does not
    /// grow with nesting, and the depth limit bounds the heap-allocated frames.
    private mutating func parseValue() throws(JWTError) -> JSONValue {
        // The innermost open container and its parent live in locals, any further ones on `enclosing`: a token's
        // claims (an object holding arrays) never allocate a stack.
        var current = Frame()
        var parent = Frame()
        var enclosing: [Frame] = []
        var depth = 0
        while true {
            // Read the next value; a non-empty container opens a frame and goes on to its first item.
            var value: JSONValue
            guard let first = byte(at: offset) else { throw unexpected(.value) }
            switch first {
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < depthLimit else { throw tooDeep() }
                let isObject = first == UInt8(ascii: "{")
                offset += 1
                skipWhitespace()
                if byte(at: offset) == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    offset += 1
                    value = isObject ? .object(JSONObject()) : .array([])
                    break
                }
                if depth >= 2 {
                    enclosing.append(parent)
                }
                swap(&parent, &current)
                current = Frame(openingObject: isObject)
                depth += 1
                if isObject {
                    try readMemberName(into: &current)
                } else {
                    try checkRoom(after: 0, inObject: false)
                }
                continue
            case UInt8(ascii: "t"):
                try parseLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try parseLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try parseLiteral("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            default:
                throw unexpected(.value)
            }

            // Hand the value to the innermost open container, closing every container that ends here.
            while depth > 0 {
                skipWhitespace()
                if current.isObject {
                    current.members.append((name: current.pendingName, value: value))
                    if byte(at: offset) == UInt8(ascii: ",") {
                        offset += 1
                        skipWhitespace()
                        try readMemberName(into: &current)
                        break
                    }
                    guard byte(at: offset) == UInt8(ascii: "}") else { throw unexpected(.memberSeparator) }
                    value = .object(
                        JSONObject(uniqueMembers: current.members, positionsByName: current.positionsByName)
                    )
                } else {
                    current.elements.append(value)
                    if byte(at: offset) == UInt8(ascii: ",") {
                        offset += 1
                        skipWhitespace()
                        try checkRoom(after: current.elements.count, inObject: false)
                        break
                    }
                    guard byte(at: offset) == UInt8(ascii: "]") else { throw unexpected(.arraySeparator) }
                    value = .array(current.elements)
                }
                offset += 1
                depth -= 1
                if depth > 0 {
                    swap(&current, &parent)
                    parent = enclosing.popLast() ?? Frame()
                }
            }
            if depth == 0 {
                return value
            }
        }
    }

    /// Reads `"name" :` at `offset` into `frame`, rejecting a duplicate name.
    private mutating func readMemberName(into frame: inout Frame) throws(JWTError) {
        guard byte(at: offset) == UInt8(ascii: "\"") else { throw unexpected(.memberName) }
        try checkRoom(after: frame.members.count, inObject: true)
        let nameOffset = offset
        let name = try parseString()
        try Self.checkUnique(
            name,
            fingerprint: lastStringFingerprint,
            at: nameOffset,
            among: frame.members,
            filter: &frame.nameFilter,
            index: &frame.positionsByName
        )
        skipWhitespace()
        guard byte(at: offset) == UInt8(ascii: ":") else { throw unexpected(.nameSeparator) }
        offset += 1
        skipWhitespace()
        frame.pendingName = name
    }

    /// Rejects one more item in a container that already holds `maximumContainerCount`.
    @inline(__always)
    private func checkRoom(after count: Int, inObject isObject: Bool) throws(JWTError) {
        guard count < options.maximumContainerCount else {
            throw tooManyItems(in: isObject ? .object : .array)
        }
    }

    /// What the parser expected where it found something else.
    private enum Expectation {
        case value
        case arraySeparator
        case memberName
        case nameSeparator
        case memberSeparator

        var description: String {
            switch self {
            case .value: "a JSON value"
            case .arraySeparator: "',' or ']' after an array element"
            case .memberName: "'\"' to begin a member name"
            case .nameSeparator: "':' after member name"
            case .memberSeparator: "',' or '}' after an object member"
            }
        }
    }

    /// The error for the byte at `offset` (or the end of input) where `expectation` was not met.
    @inline(never)
    private func unexpected(_ expectation: Expectation) -> JWTError {
        guard let found = byte(at: offset) else {
            return .invalidJSON("unexpected end of input, expected \(expectation.description)", at: offset)
        }
        return .invalidJSON("expected \(expectation.description), found \(Self.describe(found))", at: offset)
    }

    @inline(never)
    private func tooDeep() -> JWTError {
        .jsonLimitExceeded("arrays and objects nested deeper than \(depthLimit) levels", at: offset)
    }

    private enum Container {
        case array
        case object
    }

    @inline(never)
    private func tooManyItems(in container: Container) -> JWTError {
        let limit = options.maximumContainerCount
        return .jsonLimitExceeded(
            container == .array ? "array with more than \(limit) elements" : "object with more than \(limit) members",
            at: offset
        )
    }

    /// Rejects a member name already used in the object being read. Up to `JSONObject.indexThreshold` members, a
    /// 64-bit filter of (length, first byte, last byte) rules out most names at once and the rest are scanned;
    /// beyond, a hash index is built once and handed on to the object, so the whole check stays linear.
    private static func checkUnique(
        _ name: String,
        fingerprint: UInt64,
        at nameOffset: Int,
        among members: [JSONObject.Element],
        filter: inout UInt64,
        index: inout [CodeUnitString: Int]?
    ) throws(JWTError) {
        if members.count < JSONObject.indexThreshold {
            let bit: UInt64 = 1 << (fingerprint & 63)
            defer { filter |= bit }
            guard filter & bit != 0 else { return }
            for member in members where CodeUnitString.equal(member.name, name) {
                throw .duplicateMember(name, at: nameOffset)
            }
            return
        }
        if index == nil {
            var built: [CodeUnitString: Int] = [:]
            built.reserveCapacity(members.count * 2)
            for (position, member) in members.enumerated() {
                built[CodeUnitString(member.name)] = position
            }
            index = built
        }
        if index?.updateValue(members.count, forKey: CodeUnitString(name)) != nil {
            throw .duplicateMember(name, at: nameOffset)
        }
    }

    private mutating func parseLiteral(_ literal: String) throws(JWTError) {
        for expected in literal.utf8 {
            guard let actual = byte(at: offset) else {
                throw .invalidJSON("unexpected end of input in literal '\(literal)'", at: offset)
            }
            guard actual == expected else {
                throw .invalidJSON("invalid literal: expected '\(literal)', found \(Self.describe(actual))", at: offset)
            }
            offset += 1
        }
    }

    // MARK: - Numbers

    /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` and keeps its exact text.
    private mutating func parseNumber() throws(JWTError) -> JSONNumber {
        let start = offset
        var position = offset
        if byte(at: position) == UInt8(ascii: "-") {
            position += 1
        }
        guard let firstDigit = byte(at: position), Self.isDigit(firstDigit) else {
            throw missingDigit("after '-'", at: position)
        }
        position += 1
        if firstDigit == UInt8(ascii: "0"), let next = byte(at: position), Self.isDigit(next) {
            throw .invalidJSON("leading zeros are not allowed in numbers", at: position - 1)
        }
        position = skipDigits(from: position)
        if byte(at: position) == UInt8(ascii: ".") {
            position += 1
            guard let digit = byte(at: position), Self.isDigit(digit) else {
                throw missingDigit("after the decimal point", at: position)
            }
            position = skipDigits(from: position)
        }
        if let marker = byte(at: position), marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            position += 1
            if let sign = byte(at: position), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                position += 1
            }
            guard let digit = byte(at: position), Self.isDigit(digit) else {
                throw missingDigit("in the exponent", at: position)
            }
            position = skipDigits(from: position)
        }
        let length = position - start
        guard length <= options.maximumNumberLength else {
            throw .jsonLimitExceeded(
                "number of \(length) bytes is longer than the limit of \(options.maximumNumberLength) bytes",
                at: start
            )
        }
        offset = position
        return JSONNumber(uncheckedText: text(from: start, to: position))
    }

    private func skipDigits(from start: Int) -> Int {
        var position = start
        while let byte = byte(at: position), Self.isDigit(byte) {
            position += 1
        }
        return position
    }

    private func missingDigit(_ place: String, at position: Int) -> JWTError {
        guard let byte = byte(at: position) else {
            return .invalidJSON("unexpected end of input, expected a digit \(place)", at: position)
        }
        return .invalidJSON("expected a digit \(place), found \(Self.describe(byte))", at: position)
    }

    // MARK: - Strings

    /// Reads a string whose opening quote is at `offset`; the fast path, for strings without escapes.
    private mutating func parseString() throws(JWTError) -> String {
        let open = offset
        let start = open + 1
        var position = start
        while true {
            position = skipPlainWords(from: position)
            guard let byte = byte(at: position) else { break }
            switch byte {
            case UInt8(ascii: "\""):
                try checkStringLength(position - start, open: open)
                offset = position + 1
                lastStringFingerprint = Self.fingerprint(
                    length: position - start,
                    first: self.byte(at: start),
                    last: self.byte(at: position - 1)
                )
                return text(from: start, to: position)
            case UInt8(ascii: "\\"):
                return try parseEscapedString(open: open, firstEscape: position)
            case 0..<0x20:
                throw unescapedControlCharacter(byte, at: position)
            case 0x80...:
                position = try endOfUTF8Sequence(at: position)
            default:
                position += 1
            }
        }
        throw unterminatedString(open: open, at: position)
    }

    /// The slow path: copies the string into `scratch`, unescaping as it goes.
    private mutating func parseEscapedString(open: Int, firstEscape: Int) throws(JWTError) -> String {
        scratch.removeAll(keepingCapacity: true)
        for position in (open + 1)..<firstEscape {
            scratch.append(byte(at: position) ?? 0)
        }
        var position = firstEscape
        while let byte = byte(at: position) {
            switch byte {
            case UInt8(ascii: "\""):
                try checkStringLength(scratch.count, open: open)
                offset = position + 1
                lastStringFingerprint = Self.fingerprint(
                    length: scratch.count,
                    first: scratch.first,
                    last: scratch.last
                )
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position = try unescape(at: position)
            case 0..<0x20:
                throw unescapedControlCharacter(byte, at: position)
            case 0x80...:
                let end = try endOfUTF8Sequence(at: position)
                while position < end {
                    scratch.append(self.byte(at: position) ?? 0)
                    position += 1
                }
            default:
                scratch.append(byte)
                position += 1
            }
            // Checked as the string grows, so that unescaping can never use more memory than the limit.
            try checkStringLength(scratch.count, open: open)
        }
        throw unterminatedString(open: open, at: position)
    }

    /// Mixes a string's UTF-8 length, first and last byte; equal strings always have equal fingerprints.
    @inline(__always)
    private static func fingerprint(length: Int, first: UInt8?, last: UInt8?) -> UInt64 {
        let mixed = UInt64(truncatingIfNeeded: length) &* 961 &+ UInt64(first ?? 0) &* 31 &+ UInt64(last ?? 0)
        return mixed ^ (mixed >> 6)
    }

    /// Appends the character that the escape sequence at `start` (a backslash) stands for; returns where the
    /// string continues.
    private mutating func unescape(at start: Int) throws(JWTError) -> Int {
        guard let kind = byte(at: start + 1) else {
            throw .invalidJSON("unexpected end of input in an escape sequence", at: start + 1)
        }
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            scratch.append(kind)
        case UInt8(ascii: "b"):
            scratch.append(0x08)
        case UInt8(ascii: "f"):
            scratch.append(0x0C)
        case UInt8(ascii: "n"):
            scratch.append(0x0A)
        case UInt8(ascii: "r"):
            scratch.append(0x0D)
        case UInt8(ascii: "t"):
            scratch.append(0x09)
        case UInt8(ascii: "u"):
            return try unescapeUnicode(at: start)
        default:
            throw .invalidJSON("invalid escape sequence '\\\(Self.character(kind))'", at: start)
        }
        return start + 2
    }

    /// Handles `\uXXXX`, and the `\uXXXX\uXXXX` surrogate pair that a character beyond U+FFFF needs.
    private mutating func unescapeUnicode(at start: Int) throws(JWTError) -> Int {
        let unit = try hexQuad(at: start + 2)
        var scalar = unit
        var end = start + 6
        switch unit {
        case 0xD800...0xDBFF:
            guard byte(at: end) == UInt8(ascii: "\\"), byte(at: end + 1) == UInt8(ascii: "u") else {
                throw .invalidJSON(
                    "unpaired high surrogate \(Self.escaped(unit)): it must be followed by a low surrogate escape",
                    at: start
                )
            }
            let low = try hexQuad(at: end + 2)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw .invalidJSON(
                    "high surrogate \(Self.escaped(unit)) is followed by \(Self.escaped(low)), not a low surrogate",
                    at: start
                )
            }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            end += 6
        case 0xDC00...0xDFFF:
            throw .invalidJSON("unpaired low surrogate \(Self.escaped(unit))", at: start)
        default:
            break
        }
        appendUTF8(of: scalar)
        return end
    }

    /// Reads the four hexadecimal digits of a `\u` escape.
    private func hexQuad(at start: Int) throws(JWTError) -> UInt32 {
        var value: UInt32 = 0
        for position in start..<(start + 4) {
            guard let byte = byte(at: position) else {
                throw .invalidJSON("unexpected end of input in a \\u escape", at: position)
            }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw .invalidJSON(
                    "expected a hexadecimal digit in a \\u escape, found \(Self.describe(byte))",
                    at: position
                )
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(of scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(0xC0 | UInt8(scalar >> 6))
            scratch.append(0x80 | UInt8(scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(0xE0 | UInt8(scalar >> 12))
            scratch.append(0x80 | UInt8(scalar >> 6 & 0x3F))
            scratch.append(0x80 | UInt8(scalar & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(scalar >> 18))
            scratch.append(0x80 | UInt8(scalar >> 12 & 0x3F))
            scratch.append(0x80 | UInt8(scalar >> 6 & 0x3F))
            scratch.append(0x80 | UInt8(scalar & 0x3F))
        }
    }

    /// Validates the UTF-8 sequence whose lead byte (>= 0x80) is at `start`, per Unicode's table of well-formed
    /// sequences: no overlong forms, no encoded surrogates, nothing above U+10FFFF, no truncation.
    private func endOfUTF8Sequence(at start: Int) throws(JWTError) -> Int {
        let lead = byte(at: start) ?? 0
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        let length: Int
        switch lead {
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF:
            length = 3
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF1...0xF3:
            length = 4
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        case 0x80...0xBF:
            throw invalidUTF8("continuation byte \(Self.hex(lead)) without a lead byte", at: start)
        case 0xC0, 0xC1:
            throw invalidUTF8("overlong encoding (lead byte \(Self.hex(lead)))", at: start)
        default:
            throw invalidUTF8("byte \(Self.hex(lead)) never occurs in UTF-8", at: start)
        }
        guard let second = byte(at: start + 1) else {
            throw invalidUTF8("sequence truncated by the end of input", at: start)
        }
        guard secondRange.contains(second) else {
            let pair = "\(Self.hex(lead)) \(Self.hex(second))"
            guard (0x80...0xBF).contains(second) else {
                throw invalidUTF8("truncated sequence (\(pair) is not a lead byte and a continuation byte)", at: start)
            }
            switch lead {
            case 0xED: throw invalidUTF8("\(pair) encodes a UTF-16 surrogate", at: start)
            case 0xF4: throw invalidUTF8("\(pair) encodes a code point above U+10FFFF", at: start)
            default: throw invalidUTF8("overlong encoding (\(pair))", at: start)
            }
        }
        for position in (start + 2)..<(start + length) {
            guard let continuation = byte(at: position) else {
                throw invalidUTF8("sequence truncated by the end of input", at: start)
            }
            guard (0x80...0xBF).contains(continuation) else {
                throw invalidUTF8(
                    "truncated sequence (\(Self.hex(continuation)) at offset \(position) is not a continuation byte)",
                    at: start
                )
            }
        }
        return start + length
    }

    @inline(__always)
    private func checkStringLength(_ length: Int, open: Int) throws(JWTError) {
        guard length <= options.maximumStringLength else {
            throw stringTooLong(open: open)
        }
    }

    private func stringTooLong(open: Int) -> JWTError {
        .jsonLimitExceeded("string longer than the limit of \(options.maximumStringLength) bytes", at: open)
    }

    private func invalidUTF8(_ problem: String, at position: Int) -> JWTError {
        .invalidJSON("invalid UTF-8: \(problem)", at: position)
    }

    private func unescapedControlCharacter(_ byte: UInt8, at position: Int) -> JWTError {
        .invalidJSON("control character \(Self.hex(byte)) in a string must be escaped", at: position)
    }

    private func unterminatedString(open: Int, at position: Int) -> JWTError {
        .invalidJSON("unexpected end of input in the string that begins at offset \(open)", at: position)
    }

    // MARK: - Bytes

    /// The byte at `position`, or `nil` past the end: the reader's only read of the input.
    @inline(__always)
    private func byte(at position: Int) -> UInt8? {
        guard position < count else { return nil }
        // In bounds: positions start at 0 and only grow, and the guard checks the upper bound.
        return unsafe bytes[position]
    }

    /// Skips, eight bytes at a time, the bytes that need no attention inside a string: anything but `"`, `\`, a
    /// control character or a non-ASCII byte. Returns the position of the first such byte, or of the last few
    /// bytes of the input (fewer than eight), which the caller then reads one by one.
    @inline(__always)
    private func skipPlainWords(from start: Int) -> Int {
        var position = start
        while position <= count - 8 {
            let word = loadWord(at: position)
            let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
            // Per-byte tests without carries between bytes: adding to a 7-bit value never overflows the byte, so
            // a byte's high bit says only whether *that* byte is 0x22, 0x5C, below 0x20 or at least 0x80.
            let quote = ~((low7 ^ 0x2222_2222_2222_2222) &+ 0x7F7F_7F7F_7F7F_7F7F)
            let backslash = ~((low7 ^ 0x5C5C_5C5C_5C5C_5C5C) &+ 0x7F7F_7F7F_7F7F_7F7F)
            let control = ~(low7 &+ 0x6060_6060_6060_6060)
            let flags = (quote | backslash | control | word) & 0x8080_8080_8080_8080
            if flags != 0 {
                return position + flags.trailingZeroBitCount >> 3
            }
            position += 8
        }
        return position
    }

    /// The eight bytes at `position`, the first in the lowest bits.
    @inline(__always)
    private func loadWord(at position: Int) -> UInt64 {
        // In bounds: the only caller checks `position <= count - 8`, and positions are never negative.
        UInt64(
            littleEndian: unsafe UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: position, as: UInt64.self)
        )
    }

    /// The text of `start..<end`, which the reader has already validated as UTF-8.
    private func text(from start: Int, to end: Int) -> String {
        // A sub-range of the input, which the callers have scanned byte by byte through `byte(at:)`.
        unsafe String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private mutating func skipWhitespace() {
        while let byte = byte(at: offset),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            offset += 1
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// `'x'` for a printable ASCII byte, `byte 0xNN` for anything else.
    static func describe(_ byte: UInt8) -> String {
        (0x20...0x7E).contains(byte) ? "'\(character(byte))'" : "byte \(hex(byte))"
    }

    private static func character(_ byte: UInt8) -> Character {
        Character(Unicode.Scalar(byte))
    }

    /// `0x0A`: two upper-case hexadecimal digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0x0\(digits)" : "0x\(digits)"
    }

    /// `\uD83D`, as a surrogate escape is written.
    private static func escaped(_ unit: UInt32) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
