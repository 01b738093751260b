extension JSONObject {
    /// Decodes this object as `T`, straight from the object: no JSON text, no Foundation.
    ///
    /// The rules are those of ``JSONValue/decode(_:userInfo:)``. Members that `T` does not ask for, such as
    /// claims another party added, are ignored and stay in the object.
    ///
    /// ```swift
    /// let claims = try JSONObject(parsing: payloadBytes)
    /// let payload = try claims.decode(Payload.self)
    /// ```
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - userInfo: What the decoder's `userInfo` offers to `init(from:)` implementations.
    /// - Returns: The decoded value.
    /// - Throws: ``JWTError/Code/typeMismatch`` for every failure, with a reason that names the coding path.
    public func decode<T: Decodable>(
        _ type: T.Type = T.self,
        userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) throws(JWTError) -> T {
        try JSONValueDecoder.decode(type, from: .object(self), userInfo: userInfo)
    }

    /// Encodes a value that must become a JSON object, such as a struct of claims.
    ///
    /// The rules are those of ``JSONValue/init(encoding:userInfo:)``: members come in the order they are encoded,
    /// which for a synthesized `encode(to:)` is the order the properties are declared in.
    ///
    /// ```swift
    /// let claims = try JSONObject(encoding: Payload(sub: "alice", exp: 1599181203, tenant: nil))
    /// claims.serialized()   // {"sub":"alice","exp":1599181203}
    /// ```
    ///
    /// - Parameters:
    ///   - value: The value to encode.
    ///   - userInfo: What the encoder's `userInfo` offers to `encode(to:)` implementations.
    /// - Throws: ``JWTError/Code/typeMismatch`` if the value encodes to something other than an object, and for
    ///   the failures listed at ``JSONValue/init(encoding:userInfo:)``.
    public init(encoding value: some Encodable, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws(JWTError) {
        let encoded = try JSONValueEncoder.encode(value, userInfo: userInfo)
        guard case .object(let object) = encoded else {
            throw .encodedValueNotAnObject(String(describing: type(of: value)), found: encoded)
        }
        self = object
    }
}
