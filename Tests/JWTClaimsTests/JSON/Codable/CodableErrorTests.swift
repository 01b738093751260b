import Foundation
import JWTClaims
import Testing

/// Every failure of the Codable bridge is a ``JWTError`` with code `typeMismatch` and a reason naming the path.
@Suite("Codable bridge failures")
struct CodableErrorTests {
    struct Level: Codable, Equatable {
        let level: Int8
    }

    struct Account: Codable, Equatable {
        let tenant: TokenPayload.Tenant
    }

    struct Roles: Codable, Equatable {
        let roles: [String]
    }

    struct Subject: Codable, Equatable {
        let sub: String
    }

    struct Wide: Codable, Equatable {
        let id: Int64
    }

    struct Scores: Codable, Equatable {
        let scores: [String: Double]
    }

    /// JSON that does not fit a type, and the exact reason the error must give.
    struct FailureVector: CustomTestStringConvertible, Sendable {
        let label: String
        let json: String
        let decode: @Sendable (JSONValue) throws(JWTError) -> Void
        let reason: String
        var testDescription: String { label }

        init<T: Decodable & Sendable>(_ label: String, _ json: String, as type: T.Type, reason: String) {
            self.label = label
            self.json = json
            decode = { (value: JSONValue) throws(JWTError) in _ = try value.decode(T.self) }
            self.reason = reason
        }
    }

    static let decodingFailures: [FailureVector] = [
        FailureVector(
            "a number where a string belongs",
            #"{"sub":42}"#,
            as: Subject.self,
            reason: #"at "sub": expected a string, found 42"#
        ),
        FailureVector(
            "null where a string belongs",
            #"{"sub":null}"#,
            as: Subject.self,
            reason: #"at "sub": expected a string, found null"#
        ),
        FailureVector(
            "a missing member",
            #"{"name":"alice"}"#,
            as: Subject.self,
            reason: #"at the top level: missing member "sub""#
        ),
        FailureVector(
            "a missing nested member",
            #"{"tenant":{"name":"acme"}}"#,
            as: Account.self,
            reason: #"at "tenant": missing member "id""#
        ),
        FailureVector(
            "300 into Int8",
            #"{"level":300}"#,
            as: Level.self,
            reason: #"at "level": expected an integer that fits Int8, found 300"#
        ),
        FailureVector(
            "a fraction into Int32",
            #"{"tenant":{"id":1.5,"name":"acme"}}"#,
            as: Account.self,
            reason: #"at "tenant.id": expected an integer that fits Int32, found 1.5"#
        ),
        FailureVector(
            "2^63 into Int64",
            #"{"id":9223372036854775808}"#,
            as: Wide.self,
            reason: #"at "id": expected an integer that fits Int64, found 9223372036854775808"#
        ),
        FailureVector(
            "a wrong array element",
            #"{"roles":["admin",true]}"#,
            as: Roles.self,
            reason: #"at "roles[1]": expected a string, found true"#
        ),
        FailureVector(
            "a string where an array belongs",
            #"{"roles":"admin"}"#,
            as: Roles.self,
            reason: #"at "roles": expected an array, found the string "admin""#
        ),
        FailureVector(
            "an array where an object belongs",
            #"[{"sub":"a"}]"#,
            as: Subject.self,
            reason: #"at the top level: expected an object, found an array"#
        ),
        FailureVector(
            "a number beyond Double in a dictionary",
            #"{"scores":{"math":1e400}}"#,
            as: Scores.self,
            reason: #"at "scores.math": expected a number that fits Double, found 1e400"#
        ),
        FailureVector(
            "a wrong element deep inside arrays",
            #"[[1],[2,"x"]]"#,
            as: [[Int]].self,
            reason: #"at "[1][1]": expected an integer that fits Int, found the string "x""#
        ),
        FailureVector(
            "a string into JSONNumber",
            #"{"value":"1"}"#,
            as: Box<JSONNumber>.self,
            reason: #"at "value": expected a number, found the string "1""#
        ),
        FailureVector(
            "an array into JSONObject",
            #"{"value":[]}"#,
            as: Box<JSONObject>.self,
            reason: #"at "value": expected an object, found an array"#
        ),
    ]

    @Test("rejects JSON that does not fit the type", arguments: decodingFailures)
    func rejectsMismatches(vector: FailureVector) throws {
        let value = try JSONValue(parsing: vector.json)
        let error = #expect(throws: JWTError.self) { try vector.decode(value) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason == vector.reason)
        #expect(error?.underlyingError == nil)
    }

    @Test("rejects Decimal, whose own Codable format is not a JSON number, with an error rather than a crash")
    func rejectsDecimal() throws {
        let error = #expect(throws: JWTError.self) {
            try JSONValue(parsing: #"{"value":1.5}"#).decode(Box<Decimal>.self)
        }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason == #"at "value": expected an object, found 1.5"#)
    }

    @Test("wraps the error of a raw-value enum's init(from:), keeping it as the underlying error")
    func wrapsRawValueEnumError() throws {
        let value = try JSONValue(parsing: #"{"value":"guest"}"#)
        let error = #expect(throws: JWTError.self) { try value.decode(Box<TokenPayload.Role>.self) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.underlyingError is DecodingError)
        // The path is where the enum was decoded; the message is the enum's own.
        let reason = try #require(error?.reason)
        #expect(reason.hasPrefix(#"at "value": Role.init(from:) threw: "#))
        #expect(reason.contains("guest"))
    }

    @Test("wraps an error thrown by a user's init(from:), keeping it as the underlying error")
    func wrapsUserDecodingError() throws {
        let value = try JSONValue(parsing: #"{"value":{"x":1}}"#)
        let error = #expect(throws: JWTError.self) { try value.decode(Box<AlwaysThrows>.self) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.underlyingError as? AlwaysThrows.Failure == AlwaysThrows.Failure(message: "refused to decode"))
        let reason = try #require(error?.reason)
        #expect(reason.hasPrefix(#"at "value": AlwaysThrows.init(from:) threw: "#))
        #expect(reason.contains("refused to decode"))
    }

    @Test("wraps an error thrown by a user's encode(to:), keeping it as the underlying error")
    func wrapsUserEncodingError() throws {
        let error = #expect(throws: JWTError.self) { try JSONValue(encoding: ["a": [AlwaysThrows()]]) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.underlyingError as? AlwaysThrows.Failure == AlwaysThrows.Failure(message: "refused to encode"))
        let reason = try #require(error?.reason)
        #expect(reason.hasPrefix(#"at "a[0]": AlwaysThrows.encode(to:) threw: "#))
    }

    /// Reads three elements from an array, to run past the end of a short one.
    struct Triple: Decodable {
        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            for _ in 0..<3 {
                _ = try container.decode(Int.self)
            }
        }
    }

    @Test("rejects reading past the end of an array, saying how long it is")
    func rejectsReadingPastTheEnd() throws {
        let value = try JSONValue(parsing: #"{"value":[1,2]}"#)
        let error = #expect(throws: JWTError.self) { try value.objectValue?["value"]?.decode(Triple.self) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason == "at the top level: expected another element, but the array has only 2 elements")
    }

    @Test("rejects a value that does not encode to an object where an object is needed")
    func rejectsNonObjectForJSONObject() {
        let error = #expect(throws: JWTError.self) { try JSONObject(encoding: [1, 2]) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason == "at the top level: expected Array<Int> to encode to an object, found an array")
    }

    /// Encodes two values into one single-value container.
    struct TwoSingleValues: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(1)
            try container.encode(2)
        }
    }

    /// Asks for an unkeyed container, then a keyed one, from the same encoder.
    struct MixedContainers: Encodable {
        func encode(to encoder: any Encoder) throws {
            var array = encoder.unkeyedContainer()
            try array.encode(1)
            var object = encoder.container(keyedBy: JSONCodingKeyForTests.self)
            try object.encode(2, forKey: JSONCodingKeyForTests(stringValue: "b"))
        }
    }

    @Test("rejects two values in one single-value container instead of crashing")
    func rejectsTwoSingleValues() {
        let error = #expect(throws: JWTError.self) { try JSONValue(encoding: ["value": [TwoSingleValues()]]) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason == #"at "value[0]": encoded a single value after encoding a single value"#)
    }

    @Test("rejects a keyed container after an unkeyed one instead of crashing")
    func rejectsMixedContainers() {
        let error = #expect(throws: JWTError.self) { try JSONValue(encoding: ["m": MixedContainers()]) }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason == #"at "m": asked for a keyed container after asking for an unkeyed container"#)
    }
}

/// A coding key for hand-written `encode(to:)` in tests.
struct JSONCodingKeyForTests: CodingKey {
    let stringValue: String
    let intValue: Int? = nil

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
