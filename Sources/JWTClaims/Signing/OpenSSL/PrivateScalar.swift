internal import COpenSSL

/// A P-256 private scalar d, 32 bytes big-endian, read from OpenSSL once when a private key is made, so that the
/// key's exports (PKCS#8, PEM, JWK) are built from bytes already held and cannot fail.
///
/// The bytes live in one allocation owned by this object, never in an array buffer that copies could share, and
/// are wiped with `OPENSSL_cleanse` (a write the optimiser may not remove) before it is freed.
///
/// `@unchecked Sendable`: the bytes are written only in `init`, before the object is shared, and wiped only in
/// `deinit`, when nobody else holds it; in between they are only read.
@safe final class PrivateScalar: @unchecked Sendable {
    /// The 32 owned bytes.
    private let storage: UnsafeMutableRawBufferPointer

    /// Lets `write` fill the 32 bytes; wipes them and rethrows if it fails.
    init(writing write: (UnsafeMutableRawBufferPointer) throws(JWTError) -> Void) throws(JWTError) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: P256.scalarByteCount, alignment: 8)
        unsafe storage.initializeMemory(as: UInt8.self, repeating: 0)
        do {
            try unsafe write(storage)
        } catch {
            unsafe Self.wipeAndFree(storage)
            throw error
        }
        unsafe self.storage = storage
    }

    deinit {
        unsafe Self.wipeAndFree(storage)
    }

    /// A copy of the 32 bytes, for an export that hands them to the caller.
    var bytes: [UInt8] {
        unsafe [UInt8](UnsafeRawBufferPointer(storage))
    }

    /// Runs `body` with the 32 bytes, without copying them. The buffer must not escape `body`.
    func withUnsafeBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws(JWTError) -> Result
    ) throws(JWTError)
        -> Result
    {
        try unsafe body(UnsafeRawBufferPointer(storage))
    }

    /// Overwrites the bytes with zeros, then frees them. Wraps `OPENSSL_cleanse`.
    private static func wipeAndFree(_ storage: UnsafeMutableRawBufferPointer) {
        unsafe OPENSSL_cleanse(storage.baseAddress, storage.count)
        unsafe storage.deallocate()
    }
}
