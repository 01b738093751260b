/// The unkeyed container of ``JSONValueDecoder``: reads the elements of an array in order.
struct JSONValueUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    /// The path of the array itself.
    let path: CodingPath
    let userInfo: [CodingUserInfoKey: Any]
    private(set) var currentIndex = 0

    init(elements: [JSONValue], path: CodingPath, userInfo: [CodingUserInfoKey: Any]) {
        self.elements = elements
        self.path = path
        self.userInfo = userInfo
    }

    var codingPath: [any CodingKey] { path.keys }

    var count: Int? { elements.count }

    var isAtEnd: Bool { currentIndex >= elements.count }

    /// Consumes the current element if it is `null`; otherwise leaves it for the next `decode`.
    mutating func decodeNil() throws(JWTError) -> Bool {
        guard try current().isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws(JWTError) -> Bool { try unbox(type) }
    mutating func decode(_ type: String.Type) throws(JWTError) -> String { try unbox(type) }
    mutating func decode(_ type: Double.Type) throws(JWTError) -> Double { try unbox(type) }
    mutating func decode(_ type: Float.Type) throws(JWTError) -> Float { try unbox(type) }
    mutating func decode(_ type: Int.Type) throws(JWTError) -> Int { try unbox(type) }
    mutating func decode(_ type: Int8.Type) throws(JWTError) -> Int8 { try unbox(type) }
    mutating func decode(_ type: Int16.Type) throws(JWTError) -> Int16 { try unbox(type) }
    mutating func decode(_ type: Int32.Type) throws(JWTError) -> Int32 { try unbox(type) }
    mutating func decode(_ type: Int64.Type) throws(JWTError) -> Int64 { try unbox(type) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func decode(_ type: Int128.Type) throws(JWTError) -> Int128 { try unbox(type) }
    mutating func decode(_ type: UInt.Type) throws(JWTError) -> UInt { try unbox(type) }
    mutating func decode(_ type: UInt8.Type) throws(JWTError) -> UInt8 { try unbox(type) }
    mutating func decode(_ type: UInt16.Type) throws(JWTError) -> UInt16 { try unbox(type) }
    mutating func decode(_ type: UInt32.Type) throws(JWTError) -> UInt32 { try unbox(type) }
    mutating func decode(_ type: UInt64.Type) throws(JWTError) -> UInt64 { try unbox(type) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func decode(_ type: UInt128.Type) throws(JWTError) -> UInt128 { try unbox(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws(JWTError) -> T {
        let index = currentIndex
        let result = try JSONValueDecoder.decode(
            type,
            from: current(),
            at: { path.appending(index: index) },
            userInfo: userInfo
        )
        currentIndex += 1
        return result
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws(JWTError) -> KeyedDecodingContainer<NestedKey> {
        let container = try currentDecoder().container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws(JWTError) -> any UnkeyedDecodingContainer {
        let container = try currentDecoder().unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws(JWTError) -> any Decoder {
        let decoder = try currentDecoder()
        currentIndex += 1
        return decoder
    }

    /// The element at `currentIndex`; past the end is an error that says how many elements there are.
    private func current() throws(JWTError) -> JSONValue {
        guard currentIndex < elements.count else {
            throw .arrayExhausted(count: elements.count, at: path)
        }
        return elements[currentIndex]
    }

    private func currentDecoder() throws(JWTError) -> JSONValueDecoder {
        JSONValueDecoder(value: try current(), path: path.appending(index: currentIndex), userInfo: userInfo)
    }

    private mutating func unbox<T: JSONCodingPrimitive>(_ type: T.Type) throws(JWTError) -> T {
        let index = currentIndex
        let result = try JSONValueDecoder.unbox(current(), as: type) { path.appending(index: index) }
        currentIndex += 1
        return result
    }
}
