import Testing

@testable import JWTClaims

/// The one quoting path for untrusted text in error reasons.
@Suite("JWTError untrusted text")
struct JWTErrorUntrustedTextTests {
    /// Text an attacker chooses: a forged log line, an ANSI colour escape, C1 and bidirectional controls.
    static let hostile = "a\"\\\n2026-01-01 INFO admin logged in\r\t\u{1B}[31m\u{85}\u{2028}\u{202E}z"

    /// Whether `text` holds a scalar that could change how a log line reads.
    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || [0x2028, 0x2029, 0x202E].contains($0.value)
        }
    }

    @Test("quotes and escapes every character that could forge or recolour a log line")
    func escapes() {
        let quoted = JWTError.quoted(Self.hostile)
        #expect(
            quoted
                == #""a\"\\\n2026-01-01 INFO admin logged in\r\t\u001B[31m\u0085\u2028\u202Ez""#
        )
        #expect(!Self.hasRawControl(quoted))
        #expect(JWTError.quoted("kid-1 é 😀") == #""kid-1 é 😀""#)
    }

    @Test("cuts text over 64 bytes on a scalar boundary and says how long it was")
    func capsLength() {
        #expect(JWTError.quoted(String(repeating: "k", count: 64)) == "\"" + String(repeating: "k", count: 64) + "\"")
        let long = JWTError.quoted(String(repeating: "é", count: 50_000))
        #expect(long == "\"" + String(repeating: "é", count: 32) + "\"… (100000 bytes)")
        #expect(JWTError.quoted("abcdef", limit: 3) == #""abc"… (6 bytes)"#)
    }

    @Test("lists at most 16 names, each quoted and capped, then the count")
    func listsNames() {
        #expect(JWTError.quotedList(["a", "b\nc"]) == #""a", "b\nc""#)
        let many = (0..<1000).map { "name\($0)\n" + String(repeating: "x", count: 100_000) }
        let list = JWTError.quotedList(many)
        #expect(list.hasSuffix(", … (1000 names)"))
        #expect(list.contains(#""name15\n"#))
        #expect(!list.contains("name16"))
        #expect(!Self.hasRawControl(list))
        #expect(list.utf8.count < 16 * 100)
        #expect(JWTError.quotedList([String]()).isEmpty)
    }

    @Test("escapes a path component without quotes, marking a cut with an ellipsis")
    func component() {
        #expect(JWTError.escapedComponent("a\u{1B}b") == #"a\u001Bb"#)
        #expect(JWTError.escapedComponent(String(repeating: "n", count: 65)) == String(repeating: "n", count: 64) + "…")
    }

    @Test("describes an untrusted JSON value by quoting strings and capping arrays at four elements")
    func describesValues() {
        #expect(JWTError.describe("x\ny") == #""x\ny""#)
        #expect(
            JWTError.describe(.array(["a", 1, "b", "c", "d", "e"])) == #"["a", a number, "b", "c", … (6 elements)]"#
        )
        #expect(JWTError.describe(.object([:])) == "an object")
    }

    @Test("a PEM label (printable, but as long as the document) is quoted and capped in every reason")
    func pemLabels() {
        let label = String(repeating: "L", count: 100_000)
        let documents = [
            "-----BEGIN \(label)-----\nAAAA\n",  // no END line
            "-----BEGIN \(label)-----\nAAAA\n-----END \(label)-----\n",  // a label no import wants
            String(repeating: "-----BEGIN \(label)-----\nAAAA\n-----END \(label)-----\n", count: 40),  // 40 blocks
        ]
        for document in documents {
            let error = #expect(throws: JWTError.self) { _ = try ES256.PublicKey(pemRepresentation: document) }
            let reason = error?.reason ?? ""
            #expect(reason.contains("… (100000 bytes)"), "\(reason.prefix(200))")
            #expect(reason.utf8.count < 2000, "\(reason.utf8.count) bytes")
        }
    }
}
