/// The single-value container of ``JSONValueEncoder``: stores exactly one value.
struct JSONValueSingleValueEncodingContainer: SingleValueEncodingContainer {
    let encoder: JSONValueEncoder

    var codingPath: [any CodingKey] { encoder.path.keys }

    mutating func encodeNil() throws(JWTError) {
        try encoder.store(.null)
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
        try encoder.store(JSONValueEncoder.encode(value, at: { encoder.path }, context: encoder.context))
    }

    private func box(_ value: some JSONCodingPrimitive) throws(JWTError) {
        try encoder.store(JSONValueEncoder.box(value) { encoder.path })
    }
}
