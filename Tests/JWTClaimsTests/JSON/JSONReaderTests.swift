import Testing

@testable import JWTClaims

@Suite("JSONReader")
struct JSONReaderTests {
    /// A malformed input with the error it must raise.
    struct Malformed: CustomTestStringConvertible, Sendable {
        let label: String
        let bytes: [UInt8]
        let code: JWTError.Code
        let offset: Int
        let reasonMentions: String

        init(_ label: String, _ text: String, _ code: JWTError.Code, at offset: Int, mentioning reason: String) {
            self.init(label, bytes: Array(text.utf8), code, at: offset, mentioning: reason)
        }

        init(_ label: String, bytes: [UInt8], _ code: JWTError.Code, at offset: Int, mentioning reason: String) {
            self.label = label
            self.bytes = bytes
            self.code = code
            self.offset = offset
            self.reasonMentions = reason
        }

        var testDescription: String { label }
    }

    static let malformed: [Malformed] = [
        Malformed("empty input", "", .invalidJSON, at: 0, mentioning: "unexpected end of input, expected a JSON value"),
        Malformed("only whitespace", " \t\r\n", .invalidJSON, at: 4, mentioning: "expected a JSON value"),
        Malformed(
            "missing colon",
            #"{"sub" "alice"}"#,
            .invalidJSON,
            at: 7,
            mentioning: "expected ':' after member name"
        ),
        Malformed("colon at the end", #"{"sub""#, .invalidJSON, at: 6, mentioning: "expected ':' after member name"),
        Malformed("trailing comma in object", #"{"a":1,}"#, .invalidJSON, at: 7, mentioning: "to begin a member name"),
        Malformed("unquoted name", "{a:1}", .invalidJSON, at: 1, mentioning: "expected '\"' to begin a member name"),
        Malformed("single-quoted name", "{'a':1}", .invalidJSON, at: 1, mentioning: "found '''"),
        Malformed("missing comma in object", #"{"a":1 "b":2}"#, .invalidJSON, at: 7, mentioning: "',' or '}'"),
        Malformed("unclosed object", #"{"a":1"#, .invalidJSON, at: 6, mentioning: "unexpected end of input"),
        Malformed(
            "trailing comma in array",
            "[1,]",
            .invalidJSON,
            at: 3,
            mentioning: "expected a JSON value, found ']'"
        ),
        Malformed("missing comma in array", "[1 2]", .invalidJSON, at: 3, mentioning: "expected ',' or ']'"),
        Malformed("unclosed array", "[1,2", .invalidJSON, at: 4, mentioning: "',' or ']'"),
        Malformed("leading zero", "01", .invalidJSON, at: 0, mentioning: "leading zeros"),
        Malformed("negative leading zero", "[-012]", .invalidJSON, at: 2, mentioning: "leading zeros"),
        Malformed("lone minus", "-", .invalidJSON, at: 1, mentioning: "expected a digit after '-'"),
        Malformed("minus then letter", "-x", .invalidJSON, at: 1, mentioning: "found 'x'"),
        Malformed("bare decimal point", "1.", .invalidJSON, at: 2, mentioning: "after the decimal point"),
        Malformed("point then exponent", "[1.e3]", .invalidJSON, at: 3, mentioning: "after the decimal point"),
        Malformed("empty exponent", "1e", .invalidJSON, at: 2, mentioning: "in the exponent"),
        Malformed("signed empty exponent", "1e+]", .invalidJSON, at: 3, mentioning: "in the exponent"),
        Malformed("plus sign", "+1", .invalidJSON, at: 0, mentioning: "expected a JSON value, found '+'"),
        Malformed("leading point", "[.5]", .invalidJSON, at: 1, mentioning: "found '.'"),
        Malformed("NaN", "NaN", .invalidJSON, at: 0, mentioning: "found 'N'"),
        Malformed("Infinity", "[-Infinity]", .invalidJSON, at: 2, mentioning: "expected a digit after '-'"),
        Malformed("hexadecimal", "0x1F", .invalidJSON, at: 1, mentioning: "after the JSON value"),
        Malformed("truncated literal", "tru", .invalidJSON, at: 3, mentioning: "in literal 'true'"),
        Malformed("misspelled literal", "[trUe]", .invalidJSON, at: 3, mentioning: "expected 'true', found 'U'"),
        Malformed("capitalised null", "Null", .invalidJSON, at: 0, mentioning: "found 'N'"),
        Malformed("second value", "[1] [2]", .invalidJSON, at: 4, mentioning: "'[' after the JSON value"),
        Malformed("trailing NUL", bytes: [0x31, 0x00], .invalidJSON, at: 1, mentioning: "byte 0x00 after"),
        Malformed("form feed is not whitespace", "\u{0C}1", .invalidJSON, at: 0, mentioning: "byte 0x0C"),
        Malformed("comment", "/* c */ 1", .invalidJSON, at: 0, mentioning: "found '/'"),
        Malformed("unterminated string", #"["abc"#, .invalidJSON, at: 5, mentioning: "string that begins at offset 1"),
        Malformed("unterminated escaped string", #""a\n"#, .invalidJSON, at: 4, mentioning: "begins at offset 0"),
        Malformed("raw line feed in string", "\"a\nb\"", .invalidJSON, at: 2, mentioning: "control character 0x0A"),
        Malformed("raw tab after escape", "\"\\n\t\"", .invalidJSON, at: 3, mentioning: "control character 0x09"),
        Malformed("unknown escape", #""\x""#, .invalidJSON, at: 1, mentioning: #"invalid escape sequence '\x'"#),
        Malformed("escaped apostrophe", #"["\'"]"#, .invalidJSON, at: 2, mentioning: "invalid escape sequence"),
        Malformed("escape at the end", #""\"#, .invalidJSON, at: 2, mentioning: "in an escape sequence"),
        Malformed("bad hex digit", #""\u12G4""#, .invalidJSON, at: 5, mentioning: "hexadecimal digit"),
        Malformed("short unicode escape", #""\u12""#, .invalidJSON, at: 5, mentioning: "escape, found '\"'"),
        Malformed(
            "lone high surrogate",
            #""\uD800""#,
            .invalidJSON,
            at: 1,
            mentioning: #"unpaired high surrogate \uD800"#
        ),
        Malformed("high then plain", #""\uD83Dx""#, .invalidJSON, at: 1, mentioning: "unpaired high surrogate"),
        Malformed(
            "lone low surrogate",
            #"["\udc00"]"#,
            .invalidJSON,
            at: 2,
            mentioning: #"unpaired low surrogate \uDC00"#
        ),
        Malformed("high then non-low", #""\uD800\u0041""#, .invalidJSON, at: 1, mentioning: "not a low surrogate"),
        Malformed("inverted surrogates", #""\uDD1E\uD834""#, .invalidJSON, at: 1, mentioning: "unpaired low surrogate"),
        Malformed("two high surrogates", #""\uD800\uD800""#, .invalidJSON, at: 1, mentioning: "not a low surrogate"),
        Malformed("overlong slash", bytes: [0x22, 0xC0, 0xAF, 0x22], .invalidJSON, at: 1, mentioning: "overlong"),
        Malformed(
            "overlong 3 bytes",
            bytes: [0x22, 0xE0, 0x80, 0xAF, 0x22],
            .invalidJSON,
            at: 1,
            mentioning: "overlong"
        ),
        Malformed(
            "overlong 4 bytes",
            bytes: [0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22],
            .invalidJSON,
            at: 1,
            mentioning: "overlong"
        ),
        Malformed(
            "encoded surrogate",
            bytes: [0x22, 0xED, 0xA0, 0x80, 0x22],
            .invalidJSON,
            at: 1,
            mentioning: "surrogate"
        ),
        Malformed(
            "above U+10FFFF",
            bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
            .invalidJSON,
            at: 1,
            mentioning: "U+10FFFF"
        ),
        Malformed(
            "byte F5",
            bytes: [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22],
            .invalidJSON,
            at: 1,
            mentioning: "never occurs"
        ),
        Malformed(
            "byte FF",
            bytes: [0x5B, 0x22, 0xFF, 0x22, 0x5D],
            .invalidJSON,
            at: 2,
            mentioning: "0xFF never occurs"
        ),
        Malformed(
            "lone continuation",
            bytes: [0x22, 0x61, 0x80, 0x22],
            .invalidJSON,
            at: 2,
            mentioning: "continuation byte 0x80"
        ),
        Malformed("truncated sequence", bytes: [0x22, 0xE2, 0x82, 0x22], .invalidJSON, at: 1, mentioning: "truncated"),
        Malformed("truncated by end", bytes: [0x22, 0xE2, 0x82], .invalidJSON, at: 1, mentioning: "end of input"),
        Malformed("Latin-1", bytes: [0x22, 0xE9, 0x22], .invalidJSON, at: 1, mentioning: "truncated"),
        Malformed(
            "invalid UTF-8 after an escape",
            bytes: Array(#""\n"#.utf8) + [0xC1, 0x81, 0x22],
            .invalidJSON,
            at: 3,
            mentioning: "overlong"
        ),
        Malformed(
            "byte order mark",
            bytes: [0xEF, 0xBB, 0xBF, 0x7B, 0x7D],
            .invalidJSON,
            at: 0,
            mentioning: "byte order mark"
        ),
        Malformed("UTF-16", bytes: [0x5B, 0x00, 0x5D, 0x00], .invalidJSON, at: 1, mentioning: "byte 0x00"),
        Malformed(
            "bare byte above ASCII",
            bytes: [0x5B, 0xC3, 0xA9, 0x5D],
            .invalidJSON,
            at: 1,
            mentioning: "byte 0xC3"
        ),
        Malformed(
            "duplicate name",
            #"{"a":1,"a":2}"#,
            .duplicateMember,
            at: 7,
            mentioning: #"duplicate member name "a""#
        ),
        Malformed("duplicate after unescaping", #"{"a":1,"\u0061":2}"#, .duplicateMember, at: 7, mentioning: #""a""#),
        Malformed("duplicate escaped both", #"{"\n":1, "\u000a":2}"#, .duplicateMember, at: 9, mentioning: #""\n""#),
        Malformed(
            "duplicate in nested object",
            #"[0, {"k": 1, "x": {}, "k" :2}]"#,
            .duplicateMember,
            at: 22,
            mentioning: #""k""#
        ),
        Malformed("duplicate same value", #"{"a":"b","a":"b"}"#, .duplicateMember, at: 9, mentioning: #""a""#),
    ]

    @Test("rejects malformed input with a code, an offset and a reason naming the problem", arguments: malformed)
    func rejectsMalformed(_ vector: Malformed) {
        let error = #expect(throws: JWTError.self) { try JSONValue(parsing: vector.bytes) }
        #expect(error?.code == vector.code)
        #expect(error?.offset == vector.offset)
        #expect(error?.reason.contains(vector.reasonMentions) == true, "\(error?.reason ?? "no error")")
        #expect(error?.reason.hasSuffix("at offset \(vector.offset)") == true, "\(error?.reason ?? "no error")")
    }

    @Test("finds a duplicate among many members at the second occurrence")
    func duplicateInLargeObject() {
        let members = (0..<1_000).map { #""m\#($0)":\#($0)"# }.joined(separator: ",")
        let text = "{\(members),\"m500\":0}"
        let error = #expect(throws: JWTError.self) { try JSONValue(parsing: text) }
        #expect(error?.code == .duplicateMember)
        #expect(error?.offset == text.utf8.count - #""m500":0}"#.utf8.count)
        #expect(error?.reason.contains(#""m500""#) == true)
    }

    @Test("cuts a long duplicate name short in the reason")
    func longDuplicateName() {
        let name = String(repeating: "é", count: 100)
        let error = #expect(throws: JWTError.self) { try JSONValue(parsing: #"{"\#(name)":1,"\#(name)":2}"#) }
        #expect(error?.code == .duplicateMember)
        #expect(error?.reason.contains("(200 bytes)") == true)
        #expect((error?.reason.utf8.count ?? .max) < 150)
    }

    @Test("keeps names that differ only in Unicode normalization apart")
    func normalizationIsNotDuplication() throws {
        let object = try JSONObject(parsing: Array(#"{"\u00e9":1,"e\u0301":2}"#.utf8))
        #expect(object.count == 2)
        #expect(object["\u{E9}"]?.int64Value == 1)
        #expect(object["e\u{301}"]?.int64Value == 2)
    }

    @Test("finds quotes, escapes, control and non-ASCII bytes at every position of long strings")
    func specialBytesAtEveryPosition() throws {
        for length in 0..<40 {
            let plain = String(repeating: "a", count: length)
            #expect(try JSONValue(parsing: "\"\(plain)\"") == .string(plain))
            #expect(try JSONValue(parsing: "[\"\(plain)\",1]") == [.string(plain), 1])
            for position in 0..<length {
                var bytes = Array("\"\(plain)\"".utf8)
                bytes[1 + position] = 0x1F
                let error = #expect(throws: JWTError.self) { try JSONValue(parsing: bytes) }
                #expect(error?.offset == 1 + position, "length \(length), control at \(position)")

                bytes[1 + position] = 0x7F
                #expect(try JSONValue(parsing: bytes).stringValue?.utf8.count == length)

                let accented = String(repeating: "a", count: position) + "é" + plain.dropFirst(position + 1)
                #expect(try JSONValue(parsing: "\"\(accented)\"").stringValue == accented)

                let escaped = String(repeating: "a", count: position) + "\\n" + plain.dropFirst(position + 1)
                let unescaped = String(repeating: "a", count: position) + "\n" + plain.dropFirst(position + 1)
                #expect(try JSONValue(parsing: "\"\(escaped)\"").stringValue == unescaped)

                bytes[1 + position] = 0xFF
                let invalid = #expect(throws: JWTError.self) { try JSONValue(parsing: bytes) }
                #expect(invalid?.offset == 1 + position)
            }
            let unterminated = #expect(throws: JWTError.self) { try JSONValue(parsing: "\"\(plain)") }
            #expect(unterminated?.offset == 1 + length)
        }
    }

    // MARK: - Limits

    static func nestedArrays(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    static func nestedObjects(_ depth: Int) -> String {
        String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
    }

    static func options(_ configure: (inout JSONParsingOptions) -> Void) -> JSONParsingOptions {
        var options = JSONParsingOptions()
        configure(&options)
        return options
    }

    @Test("accepts nesting exactly at the default depth of 32 and rejects one more level")
    func defaultDepth() throws {
        #expect(JSONParsingOptions().maximumDepth == 32)
        _ = try JSONValue(parsing: Self.nestedArrays(32))
        _ = try JSONValue(parsing: Self.nestedObjects(32))
        let arrays = #expect(throws: JWTError.self) { try JSONValue(parsing: Self.nestedArrays(33)) }
        #expect(arrays?.code == .limitExceeded)
        #expect(arrays?.offset == 32)
        #expect(arrays?.reason.contains("nested deeper than 32 levels") == true)
        let objects = #expect(throws: JWTError.self) { try JSONValue(parsing: Self.nestedObjects(33)) }
        #expect(objects?.code == .limitExceeded)
        #expect(objects?.offset == 32 * 5)
    }

    @Test("applies a configured depth, counting arrays and objects alike", arguments: [0, 1, 4])
    func configuredDepth(_ depth: Int) throws {
        let options = Self.options { $0.maximumDepth = depth }
        _ = try JSONValue(parsing: "7", options: options)
        if depth > 0 {
            _ = try JSONValue(parsing: Self.nestedArrays(depth), options: options)
        }
        let error = #expect(throws: JWTError.self) {
            try JSONValue(parsing: Self.nestedArrays(depth + 1), options: options)
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.offset == depth)
        let mixed = String(repeating: #"[{"a":"#, count: 2) + "0" + String(repeating: "}]", count: 2)
        let mixedResult = Result { () throws(JWTError) in try JSONValue(parsing: mixed, options: options) }
        #expect((try? mixedResult.get()) != nil || depth < 4)
    }

    @Test("never accepts nesting beyond the supported ceiling, whatever the options say")
    func depthCeiling() throws {
        let options = Self.options { $0.maximumDepth = .max }
        let ceiling = JSONParsingOptions.maximumSupportedDepth
        #expect(ceiling == 256)
        _ = try JSONValue(parsing: Self.nestedArrays(ceiling), options: options)
        let error = #expect(throws: JWTError.self) {
            try JSONValue(parsing: Self.nestedArrays(ceiling + 1), options: options)
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.offset == ceiling)
        let deep = #expect(throws: JWTError.self) {
            try JSONValue(parsing: String(repeating: "[", count: 100_000), options: options)
        }
        #expect(deep?.code == .limitExceeded)
    }

    @Test("checks the input size before parsing")
    func inputSize() throws {
        #expect(JSONParsingOptions().maximumInputSize == 1 << 20)
        let options = Self.options { $0.maximumInputSize = 10 }
        _ = try JSONValue(parsing: "[1,2,3,45]", options: options)
        for input in ["[1,2,3,456]", "[1,2,3,4,5,6"] {
            let error = #expect(throws: JWTError.self) { try JSONValue(parsing: input, options: options) }
            #expect(error?.code == .limitExceeded)
            #expect(error?.offset == 10)
            #expect(error?.reason.contains("input of \(input.utf8.count) bytes") == true)
        }
        let nonContiguous = Array("[1,2,3,456]".utf8).lazy.map { $0 }
        let error = #expect(throws: JWTError.self) { try JSONValue(parsing: nonContiguous, options: options) }
        #expect(error?.code == .limitExceeded)
    }

    @Test("bounds the length of number literals, and lets 40-digit integers through by default")
    func numberLength() throws {
        #expect(JSONParsingOptions().maximumNumberLength == 256)
        _ = try JSONValue(parsing: "[\(String(repeating: "9", count: 256))]")
        _ = try JSONValue(parsing: String(repeating: "1", count: 40))
        let error = #expect(throws: JWTError.self) {
            try JSONValue(parsing: "[\(String(repeating: "9", count: 257))]")
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.offset == 1)
        let options = Self.options { $0.maximumNumberLength = 4 }
        _ = try JSONValue(parsing: "-1.5", options: options)
        let short = #expect(throws: JWTError.self) { try JSONValue(parsing: #"{"n":1e-10}"#, options: options) }
        #expect(short?.code == .limitExceeded)
        #expect(short?.offset == 5)
        #expect(short?.reason.contains("number of 5 bytes") == true)
    }

    @Test("bounds string length in unescaped UTF-8 bytes, member names included")
    func stringLength() throws {
        #expect(JSONParsingOptions().maximumStringLength == 65_536)
        let options = Self.options { $0.maximumStringLength = 5 }
        _ = try JSONValue(parsing: #"["abcde"]"#, options: options)
        // Six bytes of source, five after unescaping; and é is two bytes of UTF-8.
        _ = try JSONValue(parsing: #"["\u0061\u0062\u0063\u0064\u0065"]"#, options: options)
        _ = try JSONValue(parsing: #"["aaaé"]"#, options: options)
        let cases: [(String, Int)] = [
            (#"["abcdef"]"#, 1), (#"["aaaaé"]"#, 1), (#"[1, "\u0061\u0062\u0063\u0064\u0065\n"]"#, 4),
            (#"{"abcdef":1}"#, 1),
        ]
        for (input, offset) in cases {
            let error = #expect(throws: JWTError.self, "\(input)") { try JSONValue(parsing: input, options: options) }
            #expect(error?.code == .limitExceeded, "\(input)")
            #expect(error?.offset == offset, "\(input)")
            #expect(error?.reason.contains("string longer than the limit of 5 bytes") == true, "\(input)")
        }
        let atDefault = String(repeating: "x", count: 65_536)
        _ = try JSONValue(parsing: "\"\(atDefault)\"")
        let overDefault = #expect(throws: JWTError.self) { try JSONValue(parsing: "\"\(atDefault)x\"") }
        #expect(overDefault?.code == .limitExceeded)
    }

    @Test("bounds the members of each object and the elements of each array")
    func containerCount() throws {
        #expect(JSONParsingOptions().maximumContainerCount == 100_000)
        let options = Self.options { $0.maximumContainerCount = 3 }
        _ = try JSONValue(parsing: #"[1,2,{"a":1,"b":2,"c":[4,5,6]}]"#, options: options)
        let array = #expect(throws: JWTError.self) { try JSONValue(parsing: "[1,2,3,4]", options: options) }
        #expect(array?.code == .limitExceeded)
        #expect(array?.offset == 7)
        #expect(array?.reason.contains("array with more than 3 elements") == true)
        let object = #expect(throws: JWTError.self) {
            try JSONValue(parsing: #"{"a":1,"b":2,"c":3,"d":4}"#, options: options)
        }
        #expect(object?.code == .limitExceeded)
        #expect(object?.offset == 19)
        #expect(object?.reason.contains("object with more than 3 members") == true)
    }

    // MARK: - Entry points

    @Test("parses a raw buffer, the token layer's entry point")
    func rawBuffer() throws {
        let bytes = Array(#" {"sub":"alice"} "#.utf8)
        let value = try unsafe bytes.withUnsafeBytes { buffer in
            Result { () throws(JWTError) in try unsafe JSONReader.parse(buffer, options: JSONParsingOptions()) }
        }.get()
        #expect(value["sub"] == "alice")
        let array = Array(" [1]".utf8)
        let notObject = unsafe array.withUnsafeBytes { buffer in
            Result { () throws(JWTError) in
                try unsafe JSONReader.parse(buffer, options: JSONParsingOptions(), expectingObject: true)
            }
        }
        let error = #expect(throws: JWTError.self) { try notObject.get() }
        #expect(error?.code == .typeMismatch)
        #expect(error?.offset == 1)
    }

    @Test("reports well-formed JSON that is not an object as a type mismatch at the value")
    func requiresObject() {
        let error = #expect(throws: JWTError.self) { try JSONObject(parsing: Array("  [1]".utf8)) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.offset == 2)
        #expect(error?.reason == "expected a JSON object, found an array at offset 2")
        let malformed = #expect(throws: JWTError.self) { try JSONObject(parsing: Array("[1".utf8)) }
        #expect(malformed?.code == .invalidJSON)
    }

    @Test("parses the same from text, contiguous bytes and non-contiguous bytes")
    func entryPointsAgree() throws {
        let text = #"{"sub":"ßob","n":[1.5e3,-0,true,null],"e":"\"\u00e9\ud83d\ude00"}"#
        let fromText = try JSONValue(parsing: text)
        let fromBytes = try JSONValue(parsing: Array(text.utf8))
        let fromLazy = try JSONValue(parsing: Array(text.utf8).lazy.map { $0 })
        let fromSubstring = try JSONValue(parsing: Substring(text).utf8)
        #expect(fromText == fromBytes)
        #expect(fromText == fromLazy)
        #expect(fromText == fromSubstring)
        #expect(fromText["e"]?.stringValue == "\"é😀")
    }
}
