/// An `Encoder` that builds a ``JSONValue`` directly: no JSON text, no Foundation.
///
/// Primitives are converted exactly (see ``JSONCodingPrimitive``): integers become integer text, floating-point
/// numbers their shortest round-trip text, and ``JSONValue``, ``JSONObject`` and ``JSONNumber`` are stored
/// unchanged. Keyed containers keep members in the order their keys are first encoded; encoding a key again
/// replaces its value in place. A value that encodes nothing at all becomes an empty object, as in Foundation.
///
/// Every failure is a ``JWTError`` with code ``JWTError/Code/typeMismatch`` whose reason names the coding path:
/// a non-finite number, a misuse of the `Encoder` contract (which Foundation's encoder answers with a crash), or
/// an error thrown by a type's own `encode(to:)`, which is wrapped with the original kept as
/// ``JWTError/underlyingError``.
final class JSONValueEncoder: Encoder {
    /// Where the value being encoded sits in the document.
    let path: CodingPath
    let context: EncodingContext
    /// What has been encoded here so far: nothing, a single value, or the container that was asked for.
    private var storage: EncodedNode?

    init(path: CodingPath, context: EncodingContext) {
        self.path = path
        self.context = context
    }

    var codingPath: [any CodingKey] { path.keys }

    var userInfo: [CodingUserInfoKey: Any] { context.userInfo }

    /// Encodes a whole value: the entry point of ``JSONValue/init(encoding:userInfo:)``.
    static func encode<T: Encodable>(
        _ value: T,
        userInfo: [CodingUserInfoKey: any Sendable]
    ) throws(JWTError) -> JSONValue {
        let context = EncodingContext(userInfo: userInfo.isEmpty ? [:] : userInfo.mapValues { $0 as Any })
        let result = try encode(value, at: { .root }, context: context)
        if let misuse = context.firstMisuse {
            throw misuse
        }
        return result
    }

    /// Encodes `value`, converting primitives itself and calling `value.encode(to:)` for everything else.
    ///
    /// The path is a closure so that encoding an element of an array of strings or numbers builds no path node
    /// unless it fails.
    static func encode<T: Encodable>(
        _ value: T,
        at path: () -> CodingPath,
        context: EncodingContext
    ) throws(JWTError) -> JSONValue {
        if let primitive = value as? any JSONCodingPrimitive {
            return try box(primitive, at: path)
        }
        let location = path()
        let encoder = JSONValueEncoder(path: location, context: context)
        do {
            try value.encode(to: encoder)
        } catch let error as JWTError {
            throw error
        } catch {
            throw .userCodingFailure(error, typeName: String(describing: T.self), isDecoding: false, at: location)
        }
        return encoder.builtValue()
    }

    /// The JSON for a primitive, or an error for a value JSON cannot represent.
    static func box(_ primitive: some JSONCodingPrimitive, at path: () -> CodingPath) throws(JWTError) -> JSONValue {
        guard let json = primitive.encodedJSONValue() else {
            throw .unencodableValue("the \(type(of: primitive)) \(primitive)", at: path())
        }
        return json
    }

    /// What this encoder received, finished; an empty object if it received nothing.
    func builtValue() -> JSONValue {
        storage?.build() ?? .object(JSONObject())
    }

    /// Stores a single value; a second value, or a value after a container, is an error.
    func store(_ value: JSONValue) throws(JWTError) {
        if let storage {
            throw .encoderMisuse("encoded a single value after \(Self.kindDescription(of: storage))", at: path)
        }
        storage = .value(value)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let builder: JSONObjectBuilder
        switch storage {
        case nil:
            builder = JSONObjectBuilder()
            storage = .object(builder)
        case .object(let existing)?:
            // Asking again, as a subclass calling `super.encode(to:)` with the same encoder does, adds to the
            // same object.
            builder = existing
        case let other?:
            context.recordMisuse(
                .encoderMisuse("asked for a keyed container after \(Self.kindDescription(of: other))", at: path)
            )
            builder = JSONObjectBuilder()
        }
        return KeyedEncodingContainer(
            JSONValueKeyedEncodingContainer<Key>(builder: builder, path: path, context: context)
        )
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let builder: JSONArrayBuilder
        switch storage {
        case nil:
            builder = JSONArrayBuilder()
            storage = .array(builder)
        case .array(let existing)?:
            builder = existing
        case let other?:
            context.recordMisuse(
                .encoderMisuse("asked for an unkeyed container after \(Self.kindDescription(of: other))", at: path)
            )
            builder = JSONArrayBuilder()
        }
        return JSONValueUnkeyedEncodingContainer(builder: builder, path: path, context: context)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONValueSingleValueEncodingContainer(encoder: self)
    }

    private static func kindDescription(of node: EncodedNode) -> String {
        switch node {
        case .value: "encoding a single value"
        case .object: "asking for a keyed container"
        case .array: "asking for an unkeyed container"
        case .encoder: "handing out a super encoder"
        }
    }
}
