/// A value that ``JSONValueEncoder`` is still building.
///
/// Containers are handed to user code, which may keep adding to a nested container after handing it on, or fill a
/// `superEncoder()` later; so containers and super encoders stay references until the whole value is encoded, and
/// only ``build()`` turns the tree into a ``JSONValue``.
enum EncodedNode {
    /// A finished value.
    case value(JSONValue)
    /// An object that a keyed container is filling.
    case object(JSONObjectBuilder)
    /// An array that an unkeyed container is filling.
    case array(JSONArrayBuilder)
    /// Whatever a super encoder receives; an encoder that receives nothing stands for an empty object.
    case encoder(JSONValueEncoder)

    /// The finished JSON value. Recurses once per nested container, never deeper than the value being built.
    func build() -> JSONValue {
        switch self {
        case .value(let value):
            return value
        case .object(let builder):
            return .object(builder.build())
        case .array(let builder):
            return .array(builder.build())
        case .encoder(let encoder):
            return encoder.builtValue()
        }
    }
}
