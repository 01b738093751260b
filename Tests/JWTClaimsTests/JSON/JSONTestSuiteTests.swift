import JWTClaims
import Testing

/// The parser against JSONTestSuite (`Resources/json-test-suite/`): every file, by category.
@Suite("JSONTestSuite")
struct JSONTestSuiteTests {
    static let folder = "json-test-suite/test_parsing"

    /// Valid JSON that we reject by design: a JWT with a repeated claim name is ambiguous (RFC 7515 section 5.2).
    static let rejectedByDesign: [String: JWTError.Code] = [
        "y_object_duplicated_key.json": .duplicateMember,
        "y_object_duplicated_key_and_value.json": .duplicateMember,
    ]

    /// Our choice for every implementation-defined file: `true` = accepted, `false` = rejected. A file missing here,
    /// or a change of behaviour, fails the test.
    static let implementationDefined: [String: Bool] = [
        // Numbers beyond Int64 and Double are valid JSON; we keep their exact text instead of rounding.
        "i_number_double_huge_neg_exp.json": true,
        "i_number_huge_exp.json": true,
        "i_number_neg_int_huge_exp.json": true,
        "i_number_pos_double_huge_exp.json": true,
        "i_number_real_neg_overflow.json": true,
        "i_number_real_pos_overflow.json": true,
        "i_number_real_underflow.json": true,
        "i_number_too_big_neg_int.json": true,
        "i_number_too_big_pos_int.json": true,
        "i_number_very_big_negative_int.json": true,
        // Lone or inverted surrogates, invalid UTF-8, non-UTF-8 encodings and BOMs: JWTs are UTF-8 (RFC 7519).
        "i_object_key_lone_2nd_surrogate.json": false,
        "i_string_1st_surrogate_but_2nd_missing.json": false,
        "i_string_1st_valid_surrogate_2nd_invalid.json": false,
        "i_string_UTF-16LE_with_BOM.json": false,
        "i_string_UTF-8_invalid_sequence.json": false,
        "i_string_UTF8_surrogate_U+D800.json": false,
        "i_string_incomplete_surrogate_and_escape_valid.json": false,
        "i_string_incomplete_surrogate_pair.json": false,
        "i_string_incomplete_surrogates_escape_valid.json": false,
        "i_string_invalid_lonely_surrogate.json": false,
        "i_string_invalid_surrogate.json": false,
        "i_string_invalid_utf-8.json": false,
        "i_string_inverted_surrogates_U+1D11E.json": false,
        "i_string_iso_latin_1.json": false,
        "i_string_lone_second_surrogate.json": false,
        "i_string_lone_utf8_continuation_byte.json": false,
        "i_string_not_in_unicode_range.json": false,
        "i_string_overlong_sequence_2_bytes.json": false,
        "i_string_overlong_sequence_6_bytes.json": false,
        "i_string_overlong_sequence_6_bytes_null.json": false,
        "i_string_truncated-utf-8.json": false,
        "i_string_utf16BE_no_BOM.json": false,
        "i_string_utf16LE_no_BOM.json": false,
        // 500 levels is beyond the default depth limit of 32.
        "i_structure_500_nested_arrays.json": false,
        "i_structure_UTF-8_BOM_empty_object.json": false,
    ]

    static func files(withPrefix prefix: String) throws -> [String] {
        try Vectors.fileNames(in: folder).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }
    }

    static func input(_ name: String) throws -> [UInt8] {
        try Vectors.bytes("\(folder)/\(name)")
    }

    @Test("finds the whole suite: 95 y_, 188 n_ and 35 i_ files")
    func suiteIsComplete() throws {
        #expect(try Self.files(withPrefix: "y_").count == 95)
        #expect(try Self.files(withPrefix: "n_").count == 188)
        #expect(try Self.files(withPrefix: "i_").count == 35)
    }

    @Test("accepts every y_ file except the duplicate-member files, which it rejects by design")
    func acceptsValidFiles() throws {
        var rejectedNames: [String] = []
        for name in try Self.files(withPrefix: "y_") {
            let bytes = try Self.input(name)
            if let code = Self.rejectedByDesign[name] {
                let error = #expect(throws: JWTError.self, "\(name)") { try JSONValue(parsing: bytes) }
                #expect(error?.code == code, "\(name)")
                #expect(error?.offset != nil, "\(name)")
                rejectedNames.append(name)
                continue
            }
            #expect(throws: Never.self, "\(name)") { try JSONValue(parsing: bytes) }
        }
        #expect(rejectedNames.sorted() == Self.rejectedByDesign.keys.sorted())
    }

    @Test("rejects every n_ file with a typed error that has an offset and a reason")
    func rejectsInvalidFiles() throws {
        let names = try Self.files(withPrefix: "n_")
        for name in names {
            let bytes = try Self.input(name)
            let error = #expect(throws: JWTError.self, "\(name)") { try JSONValue(parsing: bytes) }
            #expect(
                error?.code == .invalidJSON || error?.code == .limitExceeded,
                "\(name): \(String(describing: error))"
            )
            let offset = try #require(error?.offset, "\(name)")
            #expect((0...bytes.count).contains(offset), "\(name): offset \(offset)")
            #expect(error?.reason.hasSuffix("at offset \(offset)") == true, "\(name)")
        }
    }

    @Test("handles every i_ file as the table records, without crashing")
    func implementationDefinedFilesBehaveAsRecorded() throws {
        let names = try Self.files(withPrefix: "i_")
        #expect(Set(names) == Set(Self.implementationDefined.keys))
        for name in names {
            let bytes = try Self.input(name)
            guard let expectedAccept = Self.implementationDefined[name] else {
                Issue.record("\(name) has no recorded choice")
                continue
            }
            if expectedAccept {
                #expect(throws: Never.self, "\(name)") { try JSONValue(parsing: bytes) }
            } else {
                let error = #expect(throws: JWTError.self, "\(name)") { try JSONValue(parsing: bytes) }
                #expect(error?.offset != nil, "\(name)")
            }
        }
    }

    @Test("writes every accepted file as a fixed point, byte-identical to compact inputs")
    func roundTrips() throws {
        var accepted = 0
        var byteIdentical = 0
        for name in try Self.files(withPrefix: "y_") + Self.files(withPrefix: "i_") {
            let bytes = try Self.input(name)
            guard let value = try? JSONValue(parsing: bytes) else { continue }
            accepted += 1
            let written = value.serializedBytes()
            let reparsed = try JSONValue(parsing: written)
            #expect(reparsed == value, "\(name)")
            #expect(reparsed.serializedBytes() == written, "\(name)")
            if Self.isCanonical(bytes) {
                byteIdentical += 1
                #expect(written == bytes, "\(name): wrote \(String(decoding: written, as: UTF8.self))")
            }
        }
        #expect(accepted == 93 + 10)
        // At least 60% of accepted files (65 of 103) are compact and use only the escapes the writer emits; the rest have
        // whitespace or escapes such as `\/` or `\u0041` that the writer normalizes.
        #expect(byteIdentical * 5 >= accepted * 3, "\(byteIdentical) of \(accepted) byte-identical")
    }

    /// Whether the writer would reproduce `bytes` exactly: no whitespace outside strings, and inside strings only
    /// the escapes it emits (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, and lower-case `\u00XX` for the other
    /// control characters).
    static func isCanonical(_ bytes: [UInt8]) -> Bool {
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        let shortEscapes: Set<UInt8> = Set("\"\\bfnrt".utf8)
        let shortEscapedControls: Set<UInt8> = [0x08, 0x09, 0x0A, 0x0C, 0x0D]
        var inString = false
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if !inString {
                if whitespace.contains(byte) { return false }
                inString = byte == UInt8(ascii: "\"")
                position += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = false
            } else if byte == UInt8(ascii: "\\") {
                guard position + 1 < bytes.count else { return false }
                let kind = bytes[position + 1]
                if shortEscapes.contains(kind) {
                    position += 1
                } else if kind == UInt8(ascii: "u"), position + 5 < bytes.count {
                    let hex = bytes[(position + 2)...(position + 5)]
                    guard hex.allSatisfy({ Set("0123456789abcdef".utf8).contains($0) }),
                        let unit = UInt8(String(decoding: hex, as: UTF8.self), radix: 16), unit < 0x20,
                        hex.prefix(2).elementsEqual("00".utf8), !shortEscapedControls.contains(unit)
                    else { return false }
                    position += 5
                } else {
                    return false
                }
            }
            position += 1
        }
        return true
    }
}
