internal import COpenSSL

/// Random bytes from OpenSSL.
///
/// Refresh tokens and JWT IDs take their randomness from OpenSSL's `RAND_bytes` rather than the standard library's
/// `SystemRandomNumberGenerator`: both are CSPRNGs seeded by the kernel (getrandom on Linux), but `RAND_bytes`
/// reports a failure as a return value, which becomes a typed ``JWTError``, where the standard library traps; and
/// OpenSSL's generator is the one that already makes this library's keys, so there is one source of randomness to
/// audit. OpenSSL 3 reseeds its generators after `fork`.
enum OpenSSLRandom {
    /// `count` bytes from OpenSSL's public CSPRNG. Wraps `RAND_bytes`.
    ///
    /// - Throws: ``JWTError/Code/cryptographicFailure`` when the generator cannot be seeded or `count` is negative
    ///   or above `Int32.max`.
    static func bytes(count: Int) throws(JWTError) -> [UInt8] {
        guard let length = Int32(exactly: count), length >= 0 else {
            throw .cryptographicFailure("cannot draw \(count) random bytes")
        }
        OpenSSLErrorQueue.clear()
        var bytes = [UInt8](repeating: 0, count: count)
        let status = unsafe bytes.withUnsafeMutableBufferPointer { buffer in
            // An empty buffer may have a nil base address; RAND_bytes writes nothing for a length of 0.
            unsafe RAND_bytes(buffer.baseAddress, length)
        }
        guard status == 1 else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "OpenSSL's random generator failed")
        }
        return bytes
    }
}
