extension JSONNumber: Codable {
    /// Decodes a JSON number.
    ///
    /// Through ``JSONValue/decode(_:userInfo:)`` the number keeps its exact text (`1.5e3` stays `1.5e3`). Another
    /// decoder, such as Foundation's `JSONDecoder`, hands over only a value: the number is then made from it as an
    /// `Int64`, a `UInt64` or, failing both, a `Double`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A ``JWTError`` with code ``JWTError/Code/typeMismatch`` from this library's decoder, or the other
    ///   decoder's error, if the value is not a number.
    public init(from decoder: any Decoder) throws {
        if let decoder = decoder as? JSONValueDecoder {
            self = try JSONValueDecoder.unbox(decoder.value, as: JSONNumber.self) { decoder.path }
            return
        }
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            self.init(integer)
        } else if let integer = try? container.decode(UInt64.self) {
            self.init(integer)
        } else if let number = JSONNumber(try container.decode(Double.self)) {
            self = number
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a non-finite number is not JSON")
        }
    }

    /// Encodes the number.
    ///
    /// Through ``JSONValue/init(encoding:userInfo:)`` the exact text is stored. Another encoder accepts only
    /// Swift numbers, so the number goes as an `Int64` or `UInt64` when its value is an integer in range, and as
    /// the nearest `Double` otherwise.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: The encoder's errors, and `EncodingError.invalidValue` for a number beyond `Double`'s range.
    public func encode(to encoder: any Encoder) throws {
        if let encoder = encoder as? JSONValueEncoder {
            try encoder.store(.number(self))
            return
        }
        var container = encoder.singleValueContainer()
        if let integer = int64Value {
            try container.encode(integer)
        } else if let integer = uint64Value {
            try container.encode(integer)
        } else if let double = doubleValue {
            try container.encode(double)
        } else {
            throw EncodingError.invalidValue(
                self,
                EncodingError.Context(
                    codingPath: encoder.codingPath,
                    debugDescription: "\(text) is beyond the range of Double"
                )
            )
        }
    }
}

extension JSONNumber: JSONCodingPrimitive {
    static var expectedDescription: String { "a number" }

    static func decoded(from json: JSONValue) -> JSONNumber? {
        json.numberValue
    }

    func encodedJSONValue() -> JSONValue? {
        .number(self)
    }
}
