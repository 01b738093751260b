import JWTClaims
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#endif

/// Building claims from `Encodable` values: ``JSONObject/init(encoding:userInfo:)`` and
/// ``JSONValue/init(encoding:userInfo:)``.
@Suite("Encoding Encodable values as JSON values")
struct JSONValueEncoderTests {
    static let payload = TokenPayload(
        iss: "https://issuer.example",
        sub: "alice",
        aud: ["api", "web"],
        exp: Int64.max,
        nbf: nil,
        iat: 1_599_181_203,
        jti: nil,
        nickname: "ali",
        tenant: TokenPayload.Tenant(id: 7, name: "acme"),
        roles: [.admin, .member],
        role: .member,
        quota: UInt64.max,
        balance: Int64.min,
        score: 0.1,
        admin: true,
        limits: ["daily": 100],
        extra: ["b": [1, ["c": nil]], "a": JSONValue.number(JSONNumber("1.50") ?? 0)],
        precise: JSONNumber("1.5e3") ?? 0
    )

    @Test("writes members in declaration order and leaves out nil optionals")
    func keepsDeclarationOrder() throws {
        let claims = try JSONObject(encoding: Self.payload)
        #expect(
            claims.names == [
                "iss", "sub", "aud", "exp", "iat", "nickname", "tenant", "roles", "role", "quota", "balance",
                "score", "admin", "limits", "extra", "precise",
            ]
        )
        #expect(claims["tenant"]?.objectValue?.names == ["id", "name"])
    }

    @Test("writes the exact JSON text of a payload")
    func writesExactText() throws {
        let claims = try JSONObject(encoding: Self.payload)
        let expected = """
            {"iss":"https://issuer.example","sub":"alice","aud":["api","web"],"exp":9223372036854775807,\
            "iat":1599181203,"nickname":"ali","tenant":{"id":7,"name":"acme"},"roles":["admin","member"],\
            "role":"member","quota":18446744073709551615,"balance":-9223372036854775808,"score":0.1,\
            "admin":true,"limits":{"daily":100},"extra":{"b":[1,{"c":null}],"a":1.50},"precise":1.5e3}
            """
        #expect(claims.serialized() == expected)
    }

    /// Encodes `a`, `b`, a `null` through `encodeNil`, `a` again, nothing for `d`, then a nested array as `b`.
    struct RepeatedKey: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONCodingKeyForTests.self)
            try container.encode(1, forKey: JSONCodingKeyForTests(stringValue: "a"))
            try container.encode("two", forKey: JSONCodingKeyForTests(stringValue: "b"))
            try container.encodeNil(forKey: JSONCodingKeyForTests(stringValue: "c"))
            try container.encode(3, forKey: JSONCodingKeyForTests(stringValue: "a"))
            try container.encodeIfPresent(Int?.none, forKey: JSONCodingKeyForTests(stringValue: "d"))
            var list = container.nestedUnkeyedContainer(forKey: JSONCodingKeyForTests(stringValue: "b"))
            try list.encode(2)
        }
    }

    @Test("replaces a key encoded twice in place, writes encodeNil as null and omits encodeIfPresent(nil)")
    func replacesRepeatedKeyInPlace() throws {
        #expect(try JSONValue(encoding: RepeatedKey()).serialized() == #"{"a":3,"b":[2],"c":null}"#)
    }

    /// Fills nested containers after encoding later members, and asks twice for the same nested container.
    struct NestedContainers: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONCodingKeyForTests.self)
            var tenant = container.nestedContainer(keyedBy: JSONCodingKeyForTests.self, forKey: .init(stringValue: "t"))
            var list = container.nestedUnkeyedContainer(forKey: .init(stringValue: "l"))
            try container.encode(true, forKey: .init(stringValue: "z"))
            try tenant.encode(7, forKey: .init(stringValue: "id"))
            try list.encode("x")
            var inner = list.nestedContainer(keyedBy: JSONCodingKeyForTests.self)
            var innerList = list.nestedUnkeyedContainer()
            try inner.encode(1.5, forKey: .init(stringValue: "k"))
            try innerList.encodeNil()
            var sameTenant = container.nestedContainer(
                keyedBy: JSONCodingKeyForTests.self,
                forKey: .init(stringValue: "t")
            )
            try sameTenant.encode("acme", forKey: .init(stringValue: "name"))
        }
    }

    @Test("keeps nested containers at the position they were asked for, filled later")
    func fillsNestedContainersLater() throws {
        let value = try JSONValue(encoding: NestedContainers())
        #expect(value.serialized() == #"{"t":{"id":7,"name":"acme"},"l":["x",{"k":1.5},[null]],"z":true}"#)
    }

    @Test("encodes a superclass into the super member through superEncoder()")
    func encodesSuperclassIntoSuperMember() throws {
        let value = try JSONValue(encoding: AdminAccount(id: 4, scope: "all"))
        #expect(value.serialized() == #"{"scope":"all","super":{"id":4}}"#)
    }

    @Test("encodes a superclass that shares the encoder into the same object")
    func encodesSuperclassSharingEncoder() throws {
        let value = try JSONValue(encoding: MemberAccount(id: 9, team: "red"))
        #expect(value.serialized() == #"{"team":"red","id":9}"#)
    }

    /// Uses `superEncoder(forKey:)` and an unkeyed container's `superEncoder()`.
    struct SuperEncoders: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONCodingKeyForTests.self)
            let named = container.superEncoder(forKey: .init(stringValue: "base"))
            var list = container.nestedUnkeyedContainer(forKey: .init(stringValue: "list"))
            let element = list.superEncoder()
            try list.encode(2)
            try "named".encode(to: named)
            try [true].encode(to: element)
            _ = container.superEncoder(forKey: .init(stringValue: "empty"))
        }
    }

    @Test("writes what super encoders receive, even after later members, and {} for one that receives nothing")
    func writesSuperEncoders() throws {
        let value = try JSONValue(encoding: SuperEncoders())
        #expect(value.serialized() == #"{"base":"named","list":[[true],2],"empty":{}}"#)
    }

    @Test("writes a [String: Int] in the dictionary's iteration order")
    func writesDictionaryInIterationOrder() throws {
        let dictionary = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5]
        let object = try JSONObject(encoding: dictionary)
        #expect(object.names == Array(dictionary.keys))
        #expect(object.names.map { object[$0] } == dictionary.values.map { JSONValue.number(JSONNumber($0)) })
    }

    @Test("writes a [Int: String] with the integers' text as names")
    func writesIntegerKeyedDictionary() throws {
        let object = try JSONObject(encoding: [10: "ten"])
        #expect(object.serialized() == #"{"10":"ten"}"#)
        #expect(try object.decode([Int: String].self) == [10: "ten"])
    }

    @Test("stores JSONValue, JSONObject and JSONNumber unchanged")
    func storesOwnTypesUnchanged() throws {
        let value = try JSONValue(parsing: #"{"z":[1.0e0,-0],"a":{}}"#)
        #expect(try JSONValue(encoding: value) == value)
        #expect(try JSONValue(encoding: [value]).serialized() == #"[{"z":[1.0e0,-0],"a":{}}]"#)
        let object = try #require(value.objectValue)
        #expect(try JSONObject(encoding: object) == object)
        #expect(try JSONValue(encoding: JSONNumber("1E+2")).serialized() == "1E+2")
    }

    @Test("writes an empty object for a value that encodes nothing")
    func writesEmptyObjectForNothing() throws {
        struct Nothing: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
        #expect(try JSONValue(encoding: Nothing()).serialized() == "{}")
        #expect(try JSONValue(encoding: [Nothing()]).serialized() == "[{}]")
    }

    @Test("reports coding paths and userInfo to encode(to:)")
    func reportsCodingPathAndUserInfo() throws {
        let key = try #require(Probe.userInfoKey)
        let probe = Probe(path: "", userInfoValue: nil)
        let value = try JSONValue(encoding: ["items": [["probe": probe]]], userInfo: [key: "context"])
        #expect(value.serialized() == #"{"items":[{"probe":"items/Index 0/probe context"}]}"#)
        #expect(try JSONValue(encoding: probe).serialized() == #"" -""#)
    }

    #if canImport(FoundationEssentials)
    @Test("writes Date as a NumericDate: whole seconds as an integer, else the shortest fraction")
    func writesNumericDate() throws {
        let dates = [
            Date(timeIntervalSince1970: 1_599_181_203),
            Date(timeIntervalSince1970: 1_599_181_203.5),
            Date(timeIntervalSince1970: -1),
        ]
        let value = try JSONValue(encoding: dates)
        #expect(value.serialized() == "[1599181203,1599181203.5,-1]")
        #expect(try value.decode([Date].self) == dates)
    }

    @Test("rejects a Date that is not finite")
    func rejectsNonFiniteDate() {
        let error = #expect(throws: JWTError.self) {
            try JSONValue(encoding: ["exp": Date(timeIntervalSinceReferenceDate: .infinity)])
        }
        #expect(error?.code == .typeMismatch)
        #expect(error?.reason.hasPrefix(#"at "exp": cannot encode the Date"#) == true)
    }
    #endif
}
