// Factories for the errors of the Codable bridge. All set `typeMismatch`; each reason starts with the coding path
// where the problem is, `at "tenant.id": ...` or `at the top level: ...`.

extension JWTError {
    /// A JSON value that is not what the `Decodable` type asked for: sets ``Code/typeMismatch``.
    @inline(never)
    static func decodingMismatch(
        expected: String,
        found value: JSONValue,
        at path: CodingPath,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .typeMismatch,
            reason: "at \(path.quotedDescription): expected \(expected), found \(shortDescription(of: value))",
            fileID: fileID,
            line: line
        )
    }

    /// A member the `Decodable` type requires and the object lacks: sets ``Code/typeMismatch``.
    @inline(never)
    static func missingMember(
        _ name: String,
        at path: CodingPath,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .typeMismatch,
            reason: "at \(path.quotedDescription): missing member \(quoted(name))",
            fileID: fileID,
            line: line
        )
    }

    /// More elements asked of an array than it has: sets ``Code/typeMismatch``.
    @inline(never)
    static func arrayExhausted(
        count: Int,
        at path: CodingPath,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        let elements = count == 1 ? "1 element" : "\(count) elements"
        return JWTError(
            code: .typeMismatch,
            reason: "at \(path.quotedDescription): expected another element, but the array has only \(elements)",
            fileID: fileID,
            line: line
        )
    }

    /// A value JSON cannot represent, such as NaN: sets ``Code/typeMismatch``.
    @inline(never)
    static func unencodableValue(
        _ description: String,
        at path: CodingPath,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .typeMismatch,
            reason: "at \(path.quotedDescription): cannot encode \(description): JSON numbers must be finite",
            fileID: fileID,
            line: line
        )
    }

    /// An `encode(to:)` that uses the encoder against the `Encoder` contract, such as encoding two values into
    /// one single-value container: sets ``Code/typeMismatch``.
    @inline(never)
    static func encoderMisuse(
        _ problem: String,
        at path: CodingPath,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .typeMismatch,
            reason: "at \(path.quotedDescription): \(problem)",
            fileID: fileID,
            line: line
        )
    }

    /// A value that encoded to something other than the JSON object the caller needs: sets ``Code/typeMismatch``.
    @inline(never)
    static func encodedValueNotAnObject(
        _ typeName: String,
        found value: JSONValue,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .typeMismatch,
            reason:
                "at the top level: expected \(typeName) to encode to an object, found \(shortDescription(of: value))",
            fileID: fileID,
            line: line
        )
    }

    /// An error thrown by user code in `init(from:)` or `encode(to:)`: sets ``Code/typeMismatch`` and keeps the
    /// error as ``underlyingError``.
    ///
    /// The path is where the coder called that code, extended by the path a `DecodingError` or `EncodingError`
    /// reports below it; the reason includes the error's own description.
    @inline(never)
    static func userCodingFailure(
        _ error: any Error,
        typeName: String,
        isDecoding: Bool,
        at path: CodingPath,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        let (reportedPath, message) = describe(error)
        var location = path
        if let reportedPath, reportedPath.count > path.count {
            location = path.appending(contentsOf: reportedPath.dropFirst(path.count))
        }
        let method = isDecoding ? "init(from:)" : "encode(to:)"
        return JWTError(
            code: .typeMismatch,
            reason: "at \(location.quotedDescription): \(typeName).\(method) threw: \(message)",
            underlyingError: error,
            fileID: fileID,
            line: line
        )
    }

    /// The coding path a standard coding error reports, if any, and the message to show for the error.
    ///
    /// The message is the thrower's text, and that text often holds the data (the standard library's raw-value enums
    /// say "Cannot initialize Role from invalid String value <the claim's value>"), so it is quoted as untrusted text,
    /// with a longer cap than a name.
    private static func describe(_ error: any Error) -> (path: [any CodingKey]?, message: String) {
        let messageLimit = 256
        if let error = error as? DecodingError {
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                return (context.codingPath, quoted(context.debugDescription, limit: messageLimit))
            case .keyNotFound(let key, let context):
                return (context.codingPath, "missing key \(quoted(key.stringValue))")
            @unknown default:
                return (nil, quoted(String(describing: error), limit: messageLimit))
            }
        }
        if let error = error as? EncodingError {
            switch error {
            case .invalidValue(_, let context):
                return (context.codingPath, quoted(context.debugDescription, limit: messageLimit))
            @unknown default:
                return (nil, quoted(String(describing: error), limit: messageLimit))
            }
        }
        return (nil, quoted(String(describing: error), limit: messageLimit))
    }

    /// A JSON value for an error reason: scalars as JSON text (strings quoted as untrusted text), containers by kind.
    private static func shortDescription(of value: JSONValue) -> String {
        switch value {
        case .null, .bool, .number:
            return value.serialized()
        case .string(let string):
            return "the string \(quoted(string))"
        case .array, .object:
            return value.kindDescription
        }
    }
}
