internal import COpenSSL

/// Comparison of secret-derived bytes in time that does not depend on where they differ.
enum OpenSSLConstantTime {
    /// Whether `lhs` and `rhs` hold the same bytes, in time that depends only on their lengths (which are public:
    /// digests of a fixed size). Wraps `CRYPTO_memcmp`.
    static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard !lhs.isEmpty else { return true }
        return unsafe lhs.withUnsafeBytes { left in
            unsafe rhs.withUnsafeBytes { right in
                // Both buffers are non-empty, so their base addresses are non-nil; CRYPTO_memcmp reads `count`
                // bytes of each and returns 0 only when all are equal.
                unsafe CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }
}
