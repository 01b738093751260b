import Foundation
import Testing

@testable import JWTClaims

@Suite("JSONValue")
struct JSONValueTests {
    @Test("builds every kind of value from literals")
    func literals() throws {
        let value: JSONValue = [
            "null": nil, "bool": true, "int": 1_599_181_203, "float": 1.5, "string": "alice",
            "array": [1, "two", [false]], "object": ["nested": -0.25],
        ]
        #expect(
            value.serialized()
                == #"{"null":null,"bool":true,"int":1599181203,"float":1.5,"string":"alice","array":[1,"two",[false]],"object":{"nested":-0.25}}"#
        )
        #expect(value["null"] == .null)
        #expect(value["bool"] == .bool(true))
        #expect(value["int"] == .number(JSONNumber(1_599_181_203)))
        #expect(value["float"] == .number(try #require(JSONNumber("1.5"))))
        #expect(value["string"] == .string("alice"))
        #expect(value["array"] == .array([1, "two", [false]]))
        #expect(value["object"]?.objectValue?.names == ["nested"])
    }

    @Test("gives typed views of the matching kind only")
    func accessors() throws {
        let value = try JSONValue(parsing: #"{"s":"x","b":false,"n":1.5e3,"a":[1],"o":{},"z":null}"#)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["b"]?.boolValue == false)
        #expect(value["n"]?.numberValue?.text == "1.5e3")
        #expect(value["n"]?.int64Value == 1500)
        #expect(value["n"]?.doubleValue == 1500)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["o"]?.objectValue == JSONObject())
        #expect(value["z"]?.isNull == true)
        let kinds = ["s", "b", "n", "a", "o", "z"]
        for kind in kinds {
            let member = try #require(value[kind])
            #expect((member.stringValue != nil) == (kind == "s"), "\(kind)")
            #expect((member.boolValue != nil) == (kind == "b"), "\(kind)")
            #expect((member.numberValue != nil) == (kind == "n"), "\(kind)")
            #expect((member.int64Value != nil) == (kind == "n"), "\(kind)")
            #expect((member.doubleValue != nil) == (kind == "n"), "\(kind)")
            #expect((member.arrayValue != nil) == (kind == "a"), "\(kind)")
            #expect((member.objectValue != nil) == (kind == "o"), "\(kind)")
            #expect(member.isNull == (kind == "z"), "\(kind)")
        }
        #expect(value["missing"] == nil)
        #expect(value.stringValue == nil)
    }

    @Test("subscripts arrays by position without ever trapping")
    func arraySubscript() {
        let value: JSONValue = ["a", "b"]
        #expect(value[0] == "a")
        #expect(value[1] == "b")
        #expect(value[2] == nil)
        #expect(value[-1] == nil)
        #expect(value[Int.max] == nil)
        #expect(JSONValue.string("ab")[0] == nil)
        #expect(value["a"] == nil)
        let nested: JSONValue = ["roles": ["admin", "user"]]
        #expect(nested["roles"]?[1]?.stringValue == "user")
    }

    /// Two JSON texts and whether they have the same value.
    struct SameValue: CustomTestStringConvertible, Sendable {
        let left: String
        let right: String
        let same: Bool
        var testDescription: String { "\(left) \(same ? "≡" : "≢") \(right)" }
    }

    @Test(
        "compares meaning: numbers by value, object members in any order, arrays in order",
        arguments: [
            SameValue(left: #"{"a":1,"b":2}"#, right: #"{"b":2,"a":1}"#, same: true),
            SameValue(left: #"{"a":1.5e3,"b":[0]}"#, right: #"{"b":[-0],"a":1500}"#, same: true),
            SameValue(left: #"{"a":{"x":1,"y":2}}"#, right: #"{"a":{"y":2,"x":1.0}}"#, same: true),
            SameValue(left: #"[1,2]"#, right: #"[2,1]"#, same: false),
            SameValue(left: #"[1,2]"#, right: #"[1,2,3]"#, same: false),
            SameValue(left: #"{"a":1}"#, right: #"{"a":1,"b":2}"#, same: false),
            SameValue(left: #"{"a":1,"b":2}"#, right: #"{"a":1,"c":2}"#, same: false),
            SameValue(left: #"{"a":1}"#, right: #"{"a":"1"}"#, same: false),
            SameValue(left: "0", right: "false", same: false),
            SameValue(left: "null", right: "false", same: false),
            SameValue(left: "[]", right: "{}", same: false),
            SameValue(left: #""/""#, right: #""\/""#, same: true),
            SameValue(left: #""\u00e9""#, right: #""e\u0301""#, same: false),
            SameValue(left: "true", right: "true", same: true),
            SameValue(left: "null", right: "null", same: true),
            SameValue(left: "1e400", right: "10e399", same: true),
        ]
    )
    func hasSameValue(_ vector: SameValue) throws {
        let left = try JSONValue(parsing: vector.left)
        let right = try JSONValue(parsing: vector.right)
        #expect(left.hasSameValue(as: right) == vector.same)
        #expect(right.hasSameValue(as: left) == vector.same)
    }

    @Test("is structurally exact with ==: number text, string code units, member order")
    func structuralEquality() throws {
        #expect(try JSONValue(parsing: "1.0") != JSONValue(parsing: "1"))
        #expect(try JSONValue(parsing: #"{"a":1,"b":2}"#) != JSONValue(parsing: #"{"b":2,"a":1}"#))
        #expect(try JSONValue(parsing: #""/""#) == JSONValue(parsing: #""\/""#))
        let composed = JSONValue.string("\u{E9}")
        let decomposed = JSONValue.string("e\u{301}")
        #expect("\u{E9}" == "e\u{301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed, "\u{E9}"]).count == 2)
        #expect(JSONValue.bool(false) != JSONValue.null)
        #expect(JSONValue.array([]) != JSONValue.object([:]))
    }

    @Test("hashes consistently with ==")
    func hashing() throws {
        let first = try JSONValue(parsing: #"{"a":[1,"x",null,true,{"b":2.50}]}"#)
        let second = try JSONValue(parsing: #" { "a" : [ 1 , "\u0078" , null , true , { "b" : 2.50 } ] } "#)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
    }

    @Test("appends to an existing buffer through the internal writer entry")
    func writeInto() {
        var output = Array("prefix:".utf8)
        let value: JSONValue = ["sub": "alice"]
        value.write(into: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"prefix:{"sub":"alice"}"#)
        let object: JSONObject = ["n": 1]
        object.write(into: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"prefix:{"sub":"alice"}{"n":1}"#)
    }

    @Test("describes itself as its compact JSON")
    func description() {
        let value: JSONValue = ["a": [1.5, nil]]
        #expect(value.description == #"{"a":[1.5,null]}"#)
        #expect(value.serializedBytes() == Array(value.serialized().utf8))
    }

    @Test("parses, writes, compares and destroys the deepest accepted value on a 512 KiB thread")
    func deepValueOnSmallStack() async {
        let depth = JSONParsingOptions.maximumSupportedDepth
        let text = String(repeating: #"{"a":["#, count: depth / 2) + "0" + String(repeating: "]}", count: depth / 2)
        let succeeded = await withCheckedContinuation { continuation in
            let thread = Thread {
                var options = JSONParsingOptions()
                options.maximumDepth = depth
                var succeeded = false
                if let value = try? JSONValue(parsing: text, options: options) {
                    let copy = try? JSONValue(parsing: value.serializedBytes(), options: options)
                    succeeded =
                        value.serialized() == text && copy == value && copy?.hasSameValue(as: value) == true
                        && Set([value]).contains(value)
                }
                continuation.resume(returning: succeeded)
            }
            // The smallest stack a Swift thread gets by default (secondary threads on Darwin).
            thread.stackSize = 512 * 1024
            thread.start()
        }
        #expect(succeeded)
    }

    @Test("builds exact numbers from run-time integers of any width")
    func fromIntegers() {
        let userID = 125
        #expect(JSONValue(userID) == .number(JSONNumber(125)))
        #expect(JSONValue(Int64.max).serialized() == "9223372036854775807")
        #expect(JSONValue(Int64.min).serialized() == "-9223372036854775808")
        #expect(JSONValue(UInt64.max).serialized() == "18446744073709551615")
        #expect(JSONValue(Int8.min).serialized() == "-128")
        #expect(JSONValue(UInt8.max).serialized() == "255")
        #expect(JSONValue(Int32.zero).serialized() == "0")
        #expect(JSONValue(UInt64.max).numberValue?.uint64Value == .max)
        #expect(JSONValue(Int64.min).int64Value == .min)
    }

    @Test("builds exact numbers from Int128 and UInt128")
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func fromWideIntegers() {
        #expect(JSONValue(Int128.min).serialized() == "-170141183460469231731687303715884105728")
        #expect(JSONValue(UInt128.max).serialized() == "340282366920938463463374607431768211455")
    }

    /// A run-time `Double` and the exact text it must be written as.
    struct DoubleText: CustomTestStringConvertible, Sendable {
        let value: Double
        let text: String
        var testDescription: String { text }
    }

    @Test(
        "writes a run-time Double with the shortest text that reads back as it",
        arguments: [
            DoubleText(value: 0.1, text: "0.1"),
            DoubleText(value: -0.0, text: "-0.0"),
            DoubleText(value: 1e300, text: "1e300"),
            DoubleText(value: -2.5e-300, text: "-2.5e-300"),
            DoubleText(value: 1500, text: "1500.0"),
            DoubleText(value: 1e16, text: "1e16"),
            DoubleText(value: 1e-7, text: "1e-7"),
            DoubleText(value: 0x1p53 + 2, text: "9.007199254740994e15"),
            DoubleText(value: .leastNonzeroMagnitude, text: "5e-324"),
            DoubleText(value: .greatestFiniteMagnitude, text: "1.7976931348623157e308"),
        ]
    )
    func fromDouble(_ vector: DoubleText) throws {
        let value = try JSONValue(vector.value)
        #expect(value.serialized() == vector.text)
        #expect(value.doubleValue?.bitPattern == vector.value.bitPattern)
        #expect(try JSONValue(encoding: vector.value) == value)
    }

    @Test("writes a run-time Float with its own shortest text, not the Double's")
    func fromFloat() throws {
        let tenth: Float = 0.1
        #expect(try JSONValue(tenth).serialized() == "0.1")
        #expect(try JSONValue(-Float.zero).serialized() == "-0.0")
        #expect(try JSONValue(Float(1500)).serialized() == "1500.0")
        #expect(try JSONValue(Float.greatestFiniteMagnitude).serialized() == "3.4028235e38")
        #expect(try JSONValue(Float.leastNonzeroMagnitude).serialized() == "1e-45")
        #expect(try JSONValue(Double(tenth)).serialized() == "0.10000000149011612")
    }

    @Test(
        "refuses NaN and the infinities with a typed error, never a wrong value or nil",
        arguments: [Double.nan, -Double.nan, Double.signalingNaN, Double.infinity, -Double.infinity]
    )
    func nonFinite(_ value: Double) {
        let error = #expect(throws: JWTError.self) { try JSONValue(value) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason.contains("must be finite") == true)
        let floatError = #expect(throws: JWTError.self) { try JSONValue(Float(value)) }
        #expect(floatError?.code == .typeMismatch)
    }

    @Test("builds strings and booleans from run-time values")
    func fromStringsAndBooleans() {
        let name = "O\"Brien\n"
        let flag = false
        #expect(JSONValue(name) == .string(name))
        #expect(JSONValue(name).serialized() == #""O\"Brien\n""#)
        #expect(JSONValue(flag) == .bool(false))
        #expect(JSONValue(!flag).serialized() == "true")
    }
}
