extension JSONObject: Codable {
    /// Decodes a JSON object.
    ///
    /// Through ``JSONValue/decode(_:userInfo:)`` the object is handed over exactly as it is. Through another
    /// decoder it is rebuilt member by member, in the order of that decoder's `allKeys`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A ``JWTError`` with code ``JWTError/Code/typeMismatch`` from this library's decoder, or the other
    ///   decoder's error, if the value is not an object.
    public init(from decoder: any Decoder) throws {
        if let decoder = decoder as? JSONValueDecoder {
            self = try JSONValueDecoder.unbox(decoder.value, as: JSONObject.self) { decoder.path }
            return
        }
        let container = try decoder.container(keyedBy: JSONCodingKey.self)
        self.init()
        for key in container.allKeys {
            self[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
    }

    /// Encodes the object, members in order.
    ///
    /// Through ``JSONValue/init(encoding:userInfo:)`` the object is stored exactly as it is; through another
    /// encoder, member by member with a keyed container.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: The encoder's errors.
    public func encode(to encoder: any Encoder) throws {
        if let encoder = encoder as? JSONValueEncoder {
            try encoder.store(.object(self))
            return
        }
        var container = encoder.container(keyedBy: JSONCodingKey.self)
        for member in self {
            try container.encode(member.value, forKey: JSONCodingKey(stringValue: member.name))
        }
    }
}

extension JSONObject: JSONCodingPrimitive {
    static var expectedDescription: String { "an object" }

    static func decoded(from json: JSONValue) -> JSONObject? {
        json.objectValue
    }

    func encodedJSONValue() -> JSONValue? {
        .object(self)
    }
}
