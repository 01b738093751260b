/// A `Decoder` that reads a ``JSONValue`` tree directly: no JSON text, no Foundation.
///
/// Scalars come from the value's exact representation (see ``JSONCodingPrimitive``): integers never go through
/// `Double`, ``JSONValue``, ``JSONObject`` and ``JSONNumber`` are handed over unchanged, and `Date` is read as a
/// NumericDate. Every failure is a ``JWTError`` with code ``JWTError/Code/typeMismatch`` whose reason names the
/// coding path; an error thrown by a type's own `init(from:)` is wrapped the same way, with the original kept as
/// ``JWTError/underlyingError``.
///
/// Decoding consumes nothing: members that the type does not ask for are simply not read. Recursion follows the
/// value's own nesting, which the parser has already bounded.
final class JSONValueDecoder: Decoder {
    /// The value this decoder reads.
    let value: JSONValue
    /// Where `value` sits in the document.
    let path: CodingPath
    let userInfo: [CodingUserInfoKey: Any]
    /// Where the keyed container of this decoder expects the next member; only a hint for the look-up.
    var memberPositionHint = 0

    init(value: JSONValue, path: CodingPath, userInfo: [CodingUserInfoKey: Any]) {
        self.value = value
        self.path = path
        self.userInfo = userInfo
    }

    var codingPath: [any CodingKey] { path.keys }

    /// Decodes a whole value as `T`: the entry point of ``JSONValue/decode(_:userInfo:)``.
    static func decode<T: Decodable>(
        _ type: T.Type,
        from value: JSONValue,
        userInfo: [CodingUserInfoKey: any Sendable]
    ) throws(JWTError) -> T {
        let userInfo = userInfo.isEmpty ? [:] : userInfo.mapValues { $0 as Any }
        return try decode(type, from: value, at: .root, userInfo: userInfo)
    }

    /// Decodes `value` as `T`, converting primitives itself and calling `T.init(from:)` for everything else.
    ///
    /// The path is a closure so that decoding an element of an array of strings or numbers builds no path node
    /// unless it fails.
    static func decode<T: Decodable>(
        _ type: T.Type,
        from value: JSONValue,
        at path: () -> CodingPath,
        userInfo: [CodingUserInfoKey: Any]
    ) throws(JWTError) -> T {
        if let primitiveType = T.self as? any JSONCodingPrimitive.Type {
            guard let decoded = primitiveType.decoded(from: value), let result = decoded as? T else {
                throw .decodingMismatch(expected: primitiveType.expectedDescription, found: value, at: path())
            }
            return result
        }
        let location = path()
        let decoder = JSONValueDecoder(value: value, path: location, userInfo: userInfo)
        do {
            return try T(from: decoder)
        } catch let error as JWTError {
            throw error
        } catch {
            throw .userCodingFailure(error, typeName: String(describing: T.self), isDecoding: true, at: location)
        }
    }

    /// Decodes `value` as `T` at a path that is already built.
    static func decode<T: Decodable>(
        _ type: T.Type,
        from value: JSONValue,
        at path: CodingPath,
        userInfo: [CodingUserInfoKey: Any]
    ) throws(JWTError) -> T {
        try decode(type, from: value, at: { path }, userInfo: userInfo)
    }

    /// Converts `value` to the primitive `T`, or reports what was expected and found.
    static func unbox<T: JSONCodingPrimitive>(
        _ value: JSONValue,
        as type: T.Type,
        at path: () -> CodingPath
    ) throws(JWTError) -> T {
        guard let result = T.decoded(from: value) else {
            throw .decodingMismatch(expected: T.expectedDescription, found: value, at: path())
        }
        return result
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws(JWTError) -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw .decodingMismatch(expected: "an object", found: value, at: path)
        }
        return KeyedDecodingContainer(JSONValueKeyedDecodingContainer<Key>(object: object, decoder: self))
    }

    func unkeyedContainer() throws(JWTError) -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw .decodingMismatch(expected: "an array", found: value, at: path)
        }
        return JSONValueUnkeyedDecodingContainer(elements: elements, path: path, userInfo: userInfo)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        JSONValueSingleValueDecodingContainer(decoder: self)
    }
}
