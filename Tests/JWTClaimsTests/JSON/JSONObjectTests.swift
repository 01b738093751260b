import JWTClaims
import Testing

@Suite("JSONObject")
struct JSONObjectTests {
    @Test("keeps members in the order they were written")
    func keepsOrder() throws {
        let object = try JSONObject(parsing: Array(#"{"z":1,"a":2,"m":{"y":0,"b":1}}"#.utf8))
        #expect(object.names == ["z", "a", "m"])
        #expect(object["m"]?.objectValue?.names == ["y", "b"])
        #expect(object.map(\.name) == ["z", "a", "m"])
        #expect(object.first?.value == 1)
        #expect(object.serialized() == #"{"z":1,"a":2,"m":{"y":0,"b":1}}"#)
        #expect(try JSONObject(parsing: #"{"z":1,"a":2,"m":{"y":0,"b":1}}"#) == object)
        let error = #expect(throws: JWTError.self) { try JSONObject(parsing: #" "text" "#) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.offset == 1)
    }

    @Test("replaces a value in place, appends a new name, and removes on nil")
    func subscriptSet() {
        var object: JSONObject = ["sub": "alice", "admin": false, "exp": 1]
        object["admin"] = true
        #expect(object.names == ["sub", "admin", "exp"])
        #expect(object["admin"] == true)
        object["tenant"] = "acme"
        #expect(object.names == ["sub", "admin", "exp", "tenant"])
        object["admin"] = nil
        #expect(object.names == ["sub", "exp", "tenant"])
        #expect(object["admin"] == nil)
        object["exp"] = .null
        #expect(object["exp"] == .null)
        #expect(object.serialized() == #"{"sub":"alice","exp":null,"tenant":"acme"}"#)
    }

    @Test("refuses to append a name that is already present, leaving the object unchanged")
    func appendDuplicate() throws {
        var object = JSONObject()
        try object.append(name: "a", value: 1)
        try object.append(name: "b", value: [1, 2])
        let error = #expect(throws: JWTError.self) { try object.append(name: "a", value: 3) }
        #expect(error?.code == .duplicateMember)
        #expect(error?.reason == #"duplicate member name "a""#)
        #expect(error?.offset == nil)
        #expect(object.serialized() == #"{"a":1,"b":[1,2]}"#)
    }

    @Test("removes members by name and reports what it removed")
    func removal() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        #expect(object.removeValue(forName: "b") == 2)
        #expect(object.removeValue(forName: "b") == nil)
        #expect(object.names == ["a", "c"])
        #expect(object.index(forName: "c") == 1)
        #expect(object.contains(name: "a"))
        #expect(!object.contains(name: "b"))
    }

    @Test("keeps the first position and the last value of a name repeated in a literal")
    func literalWithRepeatedName() {
        let object: JSONObject = ["a": 1, "b": 2, "a": 3]
        #expect(object.names == ["a", "b"])
        #expect(object["a"] == 3)
        let value: JSONValue = ["x": true, "x": false]
        #expect(value.serialized() == #"{"x":false}"#)
    }

    @Test("compares names by UTF-8 code units, not by canonical equivalence")
    func codeUnitNames() {
        var object: JSONObject = ["\u{E9}": 1]
        object["e\u{301}"] = 2
        #expect(object.count == 2)
        #expect(object["\u{E9}"] == 1)
        #expect(object["e\u{301}"] == 2)
        let composed: JSONObject = ["\u{E9}": 1]
        let decomposed: JSONObject = ["e\u{301}": 1]
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
    }

    @Test("compares members in order with ==")
    func equalityIsOrdered() {
        let ab: JSONObject = ["a": 1, "b": 2]
        let ba: JSONObject = ["b": 2, "a": 1]
        #expect(ab != ba)
        #expect(ab == ["a": 1, "b": 2])
        #expect(ab.hashValue == (["a": 1, "b": 2] as JSONObject).hashValue)
        #expect(JSONValue.object(ab).hasSameValue(as: .object(ba)))
    }

    @Test("compares values regardless of member order at every depth with hasSameValue")
    func sameValueIgnoresOrder() throws {
        let issued = try JSONObject(parsing: #"{"a":1.5e3,"b":{"c":1,"d":[1,{"e":0,"f":null}]}}"#)
        let rewritten = try JSONObject(parsing: #"{"b":{"d":[1.0,{"f":null,"e":-0}],"c":10e-1},"a":1500}"#)
        #expect(issued.hasSameValue(as: rewritten))
        #expect(rewritten.hasSameValue(as: issued))
        #expect(issued != rewritten)
        #expect(JSONObject().hasSameValue(as: JSONObject()))
        let arraysReordered = try JSONObject(parsing: #"{"a":1500,"b":{"c":1,"d":[{"e":0,"f":null},1]}}"#)
        #expect(!issued.hasSameValue(as: arraysReordered))
        let missing = try JSONObject(parsing: #"{"a":1500,"b":{"c":1}}"#)
        #expect(!issued.hasSameValue(as: missing))
        #expect(!missing.hasSameValue(as: issued))
        let renamed = try JSONObject(parsing: #"{"a":1500,"x":{"c":1,"d":[1,{"e":0,"f":null}]}}"#)
        #expect(!issued.hasSameValue(as: renamed))
    }

    @Test("compares values of objects past the indexing threshold")
    func sameValueLargeObjects() {
        var forward = JSONObject()
        var backward = JSONObject()
        for number in 0..<40 {
            forward["k\(number)"] = JSONValue(number)
            backward["k\(39 - number)"] = JSONValue(39 - number)
        }
        #expect(forward.hasSameValue(as: backward))
        backward["k7"] = JSONValue(8)
        #expect(!forward.hasSameValue(as: backward))
    }

    @Test("looks names up correctly as the object crosses the indexing threshold both ways")
    func indexThreshold() {
        var object = JSONObject()
        for number in 0..<40 {
            object["k\(number)"] = JSONValue(integerLiteral: Int64(number))
            for probe in 0...number {
                #expect(object.index(forName: "k\(probe)") == probe)
            }
            #expect(object["k\(number + 1)"] == nil)
        }
        object["k5"] = "five"
        #expect(object.index(forName: "k5") == 5)
        for number in stride(from: 0, to: 40, by: 2) {
            object.removeValue(forName: "k\(number)")
        }
        #expect(object.count == 20)
        for (position, number) in stride(from: 1, to: 40, by: 2).enumerated() {
            #expect(object.index(forName: "k\(number)") == position)
        }
        for number in stride(from: 1, to: 40, by: 2).prefix(10) {
            object["k\(number)"] = nil
        }
        #expect(object.names == stride(from: 21, to: 40, by: 2).map { "k\($0)" })
        #expect(object["k39"] == 39)
        #expect(object["k1"] == nil)
    }

    @Test("parses and looks up 100,000 members without quadratic cost")
    func largeObject() throws {
        let count = 100_000
        var text = "{"
        for number in 0..<count {
            text += number == 0 ? "" : ","
            text += #""member-\#(number)":\#(number)"#
        }
        text += "}"
        var options = JSONParsingOptions()
        options.maximumInputSize = 4 << 20
        let object = try JSONObject(parsing: Array(text.utf8), options: options)
        #expect(object.count == count)
        var found = 0
        for number in 0..<count where object["member-\(number)"]?.int64Value == Int64(number) {
            found += 1
        }
        #expect(found == count)
        #expect(object.serialized() == text)

        var edited = object
        edited["member-50000"] = "replaced"
        edited["extra"] = true
        #expect(edited.index(forName: "member-50000") == 50_000)
        #expect(edited.index(forName: "extra") == count)
        #expect(throws: JWTError.self) { try edited.append(name: "member-99999", value: nil) }
        edited.removeValue(forName: "member-99990")
        #expect(edited.index(forName: "member-99999") == 99_998)
    }

    @Test("builds a large object by subscript without quadratic cost")
    func largeObjectBySubscript() {
        var object = JSONObject()
        for number in 0..<50_000 {
            object["n\(number)"] = JSONValue(integerLiteral: Int64(number))
        }
        #expect(object.count == 50_000)
        #expect(object["n49999"] == 49_999)
        #expect(object.contains(name: "n0"))
    }

    @Test("describes itself as its compact JSON")
    func description() {
        let object: JSONObject = ["a": [1, "b"], "c": nil]
        #expect(object.description == #"{"a":[1,"b"],"c":null}"#)
        #expect(String(decoding: object.serializedBytes(), as: UTF8.self) == object.serialized())
        #expect(JSONObject().serialized() == "{}")
    }
}
