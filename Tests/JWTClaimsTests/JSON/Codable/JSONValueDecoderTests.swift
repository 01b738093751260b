import JWTClaims
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#endif

/// Decoding claims into `Decodable` types: ``JSONObject/decode(_:userInfo:)`` and ``JSONValue/decode(_:userInfo:)``.
@Suite("Decoding JSON values into Decodable types")
struct JSONValueDecoderTests {
    @Test("decodes a payload of registered and custom claims")
    func decodesPayload() throws {
        let claims = try JSONObject(parsing: TokenPayload.json.utf8)
        let payload = try claims.decode(TokenPayload.self)

        #expect(payload.iss == "https://issuer.example")
        #expect(payload.sub == "alice")
        #expect(payload.aud == ["api", "web"])
        #expect(payload.exp == Int64.max)
        #expect(payload.iat == 1_599_181_203)
        #expect(payload.tenant == TokenPayload.Tenant(id: 7, name: "acme"))
        #expect(payload.roles == [.admin, .member])
        #expect(payload.role == .member)
        #expect(payload.quota == UInt64.max)
        #expect(payload.balance == Int64.min)
        #expect(payload.score == 0.1)
        #expect(payload.admin)
        #expect(payload.limits == ["daily": 100, "monthly": 3000])
    }

    /// Twenty members, declared in the reverse of the order the test writes them in.
    struct ManyMembers: Decodable, Equatable {
        let m19: Int, m18: Int, m17: Int, m16: Int, m15: Int, m14: Int, m13: Int, m12: Int, m11: Int, m10: Int
        let m9: Int, m8: Int, m7: Int, m6: Int, m5: Int, m4: Int, m3: Int, m2: Int, m1: Int, m0: Int

        var values: [Int] {
            [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19]
        }
    }

    @Test("finds members whatever their order, in small and in indexed large objects")
    func findsMembersInAnyOrder() throws {
        var large = JSONObject()
        for index in 0..<20 {
            large["m\(index)"] = .number(JSONNumber(index))
        }
        #expect(try large.decode(ManyMembers.self).values == Array(0..<20))
        let small = try JSONObject(parsing: #"{"name":"acme","id":7}"#.utf8)
        #expect(try small.decode(TokenPayload.Tenant.self) == TokenPayload.Tenant(id: 7, name: "acme"))
    }

    @Test("decodes a present optional, and nil for an absent one and for null")
    func decodesOptionals() throws {
        let payload = try JSONObject(parsing: TokenPayload.json.utf8).decode(TokenPayload.self)
        #expect(payload.nickname == "ali")
        #expect(payload.nbf == nil)
        #expect(payload.jti == nil)
    }

    @Test("hands a JSONValue property the member unchanged: member order, nesting and number text")
    func passesJSONValueThrough() throws {
        let payload = try JSONObject(parsing: TokenPayload.json.utf8).decode(TokenPayload.self)
        let expected = try JSONValue(parsing: TokenPayload.extraJSON)
        #expect(payload.extra == expected)
        #expect(payload.extra.serialized() == TokenPayload.extraJSON)
    }

    @Test("hands a JSONNumber property the number as written")
    func passesJSONNumberThrough() throws {
        let payload = try JSONObject(parsing: TokenPayload.json.utf8).decode(TokenPayload.self)
        #expect(payload.precise.text == "1.5e3")
    }

    @Test("decodes a JSONObject, a JSONValue and a JSONNumber at the top level unchanged")
    func passesTopLevelValuesThrough() throws {
        let value = try JSONValue(parsing: #"{"z":1.0,"a":[true,null]}"#)
        #expect(try value.decode(JSONValue.self) == value)
        #expect(try value.decode(JSONObject.self) == value.objectValue)
        let number = JSONValue.number(try #require(JSONNumber("-0.0e-0")))
        #expect(try number.decode(JSONNumber.self).text == "-0.0e-0")
    }

    @Test("leaves claims the type does not declare in the object")
    func keepsUnknownClaims() throws {
        let claims = try JSONObject(parsing: TokenPayload.json.utf8)
        let before = claims
        _ = try claims.decode(TokenPayload.self)
        #expect(claims == before)
        #expect(claims["unknown"] == "kept")
    }

    @Test("fills a [String: Int] in document order and a [Int: String] from integer names")
    func decodesDictionaries() throws {
        let strings = try JSONValue(parsing: #"{"b":2,"a":1,"c":3}"#).decode([String: Int].self)
        #expect(strings == ["a": 1, "b": 2, "c": 3])
        let integers = try JSONValue(parsing: #"{"10":"ten","-2":"minus two"}"#).decode([Int: String].self)
        #expect(integers == [10: "ten", -2: "minus two"])
    }

    @Test("decodes arrays of optionals and nested arrays")
    func decodesArrays() throws {
        let values = try JSONValue(parsing: "[1,null,3]").decode([Int?].self)
        #expect(values == [1, nil, 3])
        let nested = try JSONValue(parsing: #"[["a"],[],["b","c"]]"#).decode([[String]].self)
        #expect(nested == [["a"], [], ["b", "c"]])
    }

    @Test("reports coding paths through objects and arrays to init(from:)")
    func reportsCodingPath() throws {
        let value = try JSONValue(parsing: #"{"items":[{"probe":{}}]}"#)
        let decoded = try value.decode([String: [[String: Probe]]].self)
        let probe = try #require(decoded["items"]?.first?["probe"])
        #expect(probe.path == "items/Index 0/probe")
    }

    @Test("offers userInfo to init(from:)")
    func offersUserInfo() throws {
        let key = try #require(Probe.userInfoKey)
        let probe = try JSONValue.null.decode(Probe.self, userInfo: [key: "context"])
        #expect(probe.userInfoValue == "context")
        #expect(try JSONValue.null.decode(Probe.self).userInfoValue == nil)
    }

    @Test("decodes a superclass from the super member through superDecoder()")
    func decodesSuperclassFromSuperMember() throws {
        let value = try JSONValue(parsing: #"{"scope":"all","super":{"id":4}}"#)
        let account = try value.decode(AdminAccount.self)
        #expect(account.scope == "all")
        #expect(account.id == 4)
    }

    @Test("decodes a superclass that shares the decoder")
    func decodesSuperclassSharingDecoder() throws {
        let account = try JSONValue(parsing: #"{"team":"red","id":9}"#).decode(MemberAccount.self)
        #expect(account.team == "red")
        #expect(account.id == 9)
    }

    /// Walks a document with every container operation, by hand.
    struct HandDecoded: Decodable {
        var keys: [String] = []
        var hasMissing = true
        var elementCount: Int?
        var readings: [String] = []

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: JSONCodingKeyForTests.self)
            keys = container.allKeys.map(\.stringValue)
            hasMissing = container.contains(.init(stringValue: "missing"))
            let isNull = try container.decodeNil(forKey: .init(stringValue: "n"))
            readings.append("n is null: \(isNull)")
            var list = try container.nestedUnkeyedContainer(forKey: .init(stringValue: "list"))
            elementCount = list.count
            while !list.isAtEnd {
                let index = list.currentIndex
                if try list.decodeNil() {
                    readings.append("\(index): null")
                } else if index == 1 {
                    let object = try list.nestedContainer(keyedBy: JSONCodingKeyForTests.self)
                    readings.append("\(index): k=\(try object.decode(Int.self, forKey: .init(stringValue: "k")))")
                } else if index == 2 {
                    var inner = try list.nestedUnkeyedContainer()
                    readings.append("\(index): [\(try inner.decode(String.self))]")
                } else {
                    let element = try list.superDecoder()
                    readings.append("\(index): \(try element.singleValueContainer().decode(Bool.self))")
                }
            }
            let object = try container.nestedContainer(
                keyedBy: JSONCodingKeyForTests.self,
                forKey: .init(stringValue: "o")
            )
            readings.append("o.x: \(try object.decodeIfPresent(String.self, forKey: .init(stringValue: "x")) ?? "nil")")
            let absent = try container.superDecoder(forKey: .init(stringValue: "absent"))
            readings.append("absent is null: \(try absent.singleValueContainer().decodeNil())")
        }
    }

    @Test("offers every container operation: allKeys, nested containers, decodeNil, superDecoder, counts")
    func offersContainerOperations() throws {
        let value = try JSONValue(parsing: #"{"o":{"x":null},"list":[null,{"k":5},["s"],true],"n":null}"#)
        let decoded = try value.decode(HandDecoded.self)
        #expect(decoded.keys == ["o", "list", "n"])
        #expect(!decoded.hasMissing)
        #expect(decoded.elementCount == 4)
        #expect(
            decoded.readings == [
                "n is null: true", "0: null", "1: k=5", "2: [s]", "3: true", "o.x: nil", "absent is null: true",
            ]
        )
    }

    @Test("decodes Int128 and UInt128 exactly at their limits")
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decodesWideIntegers() throws {
        let value = try JSONValue(
            parsing: "[170141183460469231731687303715884105727,-170141183460469231731687303715884105728]"
        )
        #expect(try value.decode([Int128].self) == [Int128.max, Int128.min])
        let unsigned = try JSONValue(parsing: "[340282366920938463463374607431768211455,1.5e3]")
        #expect(try unsigned.decode([UInt128].self) == [UInt128.max, 1500])
        let tooLarge = try JSONValue(parsing: "340282366920938463463374607431768211456")
        let error = #expect(throws: JWTError.self) { try tooLarge.decode(UInt128.self) }
        #expect(error?.code == .typeMismatch)
    }

    #if canImport(FoundationEssentials)
    struct DatedClaims: Codable, Equatable {
        let exp: Date
        let iat: Date
    }

    @Test("decodes Date from a NumericDate: seconds since 1970, whole or fractional")
    func decodesNumericDate() throws {
        let claims = try JSONObject(parsing: #"{"exp":1599181203,"iat":1599181203.5}"#.utf8).decode(DatedClaims.self)
        #expect(claims.exp == Date(timeIntervalSince1970: 1_599_181_203))
        #expect(claims.iat == Date(timeIntervalSince1970: 1_599_181_203.5))
    }
    #endif
}
