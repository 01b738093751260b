internal import COpenSSL

/// Secret key bytes read from OpenSSL once when a key is made (an EC or Ed25519 private scalar, an HMAC secret, the
/// private components of an RSA key), so that the key's exports (PKCS#8, PEM, JWK) are built from bytes already
/// held and cannot fail.
///
/// The bytes live in one allocation owned by this object, never in an array buffer that copies could share, and
/// are wiped with `OPENSSL_cleanse` (a write the optimiser may not remove) before it is freed.
///
/// `@unchecked Sendable`: the bytes are written only in `init`, before the object is shared, and wiped only in
/// `deinit`, when nobody else holds it; in between they are only read.
@safe final class SecretBytes: @unchecked Sendable {
    /// The owned bytes.
    private let storage: UnsafeMutableRawBufferPointer

    /// Lets `write` fill `count` zeroed bytes; wipes them and rethrows if it fails.
    init(count: Int, writing write: (UnsafeMutableRawBufferPointer) throws(JWTError) -> Void) throws(JWTError) {
        // A zero-byte allocation still has an address, so the buffer is never nil-based.
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 8)
        unsafe storage.initializeMemory(as: UInt8.self, repeating: 0)
        let owned = unsafe UnsafeMutableRawBufferPointer(rebasing: storage[0..<count])
        do {
            try unsafe write(owned)
        } catch {
            unsafe Self.wipeAndFree(storage)
            throw error
        }
        unsafe self.storage = storage
        self.count = count
    }

    /// A copy of `bytes`, held and wiped like any secret (the caller's copy is the caller's to wipe).
    convenience init(copying bytes: UnsafeRawBufferPointer) throws(JWTError) {
        try unsafe self.init(count: bytes.count) { (output) throws(JWTError) in
            unsafe output.copyMemory(from: bytes)
        }
    }

    deinit {
        unsafe Self.wipeAndFree(storage)
    }

    /// How many bytes are held.
    let count: Int

    /// A copy of the bytes, for an export that hands them to the caller.
    var bytes: [UInt8] {
        unsafe [UInt8](UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// Runs `body` with the bytes, without copying them. The buffer must not escape `body`.
    func withUnsafeBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws(JWTError) -> Result
    ) throws(JWTError)
        -> Result
    {
        try unsafe body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// Overwrites the bytes of an array that held a secret on its way here (a decoded JWK member, fresh random
    /// bytes) with zeros, with a write the optimiser may not remove. Wraps `OPENSSL_cleanse`.
    static func wipe(_ bytes: inout [UInt8]) {
        unsafe bytes.withUnsafeMutableBytes { unsafe OPENSSL_cleanse($0.baseAddress, $0.count) }
    }

    /// Overwrites the bytes with zeros, then frees them. Wraps `OPENSSL_cleanse`.
    private static func wipeAndFree(_ storage: UnsafeMutableRawBufferPointer) {
        unsafe OPENSSL_cleanse(storage.baseAddress, storage.count)
        unsafe storage.deallocate()
    }
}
