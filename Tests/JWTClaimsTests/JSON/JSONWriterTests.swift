import JWTClaims
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("escapes quote, backslash and every control character, and nothing else")
    func escapes() {
        var controls = ""
        for value in 0..<0x20 {
            controls.unicodeScalars.append(Unicode.Scalar(UInt8(value)))
        }
        let expected =
            #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#
        #expect(JSONValue.string(controls).serialized() == expected)
        #expect(JSONValue.string(#"a"b\c/d"#).serialized() == #""a\"b\\c/d""#)
    }

    @Test("writes non-ASCII characters as raw UTF-8, DEL and line separators included")
    func rawUTF8() {
        let text = "é😀\u{7F}\u{2028}\u{2029}\u{FEFF}"
        let written = JSONValue.string(text).serializedBytes()
        #expect(written == [0x22] + Array(text.utf8) + [0x22])
    }

    @Test(
        "normalizes escapes the writer does not emit",
        arguments: [
            (#""\/""#, #""/""#),
            (#""\u0041""#, #""A""#),
            (#""\u00E9""#, #""é""#),
            (#""\ud83d\ude00""#, #""😀""#),
            (#""\u001F""#, #""\u001f""#),
            (#""\u0008\u000C""#, #""\b\f""#),
            (#""\u005C\u0022""#, #""\\\"""#),
        ]
    )
    func normalizesEscapes(_ input: String, _ output: String) throws {
        #expect(try JSONValue(parsing: input).serialized() == output)
    }

    @Test("writes compactly, keeping member order and number text")
    func compact() throws {
        let input = """
            {
              "iss" : "https://issuer.example",
              "exp" : 1599181203 ,
              "amount" : 1.50E+3,
              "aud" : [ "a" , "b" ],
              "empty" : { }
            }
            """
        let expected = #"{"iss":"https://issuer.example","exp":1599181203,"amount":1.50E+3,"aud":["a","b"],"empty":{}}"#
        #expect(try JSONValue(parsing: input).serialized() == expected)
        #expect(try JSONValue(parsing: expected).serialized() == expected)
    }

    @Test("writes the same bytes every time")
    func deterministic() {
        let value: JSONValue = ["z": 1, "a": [true, nil, "x"], "m": ["k": 0.5]]
        let first = value.serializedBytes()
        for _ in 0..<10 {
            #expect(value.serializedBytes() == first)
        }
        #expect(String(decoding: first, as: UTF8.self) == #"{"z":1,"a":[true,null,"x"],"m":{"k":0.5}}"#)
    }
}
