/// Any JSON value as a Codable enum: what a Foundation user writes to decode claims whose types are not known ahead,
/// the way jwt-kit's `JWTHeaderField` does.
///
/// Decoding tries the cheap `decodeNil()` first and then the types in the order claims use them most (string,
/// integer, number, bool, object, array), because every failed `decode(_:)` throws and a thrown error is expensive.
/// Like every such enum it is lossy: numbers become `Int64` or `Double` and object member order is not kept.
public enum AnyCodableEnum: Codable, Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number that fits `Int64`.
    case integer(Int64)
    /// Any other number, rounded to `Double`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([AnyCodableEnum])
    /// An object; member order is lost.
    case object([String: AnyCodableEnum])

    /// Decodes whichever JSON value the decoder holds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode([String: AnyCodableEnum].self) {
            self = .object(value)
        } else {
            self = .array(try container.decode([AnyCodableEnum].self))
        }
    }

    /// Encodes the value as the JSON value it holds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
