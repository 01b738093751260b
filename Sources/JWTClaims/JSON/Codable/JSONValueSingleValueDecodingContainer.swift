/// The single-value container of ``JSONValueDecoder``: reads the decoder's whole value.
struct JSONValueSingleValueDecodingContainer: SingleValueDecodingContainer {
    let decoder: JSONValueDecoder

    var codingPath: [any CodingKey] { decoder.path.keys }

    func decodeNil() -> Bool {
        decoder.value.isNull
    }

    func decode(_ type: Bool.Type) throws(JWTError) -> Bool { try unbox(type) }
    func decode(_ type: String.Type) throws(JWTError) -> String { try unbox(type) }
    func decode(_ type: Double.Type) throws(JWTError) -> Double { try unbox(type) }
    func decode(_ type: Float.Type) throws(JWTError) -> Float { try unbox(type) }
    func decode(_ type: Int.Type) throws(JWTError) -> Int { try unbox(type) }
    func decode(_ type: Int8.Type) throws(JWTError) -> Int8 { try unbox(type) }
    func decode(_ type: Int16.Type) throws(JWTError) -> Int16 { try unbox(type) }
    func decode(_ type: Int32.Type) throws(JWTError) -> Int32 { try unbox(type) }
    func decode(_ type: Int64.Type) throws(JWTError) -> Int64 { try unbox(type) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: Int128.Type) throws(JWTError) -> Int128 { try unbox(type) }
    func decode(_ type: UInt.Type) throws(JWTError) -> UInt { try unbox(type) }
    func decode(_ type: UInt8.Type) throws(JWTError) -> UInt8 { try unbox(type) }
    func decode(_ type: UInt16.Type) throws(JWTError) -> UInt16 { try unbox(type) }
    func decode(_ type: UInt32.Type) throws(JWTError) -> UInt32 { try unbox(type) }
    func decode(_ type: UInt64.Type) throws(JWTError) -> UInt64 { try unbox(type) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: UInt128.Type) throws(JWTError) -> UInt128 { try unbox(type) }

    func decode<T: Decodable>(_ type: T.Type) throws(JWTError) -> T {
        try JSONValueDecoder.decode(type, from: decoder.value, at: decoder.path, userInfo: decoder.userInfo)
    }

    private func unbox<T: JSONCodingPrimitive>(_ type: T.Type) throws(JWTError) -> T {
        try JSONValueDecoder.unbox(decoder.value, as: type) { decoder.path }
    }
}
