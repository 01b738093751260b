// Factories for the errors of the JSON layer. Each reason names the problem and ends with "at offset N", the byte
// offset (from the start of the parsed input) at which the parser found it.

extension JWTError {
    /// Input that is not strict RFC 8259 JSON: sets ``Code/invalidJSON``.
    @inline(never)
    static func invalidJSON(
        _ problem: String,
        at offset: Int,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .invalidJSON,
            reason: "\(problem) at offset \(offset)",
            offset: offset,
            fileID: fileID,
            line: line
        )
    }

    /// An object that names a member twice: sets ``Code/duplicateMember``; the offset is the second occurrence's.
    @inline(never)
    static func duplicateMember(
        _ name: String,
        at offset: Int?,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        let location = offset.map { " at offset \($0)" } ?? ""
        return JWTError(
            code: .duplicateMember,
            reason: "duplicate member name \(quoted(name))\(location)",
            offset: offset,
            fileID: fileID,
            line: line
        )
    }

    /// Input over one of the ``JSONParsingOptions`` bounds: sets ``Code/limitExceeded``.
    @inline(never)
    static func jsonLimitExceeded(
        _ problem: String,
        at offset: Int,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .limitExceeded,
            reason: "\(problem) at offset \(offset)",
            offset: offset,
            fileID: fileID,
            line: line
        )
    }

    /// Well-formed JSON of another type than the one required: sets ``Code/typeMismatch``.
    @inline(never)
    static func jsonTypeMismatch(
        expected: String,
        found: String,
        at offset: Int,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .typeMismatch,
            reason: "expected \(expected), found \(found) at offset \(offset)",
            offset: offset,
            fileID: fileID,
            line: line
        )
    }
}
