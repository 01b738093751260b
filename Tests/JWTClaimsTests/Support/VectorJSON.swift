import JWTClaims
import Testing

extension Vectors {
    /// `Resources/<path>` parsed with this library's own JSON parser (vector files are plain RFC 8259 JSON).
    static func json(_ path: String) throws -> JSONValue {
        var options = JSONParsingOptions()
        options.maximumInputSize = 4 << 20
        return try JSONValue(parsing: bytes(path), options: options)
    }
}

extension JSONValue {
    /// The member `name` of an object, or a test failure.
    func member(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        try #require(self[name], "missing member \"\(name)\"", sourceLocation: sourceLocation)
    }

    /// The string member `name`, or a test failure.
    func string(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(self[name]?.stringValue, "missing string \"\(name)\"", sourceLocation: sourceLocation)
    }

    /// The object member `name`, or a test failure.
    func object(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONObject {
        try #require(self[name]?.objectValue, "missing object \"\(name)\"", sourceLocation: sourceLocation)
    }

    /// The array member `name`, or a test failure.
    func array(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONValue] {
        try #require(self[name]?.arrayValue, "missing array \"\(name)\"", sourceLocation: sourceLocation)
    }
}
