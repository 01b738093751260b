/// The unkeyed container of ``JSONValueEncoder``: appends elements to an array.
struct JSONValueUnkeyedEncodingContainer: UnkeyedEncodingContainer, JSONPrimitiveEncodingContainer {
    let builder: JSONArrayBuilder
    /// The path of the array itself.
    let path: CodingPath
    let context: EncodingContext

    var codingPath: [any CodingKey] { path.keys }

    var count: Int { builder.elements.count }

    mutating func encodeNil() {
        builder.append(.value(.null))
    }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128) throws(JWTError) { try encodePrimitive(value) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128) throws(JWTError) { try encodePrimitive(value) }

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

    func encodePrimitive(_ value: some JSONCodingPrimitive) throws(JWTError) {
        let index = count
        builder.append(.value(try JSONValueEncoder.box(value) { path.appending(index: index) }))
    }
}
