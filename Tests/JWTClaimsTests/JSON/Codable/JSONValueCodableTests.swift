import Foundation
import JWTClaims
import Testing

/// ``JSONValue``, ``JSONObject`` and ``JSONNumber`` as `Codable` types through coders other than this library's.
@Suite("JSONValue, JSONObject and JSONNumber through Foundation's coders")
struct JSONValueCodableTests {
    static let document = """
        {"s":"x","t":true,"f":false,"n":null,"i":-42,"u":18446744073709551615,"d":2.5,\
        "a":[1,"two",[null],{}],"o":{"k":{"deep":[false]}}}
        """

    @Test("decodes any JSON value with Foundation's JSONDecoder to the same value")
    func decodesWithFoundation() throws {
        let expected = try JSONValue(parsing: Self.document)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(Self.document.utf8))
        #expect(decoded.hasSameValue(as: expected))
        let object = try JSONDecoder().decode(JSONObject.self, from: Data(Self.document.utf8))
        #expect(JSONValue.object(object).hasSameValue(as: expected))
    }

    @Test("encodes any JSON value with Foundation's JSONEncoder to the same value")
    func encodesWithFoundation() throws {
        let value = try JSONValue(parsing: Self.document)
        let bytes = try JSONEncoder().encode(value)
        #expect(try JSONValue(parsing: [UInt8](bytes)).hasSameValue(as: value))
    }

    @Test("passes a number through Foundation's coders by value: 1.5e3 becomes 1500")
    func passesNumbersByValueThroughFoundation() throws {
        let number = try #require(JSONNumber("1.5e3"))
        let bytes = try JSONEncoder().encode([number])
        #expect(String(decoding: bytes, as: UTF8.self) == "[1500]")
        let decoded = try JSONDecoder().decode([JSONNumber].self, from: Data("[2.5,-7,18446744073709551615]".utf8))
        #expect(decoded.map(\.text) == ["2.5", "-7", "18446744073709551615"])
    }

    @Test("refuses through Foundation a number beyond Double's range")
    func refusesHugeNumberThroughFoundation() throws {
        let huge = try #require(JSONNumber("1e400"))
        #expect(throws: EncodingError.self) { try JSONEncoder().encode([huge]) }
    }

    @Test("reports a non-object through Foundation's decoder as a DecodingError")
    func reportsNonObjectThroughFoundation() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONObject.self, from: Data("[1]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONNumber.self, from: Data(#""1""#.utf8)) }
    }

    /// Decodes its members by hand with `JSONValue(from:)`, `JSONObject(from:)` and `JSONNumber(from:)`.
    struct HandWritten: Decodable {
        let value: JSONValue
        let object: JSONObject
        let number: JSONNumber

        private enum CodingKeys: String, CodingKey {
            case value
            case object
            case number
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            value = try JSONValue(from: container.superDecoder(forKey: .value))
            object = try JSONObject(from: container.superDecoder(forKey: .object))
            number = try JSONNumber(from: container.superDecoder(forKey: .number))
        }
    }

    @Test("keeps values exact when their init(from:) is called by hand on this library's decoder")
    func keepsValuesExactByHand() throws {
        let value = try JSONValue(parsing: #"{"value":[1.0],"object":{"b":1,"a":2},"number":1E3}"#)
        let decoded = try value.decode(HandWritten.self)
        #expect(decoded.value.serialized() == "[1.0]")
        #expect(decoded.object.names == ["b", "a"])
        #expect(decoded.number.text == "1E3")
        let wrong = try JSONValue(parsing: #"{"value":1,"object":{},"number":"1"}"#)
        let error = #expect(throws: JWTError.self) { try wrong.decode(HandWritten.self) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason == #"at "number": expected a number, found the string "1""#)
    }
}
