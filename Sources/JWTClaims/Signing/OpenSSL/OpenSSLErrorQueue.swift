internal import COpenSSL

/// OpenSSL's per-thread error queue, turned into `JWTError` reasons.
///
/// Every operation starts with ``clear()`` so that a stale entry left by an earlier call on the same thread can never
/// be blamed on this one, and every failure drains the whole queue (OpenSSL often pushes several entries, the first
/// one being the root cause) into the reason text. No OpenSSL error code leaves this file except as text.
enum OpenSSLErrorQueue {
    /// Forgets every pending error on the calling thread. Wraps `ERR_peek_error` and `ERR_clear_error`.
    ///
    /// The queue is almost always empty, and `ERR_clear_error` resets all sixteen of its slots whatever they hold
    /// (about 800 instructions in OpenSSL 3.0, a third of our whole overhead on an HMAC), so it runs only when a peek
    /// finds an entry.
    static func clear() {
        if ERR_peek_error() != 0 {
            ERR_clear_error()
        }
    }

    /// Removes every pending error on the calling thread and renders them, oldest first, separated by "; ".
    /// Returns "no OpenSSL error recorded" when the queue is empty. Wraps `ERR_get_error` and `ERR_error_string_n`.
    static func drain() -> String {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            // ERR_error_string_n always NUL-terminates within the buffer it is given (256 bytes is its documented
            // recommendation for a full message).
            let message = unsafe withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer in
                guard let base = buffer.baseAddress else { return "error 0x\(String(code, radix: 16))" }
                unsafe buffer.initialize(repeating: 0)
                unsafe ERR_error_string_n(code, base, buffer.count)
                return unsafe String(cString: base)
            }
            messages.append(message)
        }
        return messages.isEmpty ? "no OpenSSL error recorded" : messages.joined(separator: "; ")
    }

    /// A `JWTError` whose reason is `what` followed by the drained OpenSSL errors.
    static func failure(
        _ code: JWTError.Code,
        _ what: String,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(code: code, reason: "\(what) (OpenSSL: \(drain()))", fileID: fileID, line: line)
    }
}
