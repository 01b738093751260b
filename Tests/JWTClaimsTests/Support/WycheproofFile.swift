import JWTClaims
import Testing

/// A Wycheproof vector file (C2SP `testvectors_v1`), read with this library's JSON parser: its groups and tests.
struct WycheproofFile {
    /// One test of a group.
    struct Test {
        let tcId: Int
        let comment: String
        /// `valid`, `invalid` or `acceptable`.
        let result: String
        let flags: [String]
        let json: JSONValue

        /// The hex member `name` as bytes.
        func hex(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
            try hexBytes(json.string(name, sourceLocation: sourceLocation), sourceLocation: sourceLocation)
        }

        /// For messages.
        var label: String { "tcId \(tcId) (\(result), \(comment), \(flags))" }
    }

    /// One group: its members and tests.
    struct Group {
        let json: JSONValue
        let tests: [Test]
    }

    let numberOfTests: Int
    let groups: [Group]

    /// Every test of every group, with its group.
    var tests: [(group: Group, test: Test)] {
        groups.flatMap { group in group.tests.map { (group, $0) } }
    }

    /// Reads `wycheproof/testvectors_v1/<name>`.
    init(_ name: String) throws {
        let file = try Vectors.json("wycheproof/testvectors_v1/\(name)")
        numberOfTests = Int(try #require(file["numberOfTests"]?.int64Value))
        groups = try file.array("testGroups").map { group in
            Group(
                json: group,
                tests: try group.array("tests").map { test in
                    Test(
                        tcId: Int(try #require(test["tcId"]?.int64Value)),
                        comment: test["comment"]?.stringValue ?? "",
                        result: try test.string("result"),
                        flags: (test["flags"]?.arrayValue ?? []).compactMap(\.stringValue),
                        json: test
                    )
                }
            )
        }
    }
}
