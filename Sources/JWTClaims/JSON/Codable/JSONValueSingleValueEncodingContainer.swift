/// The single-value container of ``JSONValueEncoder``: stores exactly one value.
struct JSONValueSingleValueEncodingContainer: SingleValueEncodingContainer, JSONPrimitiveEncodingContainer {
    let encoder: JSONValueEncoder

    var codingPath: [any CodingKey] { encoder.path.keys }

    mutating func encodeNil() throws(JWTError) {
        try encoder.store(.null)
    }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128) throws(JWTError) { try encodePrimitive(value) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128) throws(JWTError) { try encodePrimitive(value) }

    mutating func encode<T: Encodable>(_ value: T) throws(JWTError) {
        try encoder.store(JSONValueEncoder.encode(value, at: { encoder.path }, context: encoder.context))
    }

    func encodePrimitive(_ value: some JSONCodingPrimitive) throws(JWTError) {
        try encoder.store(JSONValueEncoder.box(value) { encoder.path })
    }
}
