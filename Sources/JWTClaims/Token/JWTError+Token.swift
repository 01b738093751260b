extension JWTError {
    /// A header that is not a JSON object or has a member of the wrong type.
    @inline(never)
    static func invalidHeader(_ reason: String, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(code: .invalidHeader, reason: reason, fileID: fileID, line: line)
    }

    /// A token that is not a compact JWS: empty, not three segments, or an empty segment.
    @inline(never)
    static func malformedToken(
        _ reason: String,
        offset: Int? = nil,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(code: .malformedToken, reason: reason, offset: offset, fileID: fileID, line: line)
    }

    /// Re-anchors an error raised while decoding one segment to the whole token: the offset becomes the token
    /// offset, and the reason names the segment.
    @inline(never)
    static func inSegment(_ segment: String, startingAt start: Int, _ error: JWTError) -> JWTError {
        let tokenOffset = error.offset.map { $0 + start }
        let location = tokenOffset.map { " (token offset \($0))" } ?? ""
        return JWTError(
            code: error.code,
            reason: "in the \(segment) segment: \(error.reason)\(location)",
            offset: tokenOffset,
            underlyingError: error.underlyingError
        )
    }

    /// Names the segment whose decoded JSON was bad; the offset stays an offset in the decoded JSON.
    @inline(never)
    static func inDecodedSegment(_ segment: String, _ error: JWTError) -> JWTError {
        JWTError(
            code: error.code,
            reason: "in the decoded \(segment) JSON: \(error.reason)",
            offset: error.offset,
            underlyingError: error.underlyingError
        )
    }

    /// A token longer than the limit, refused before it is copied or parsed.
    @inline(never)
    static func tokenTooLarge(byteCount: Int, limit: Int, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(
            code: .limitExceeded,
            reason: "the token is \(byteCount) bytes; the limit is \(limit)",
            fileID: fileID,
            line: line
        )
    }

    /// A token that would be longer than the limit, refused before it is signed.
    @inline(never)
    static func tokenWouldBeTooLarge(
        byteCount: Int,
        limit: Int,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .tokenTooLarge,
            reason: "the token would be \(byteCount) bytes; the limit is \(limit)",
            fileID: fileID,
            line: line
        )
    }
}
