extension JSONValue {
    /// Decodes this value as `T`, straight from the value: no JSON text, no Foundation.
    ///
    /// ```swift
    /// struct Payload: Decodable {
    ///     let sub: String
    ///     let exp: Int64
    ///     let tenant: Tenant?
    /// }
    /// let payload = try claims.decode(Payload.self)
    /// ```
    ///
    /// How JSON meets Swift types:
    /// - **Integers are exact.** `Int`, `Int8` to `Int64`, `Int128` and their unsigned partners accept a number
    ///   whose value is an integer in range, read without `Double`: `1.5e3` decodes as `1500`, `1.5` does not
    ///   decode as `Int`, 2^63 does not fit `Int64` but fits `UInt64`.
    /// - **`Double` and `Float`** get the correctly rounded nearest value; a number beyond their finite range is an
    ///   error. `Decimal` is not supported (the library does not use Foundation): decode a ``JSONNumber`` to get
    ///   the exact text.
    /// - **``JSONValue``, ``JSONObject`` and ``JSONNumber`` pass through unchanged**, so a property of one of these
    ///   types receives the member exactly as written, nested values, member order and number text included.
    /// - **`Date`** is a NumericDate: a number of seconds since 1970 (RFC 7519 section 2), not Foundation's default
    ///   of seconds since 2001. Only where `FoundationEssentials` can be imported.
    /// - **Other Foundation types** use their own `Codable` format, not the strategies of Foundation's `JSONDecoder`:
    ///   a `URL` expects an object (`{"relative": …}`), so declare a URL-valued claim such as `iss` as `String`.
    /// - **Optionals**: a synthesized `init(from:)` reads an optional property with `decodeIfPresent`, which gives
    ///   `nil` for a missing member and for `null` alike.
    /// - **Dictionaries**: a `[String: V]` receives every member; a `[Int: V]` requires names that are integers.
    ///   Swift dictionaries are unordered, so the members' order is lost: decode a ``JSONObject`` to keep it.
    /// - Members the type does not ask for are ignored; decoding never changes the value.
    /// - `superDecoder()` reads the member `super`, and reads `null` if there is none, as Foundation's does.
    ///
    /// Inside a type's own `init(from:)`, the containers throw ``JWTError`` rather than `DecodingError`.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - userInfo: What the decoder's `userInfo` offers to `init(from:)` implementations.
    /// - Returns: The decoded value.
    /// - Throws: ``JWTError/Code/typeMismatch`` for every failure, with a reason that names the coding path, such
    ///   as `at "tenant.id": expected an integer that fits Int32, found 1.5` or
    ///   `at "tenant": missing member "id"`. An error thrown by a type's own `init(from:)` is wrapped the same way,
    ///   and kept as ``JWTError/underlyingError``.
    public func decode<T: Decodable>(
        _ type: T.Type = T.self,
        userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) throws(JWTError) -> T {
        try JSONValueDecoder.decode(type, from: self, userInfo: userInfo)
    }

    /// Encodes a value as JSON, straight into a ``JSONValue``: no JSON text, no Foundation.
    ///
    /// ```swift
    /// let value = try JSONValue(encoding: Tenant(id: 7, name: "acme"))
    /// value.serialized()   // {"id":7,"name":"acme"}
    /// ```
    ///
    /// How Swift values become JSON:
    /// - **Member order is the order of encoding**; a synthesized `encode(to:)` encodes properties in
    ///   declaration order. Encoding the same key twice replaces the earlier value in place.
    /// - **Integers** become exact integer text. **`Double` and `Float`** get the shortest text that reads back as
    ///   the same value; whole values keep a fraction (`1500.0`), as ``JSONNumber/init(_:)-(Double)`` writes them.
    ///   NaN and the infinities are an error: JSON has no such numbers.
    /// - **``JSONValue``, ``JSONObject`` and ``JSONNumber``** are stored unchanged.
    /// - **`Date`** becomes a NumericDate: seconds since 1970, an integer when whole (`1599181203`). Only where
    ///   `FoundationEssentials` can be imported.
    /// - **Other Foundation types** use their own `Codable` format, not the strategies of Foundation's `JSONEncoder`:
    ///   a `URL` becomes `{"relative": …}` and `Data` an array of numbers. Encode `url.absoluteString` or a
    ///   Base64URL string instead.
    /// - **Optionals**: a synthesized `encode(to:)` leaves out a `nil` property (`encodeIfPresent`), as Foundation
    ///   does; `encodeNil` writes `null`.
    /// - **Dictionaries**: `[String: V]` becomes an object in the dictionary's iteration order, which Swift does
    ///   not define and which changes between runs. When member order matters, as it does for a token's bytes,
    ///   encode a struct or a ``JSONObject`` instead. `[Int: V]` becomes an object whose names are the integers'
    ///   text, as in Foundation.
    /// - A value whose `encode(to:)` encodes nothing becomes an empty object.
    /// - `superEncoder()` writes the member `super`, as Foundation's does.
    ///
    /// - Parameters:
    ///   - value: The value to encode.
    ///   - userInfo: What the encoder's `userInfo` offers to `encode(to:)` implementations.
    /// - Throws: ``JWTError/Code/typeMismatch`` for a non-finite number, for an `encode(to:)` that breaks the
    ///   `Encoder` contract (two values in one single-value container, a keyed container where an unkeyed one was
    ///   already taken), and for an error thrown by a type's own `encode(to:)`, kept as
    ///   ``JWTError/underlyingError``. Each reason names the coding path.
    public init(encoding value: some Encodable, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws(JWTError) {
        self = try JSONValueEncoder.encode(value, userInfo: userInfo)
    }
}
