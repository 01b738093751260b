/// The keyed container of ``JSONValueDecoder``: reads the members of a ``JSONObject`` by `key.stringValue`.
///
/// Names are compared by UTF-8 code units, as JSON compares them. ``allKeys`` lists the members that `Key` can
/// represent, in the object's order, so a `[String: T]` is filled in document order.
struct JSONValueKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let decoder: JSONValueDecoder

    var codingPath: [any CodingKey] { decoder.path.keys }

    var allKeys: [Key] {
        object.compactMap { Key(stringValue: $0.name) }
    }

    func contains(_ key: Key) -> Bool {
        object.contains(name: key.stringValue)
    }

    func decodeNil(forKey key: Key) throws(JWTError) -> Bool {
        try member(key).isNull
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws(JWTError) -> Bool { try unbox(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws(JWTError) -> String { try unbox(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws(JWTError) -> Double { try unbox(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws(JWTError) -> Float { try unbox(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws(JWTError) -> Int { try unbox(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws(JWTError) -> Int8 { try unbox(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws(JWTError) -> Int16 { try unbox(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws(JWTError) -> Int32 { try unbox(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws(JWTError) -> Int64 { try unbox(type, key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: Int128.Type, forKey key: Key) throws(JWTError) -> Int128 { try unbox(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws(JWTError) -> UInt { try unbox(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws(JWTError) -> UInt8 { try unbox(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws(JWTError) -> UInt16 { try unbox(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws(JWTError) -> UInt32 { try unbox(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws(JWTError) -> UInt64 { try unbox(type, key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: UInt128.Type, forKey key: Key) throws(JWTError) -> UInt128 { try unbox(type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws(JWTError) -> T {
        try JSONValueDecoder.decode(type, from: member(key), at: { decoder.path.appending(key) }, userInfo: userInfo)
    }

    // The `decodeIfPresent` overloads look the member up once; the defaults would look it up three times.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws(JWTError) -> Bool? { try unboxIfPresent(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws(JWTError) -> String? {
        try unboxIfPresent(type, key)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws(JWTError) -> Double? {
        try unboxIfPresent(type, key)
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws(JWTError) -> Float? {
        try unboxIfPresent(type, key)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws(JWTError) -> Int? { try unboxIfPresent(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws(JWTError) -> Int8? { try unboxIfPresent(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws(JWTError) -> Int16? {
        try unboxIfPresent(type, key)
    }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws(JWTError) -> Int32? {
        try unboxIfPresent(type, key)
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws(JWTError) -> Int64? {
        try unboxIfPresent(type, key)
    }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws(JWTError) -> UInt? { try unboxIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws(JWTError) -> UInt8? {
        try unboxIfPresent(type, key)
    }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws(JWTError) -> UInt16? {
        try unboxIfPresent(type, key)
    }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws(JWTError) -> UInt32? {
        try unboxIfPresent(type, key)
    }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws(JWTError) -> UInt64? {
        try unboxIfPresent(type, key)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws(JWTError) -> T? {
        guard let value = lookUp(key.stringValue), !value.isNull else { return nil }
        return try JSONValueDecoder.decode(type, from: value, at: { decoder.path.appending(key) }, userInfo: userInfo)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws(JWTError) -> KeyedDecodingContainer<NestedKey> {
        try childDecoder(key, value: member(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws(JWTError) -> any UnkeyedDecodingContainer {
        try childDecoder(key, value: member(key)).unkeyedContainer()
    }

    /// A decoder for the `super` member; like Foundation's, it reads `null` when there is no such member.
    func superDecoder() -> any Decoder {
        childDecoder(JSONCodingKey.superKey, value: lookUp(JSONCodingKey.superKey.stringValue) ?? .null)
    }

    /// A decoder for the member named by `key`; like Foundation's, it reads `null` when there is no such member.
    func superDecoder(forKey key: Key) -> any Decoder {
        childDecoder(key, value: lookUp(key.stringValue) ?? .null)
    }

    private var userInfo: [CodingUserInfoKey: Any] { decoder.userInfo }

    /// The member named `name`, tried first at the position after the previous hit: a synthesized `init(from:)`
    /// asks for members in declaration order, which is usually the document's, so most look-ups compare one name.
    private func lookUp(_ name: String) -> JSONValue? {
        let hint = decoder.memberPositionHint
        if hint < object.endIndex, CodeUnitString.equal(object[hint].name, name) {
            decoder.memberPositionHint = hint + 1
            return object[hint].value
        }
        guard let position = object.index(forName: name) else { return nil }
        decoder.memberPositionHint = position + 1
        return object[position].value
    }

    /// The member named by `key`; a missing member is an error that names it.
    private func member(_ key: Key) throws(JWTError) -> JSONValue {
        guard let value = lookUp(key.stringValue) else {
            throw .missingMember(key.stringValue, at: decoder.path)
        }
        return value
    }

    private func childDecoder(_ key: some CodingKey, value: JSONValue) -> JSONValueDecoder {
        JSONValueDecoder(value: value, path: decoder.path.appending(key), userInfo: userInfo)
    }

    private func unbox<T: JSONCodingPrimitive>(_ type: T.Type, _ key: Key) throws(JWTError) -> T {
        try JSONValueDecoder.unbox(member(key), as: type) { decoder.path.appending(key) }
    }

    private func unboxIfPresent<T: JSONCodingPrimitive>(_ type: T.Type, _ key: Key) throws(JWTError) -> T? {
        guard let value = lookUp(key.stringValue), !value.isNull else { return nil }
        return try JSONValueDecoder.unbox(value, as: type) { decoder.path.appending(key) }
    }
}
