import JWTClaims

/// Indented JSON text (two spaces), for the committed copy of the OpenAPI document; scalars are written by the
/// package's own writer, so strings are escaped exactly as in the compact form.
enum PrettyJSON {
    /// `value` as indented text, without a final line feed.
    static func text(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: "", into: &output)
        return output
    }

    private static func write(_ value: JSONValue, indent: String, into output: inout String) {
        let inner = indent + "  "
        switch value {
        case .object(let object) where !object.isEmpty:
            output += "{\n"
            for (index, member) in object.enumerated() {
                output += inner + JSONValue.string(member.name).serialized() + ": "
                write(member.value, indent: inner, into: &output)
                output += index == object.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        case .array(let elements) where !elements.isEmpty:
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += inner
                write(element, indent: inner, into: &output)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        default:
            output += value.serialized()
        }
    }
}
