/// The keyed container of ``JSONValueEncoder``: adds members to an object under `key.stringValue`.
///
/// Members keep the order in which their keys are first encoded (a synthesized `encode(to:)` encodes in
/// declaration order). Encoding a key again replaces the earlier value in place. `encodeIfPresent` with `nil`
/// adds nothing, as in Foundation; `encodeNil` adds `null`.
struct JSONValueKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: JSONObjectBuilder
    /// The path of the object itself.
    let path: CodingPath
    let context: EncodingContext

    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil(forKey key: Key) {
        builder.set(.value(.null), forName: key.stringValue)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: String, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws(JWTError) { try box(value, key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws(JWTError) { try box(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws(JWTError) { try box(value, key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws(JWTError) { try box(value, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws(JWTError) {
        let json = try JSONValueEncoder.encode(value, at: { path.appending(key) }, context: context)
        builder.set(.value(json), forName: key.stringValue)
    }

    /// A container for an object under `key`; asking twice for the same key adds to the same object.
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested: JSONObjectBuilder
        if case .object(let existing)? = builder[key.stringValue] {
            nested = existing
        } else {
            nested = JSONObjectBuilder()
            builder.set(.object(nested), forName: key.stringValue)
        }
        return KeyedEncodingContainer(
            JSONValueKeyedEncodingContainer<NestedKey>(builder: nested, path: path.appending(key), context: context)
        )
    }

    /// A container for an array under `key`; asking twice for the same key adds to the same array.
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested: JSONArrayBuilder
        if case .array(let existing)? = builder[key.stringValue] {
            nested = existing
        } else {
            nested = JSONArrayBuilder()
            builder.set(.array(nested), forName: key.stringValue)
        }
        return JSONValueUnkeyedEncodingContainer(builder: nested, path: path.appending(key), context: context)
    }

    /// An encoder whose value becomes the `super` member, as in Foundation.
    mutating func superEncoder() -> any Encoder {
        superEncoder(named: JSONCodingKey.superKey)
    }

    /// An encoder whose value becomes the member named by `key`.
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(named: key)
    }

    private func superEncoder(named key: some CodingKey) -> any Encoder {
        let encoder = JSONValueEncoder(path: path.appending(key), context: context)
        builder.set(.encoder(encoder), forName: key.stringValue)
        return encoder
    }

    private func box(_ value: some JSONCodingPrimitive, _ key: Key) throws(JWTError) {
        builder.set(.value(try JSONValueEncoder.box(value) { path.appending(key) }), forName: key.stringValue)
    }
}
