extension JSONValue: Codable {
    /// Decodes any JSON value.
    ///
    /// Through ``JSONValue/decode(_:userInfo:)`` the value is handed over exactly as it is, numbers with their text
    /// and objects with their order. Through another decoder, such as Foundation's `JSONDecoder`, the value is
    /// rebuilt from what that decoder reports: `null`, a boolean, a string, a number (as `Int64`, `UInt64` or,
    /// failing both, `Double`), an array, or an object whose members come in the order of the decoder's `allKeys`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: The decoder's error if the value is none of these.
    public init(from decoder: any Decoder) throws {
        if let decoder = decoder as? JSONValueDecoder {
            self = decoder.value
            return
        }
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() {
                self = .null
                return
            }
            if let bool = try? container.decode(Bool.self) {
                self = .bool(bool)
                return
            }
            if let string = try? container.decode(String.self) {
                self = .string(string)
                return
            }
            if let number = try? container.decode(JSONNumber.self) {
                self = .number(number)
                return
            }
        }
        if var container = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            if let count = container.count {
                elements.reserveCapacity(count)
            }
            while !container.isAtEnd {
                elements.append(try container.decode(JSONValue.self))
            }
            self = .array(elements)
            return
        }
        self = .object(try JSONObject(from: decoder))
    }

    /// Encodes the value.
    ///
    /// Through ``JSONValue/init(encoding:userInfo:)`` the value is stored exactly as it is. Through another encoder
    /// it is written with that encoder's containers; numbers go as described in ``JSONNumber/encode(to:)``.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: The encoder's errors, and `EncodingError.invalidValue` for a number beyond `Double`'s range.
    public func encode(to encoder: any Encoder) throws {
        if let encoder = encoder as? JSONValueEncoder {
            try encoder.store(self)
            return
        }
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let bool):
            var container = encoder.singleValueContainer()
            try container.encode(bool)
        case .string(let string):
            var container = encoder.singleValueContainer()
            try container.encode(string)
        case .number(let number):
            try number.encode(to: encoder)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements {
                try container.encode(element)
            }
        case .object(let object):
            try object.encode(to: encoder)
        }
    }
}

extension JSONValue: JSONCodingPrimitive {
    static var expectedDescription: String { "any JSON value" }

    static func decoded(from json: JSONValue) -> JSONValue? {
        json
    }

    func encodedJSONValue() -> JSONValue? {
        self
    }
}
