import Testing

@testable import JWTClaims

@Suite("JSONValue nesting depth")
struct JSONValueNestingDepthTests {
    /// A JSON text and its nesting depth.
    struct Depth: CustomTestStringConvertible, Sendable {
        let text: String
        let depth: Int
        var testDescription: String { text }
    }

    @Test(
        "counts nested containers; a scalar is 0",
        arguments: [
            Depth(text: "1", depth: 0),
            Depth(text: #""text""#, depth: 0),
            Depth(text: "null", depth: 0),
            Depth(text: "[]", depth: 1),
            Depth(text: "{}", depth: 1),
            Depth(text: "[1,2,3]", depth: 1),
            Depth(text: "[[1]]", depth: 2),
            Depth(text: #"{"a":[{}]}"#, depth: 3),
            Depth(text: #"{"shallow":1,"deep":{"b":{"c":[[]]}},"last":[]}"#, depth: 5),
            Depth(text: #"[[],[[[]]],[]]"#, depth: 4),
        ]
    )
    func counts(_ vector: Depth) throws {
        let value = try JSONValue(parsing: vector.text)
        #expect(value.nestingDepth(limit: 32) == vector.depth)
        #expect(value.nestingDepth(limit: vector.depth) == vector.depth)
    }

    @Test("gives up past the limit with limit + 1")
    func stopsAtLimit() throws {
        let value = try JSONValue(parsing: #"{"a":{"b":{"c":{"d":[1]}}}}"#)
        #expect(value.nestingDepth(limit: 5) == 5)
        #expect(value.nestingDepth(limit: 4) == 5)
        #expect(value.nestingDepth(limit: 2) == 3)
        #expect(value.nestingDepth(limit: 0) == 1)
        #expect(JSONValue.null.nestingDepth(limit: 0) == 0)
    }

    @Test("measures a value deeper than the parser allows without recursing")
    func deepValue() {
        var value: JSONValue = []
        for _ in 1..<1000 {
            value = ["next": value]
        }
        #expect(value.nestingDepth(limit: Int.max) == 1000)
        #expect(value.nestingDepth(limit: 32) == 33)
    }
}
