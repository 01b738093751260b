/// The unkeyed container of ``JSONValueEncoder``: appends elements to an array.
struct JSONValueUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let builder: JSONArrayBuilder
    /// The path of the array itself.
    let path: CodingPath
    let context: EncodingContext

    var codingPath: [any CodingKey] { path.keys }

    var count: Int { builder.elements.count }

    mutating func encodeNil() {
        builder.append(.value(.null))
    }

    mutating func encode(_ value: Bool) throws(JWTError) { try box(value) }
    mutating func encode(_ value: String) throws(JWTError) { try box(value) }
    mutating func encode(_ value: Double) throws(JWTError) { try box(value) }
    mutating func encode(_ value: Float) throws(JWTError) { try box(value) }
    mutating func encode(_ value: Int) throws(JWTError) { try box(value) }
    mutating func encode(_ value: Int8) throws(JWTError) { try box(value) }
    mutating func encode(_ value: Int16) throws(JWTError) { try box(value) }
    mutating func encode(_ value: Int32) throws(JWTError) { try box(value) }
    mutating func encode(_ value: Int64) throws(JWTError) { try box(value) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128) throws(JWTError) { try box(value) }
    mutating func encode(_ value: UInt) throws(JWTError) { try box(value) }
    mutating func encode(_ value: UInt8) throws(JWTError) { try box(value) }
    mutating func encode(_ value: UInt16) throws(JWTError) { try box(value) }
    mutating func encode(_ value: UInt32) throws(JWTError) { try box(value) }
    mutating func encode(_ value: UInt64) throws(JWTError) { try box(value) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128) throws(JWTError) { try box(value) }

    mutating func encode<T: Encodable>(_ value: T) throws(JWTError) {
        let index = count
        builder.append(
            .value(try JSONValueEncoder.encode(value, at: { path.appending(index: index) }, context: context))
        )
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBuilder()
        let nestedPath = path.appending(index: count)
        builder.append(.object(nested))
        return KeyedEncodingContainer(
            JSONValueKeyedEncodingContainer<NestedKey>(builder: nested, path: nestedPath, context: context)
        )
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBuilder()
        let nestedPath = path.appending(index: count)
        builder.append(.array(nested))
        return JSONValueUnkeyedEncodingContainer(builder: nested, path: nestedPath, context: context)
    }

    /// An encoder whose value becomes the next element.
    mutating func superEncoder() -> any Encoder {
        let encoder = JSONValueEncoder(path: path.appending(index: count), context: context)
        builder.append(.encoder(encoder))
        return encoder
    }

    private func box(_ value: some JSONCodingPrimitive) throws(JWTError) {
        let index = count
        builder.append(.value(try JSONValueEncoder.box(value) { path.appending(index: index) }))
    }
}
