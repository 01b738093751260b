import Testing

@testable import JWTClaims

@Suite("DecimalValue")
struct DecimalValueTests {
    private func value(_ text: String) throws -> DecimalValue {
        DecimalValue(validatedText: try #require(JSONNumber(text)).text)
    }

    @Test("converts to an integer of any width exactly, or not at all")
    func exactIntegers() throws {
        #expect(try value("127").exactInteger(as: Int8.self) == 127)
        #expect(try value("128").exactInteger(as: Int8.self) == nil)
        #expect(try value("-128").exactInteger(as: Int8.self) == -128)
        #expect(try value("-129").exactInteger(as: Int8.self) == nil)
        #expect(try value("2.55e2").exactInteger(as: UInt8.self) == 255)
        #expect(try value("256").exactInteger(as: UInt8.self) == nil)
        #expect(try value("-1").exactInteger(as: UInt8.self) == nil)
        #expect(try value("-0").exactInteger(as: UInt8.self) == 0)
        #expect(try value("-0.000e7").exactInteger(as: Int8.self) == 0)
        #expect(try value("1.5").exactInteger(as: Int64.self) == nil)
        #expect(try value("1e999999").exactInteger(as: UInt64.self) == nil)
        #expect(try value("1e-999999").exactInteger(as: UInt64.self) == nil)
        #expect(try value("-9223372036854775808").exactInteger(as: Int64.self) == .min)
        #expect(try value("18446744073709551615").exactInteger(as: UInt64.self) == .max)
        #expect(try value("18446744073709551616").exactInteger(as: UInt64.self) == nil)
        #expect(try value("1844674407370955161.5e1").exactInteger(as: UInt64.self) == .max)
        #expect(try value("1844674407370955161.6e1").exactInteger(as: UInt64.self) == nil)
    }

    @Test("converts at the limits of Int128 and UInt128")
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func wideIntegers() throws {
        #expect(try value("-170141183460469231731687303715884105728").exactInteger(as: Int128.self) == .min)
        #expect(try value("-170141183460469231731687303715884105729").exactInteger(as: Int128.self) == nil)
        #expect(try value("170141183460469231731687303715884105727").exactInteger(as: Int128.self) == .max)
        #expect(try value("340282366920938463463374607431768211455").exactInteger(as: UInt128.self) == .max)
        #expect(try value("340282366920938463463374607431768211456").exactInteger(as: UInt128.self) == nil)
        #expect(
            try value("3.4e38").exactInteger(as: UInt128.self) == 340_000_000_000_000_000_000_000_000_000_000_000_000
        )
    }
}
