extension ES256 {
    /// An ES256 signature: the 64 bytes `R || S`, each a 32-byte big-endian integer (RFC 7518 section 3.4).
    ///
    /// This is the only form a JWS carries. DER-encoded ECDSA signatures (what most crypto libraries produce by
    /// default) are refused rather than silently converted, so a token can have exactly one valid encoding of a
    /// given signature value.
    public struct Signature: Sendable {
        /// The 64 bytes, stored inline so making and checking signatures allocates nothing.
        private var storage: SIMD64<UInt8>

        /// A signature from its 64 raw bytes `R || S`.
        ///
        /// Only the length is checked here; whether r and s are in range is part of verification, which answers
        /// `false` for out-of-range values.
        ///
        /// - Parameter rawRepresentation: exactly 64 bytes, R then S, each big-endian and left-padded with zeros.
        /// - Throws: ``JWTError/Code/invalidSignatureEncoding`` for any other length (including any DER signature).
        public init(rawRepresentation: some Collection<UInt8>) throws(JWTError) {
            let count = rawRepresentation.count
            guard count == ECCurve.p256.signatureByteCount else {
                throw .signatureIsNotRaw(byteCount: count, algorithm: .es256)
            }
            var bytes = SIMD64<UInt8>()
            // Contiguous input (arrays, slices, decoded segments) is copied in one move; setting the 64 lanes one by
            // one cost about ten times as many instructions.
            let copied: Bool? = rawRepresentation.withContiguousStorageIfAvailable { source in
                unsafe Swift.withUnsafeMutableBytes(of: &bytes) {
                    unsafe $0.copyMemory(from: UnsafeRawBufferPointer(source))
                }
                return true
            }
            if copied == nil {
                for (index, byte) in zip(bytes.indices, rawRepresentation) {
                    bytes[index] = byte
                }
            }
            storage = bytes
        }

        /// An all-zero signature, to be filled in through ``withUnsafeMutableRawBytes(_:)``.
        init(uncheckedZero: Void) {
            storage = SIMD64()
        }

        /// The 64 bytes `R || S`.
        public var rawRepresentation: [UInt8] {
            unsafe withUnsafeRawBytes { unsafe [UInt8]($0) }
        }

        /// Runs `body` with the 64 bytes, without copying them.
        func withUnsafeRawBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
            unsafe Swift.withUnsafeBytes(of: storage, body)
        }

        /// Runs `body` with the 64 bytes for writing.
        mutating func withUnsafeMutableRawBytes<Success, Failure: Error>(
            _ body: (UnsafeMutableRawBufferPointer) throws(Failure) -> Success
        ) throws(Failure) -> Success {
            // The closure cannot throw through `withUnsafeMutableBytes(of:)` with its type, so its outcome travels
            // in a Result.
            try unsafe Swift.withUnsafeMutableBytes(of: &storage) { buffer in
                Result { () throws(Failure) in try unsafe body(buffer) }
            }.get()
        }
    }
}

extension ES256.Signature: Hashable {
    /// Whether both signatures have the same 64 bytes.
    public static func == (lhs: ES256.Signature, rhs: ES256.Signature) -> Bool {
        lhs.storage == rhs.storage
    }

    /// Hashes the 64 bytes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage)
    }
}
