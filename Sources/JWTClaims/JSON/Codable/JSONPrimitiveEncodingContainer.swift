/// The per-type `encode(_:)` overloads that `SingleValueEncodingContainer` and `UnkeyedEncodingContainer` both
/// require, written once: each hands its value to ``encodePrimitive(_:)``, which the container implements.
///
/// The two standard protocols spell the same requirements; the keyed container's carry a key and stay its own.
/// These witnesses are chosen at compile time for the concrete container, exactly as members written in it would
/// be, so they cost nothing. `Int128` and `UInt128` stay in each container: the standard library gives those two
/// requirements default implementations, and a default from this protocol would be an ambiguous second one.
protocol JSONPrimitiveEncodingContainer {
    /// Stores the JSON of a primitive value where this container puts its next value.
    mutating func encodePrimitive(_ value: some JSONCodingPrimitive) throws(JWTError)
}

extension JSONPrimitiveEncodingContainer {
    mutating func encode(_ value: Bool) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: String) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: Double) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: Float) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: Int) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: Int8) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: Int16) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: Int32) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: Int64) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: UInt) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: UInt8) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: UInt16) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: UInt32) throws(JWTError) { try encodePrimitive(value) }
    mutating func encode(_ value: UInt64) throws(JWTError) { try encodePrimitive(value) }
}
