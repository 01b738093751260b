import Foundation
import Testing

@testable import jwt_claims

@Suite("InputSource")
struct InputSourceTests {
    /// Standard input's text and the single item it holds.
    struct Vector: CustomTestStringConvertible, Sendable {
        let input: String
        let item: String
        var testDescription: String { input.debugDescription }
    }

    @Test(
        "a single item on standard input loses exactly one trailing \\n or \\r\\n, nothing else",
        arguments: [
            Vector(input: "t", item: "t"), Vector(input: "t\n", item: "t"), Vector(input: "t\r\n", item: "t"),
            Vector(input: "t\n\n", item: "t\n"), Vector(input: "t \n", item: "t "), Vector(input: "t\r", item: "t\r"),
            Vector(input: " t\t", item: " t\t"), Vector(input: "\n", item: ""), Vector(input: "", item: ""),
        ]
    )
    func singleItem(_ vector: Vector) {
        #expect(InputSource.singleItem(Array(vector.input.utf8)) == Array(vector.item.utf8))
    }

    @Test("reads a file whole, refuses one over the limit, and names a missing file with the system's reason")
    func reading() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("claims.json", "0123456789")
        let source = InputSource(path, role: "claims file")
        #expect(source.label == "claims file '\(path)'")
        #expect(try source.readAll(limit: 10) == Array("0123456789".utf8))
        #expect(try source.read(limit: 9) == nil)
        let tooLarge = #expect(throws: CLIError.self) { _ = try source.readAll(limit: 9) }
        #expect(tooLarge?.message == "claims file '\(path)' is larger than 9 bytes")

        let missing = #expect(throws: CLIError.self) {
            _ = try InputSource(directory.path("absent"), role: "key file").readAll(limit: 10)
        }
        #expect(missing?.status == .badInput)
        #expect(missing?.message == "cannot read key file '\(directory.path("absent"))': No such file or directory")
        #expect(InputSource("-", role: "key file").label == "standard input")
    }
}
