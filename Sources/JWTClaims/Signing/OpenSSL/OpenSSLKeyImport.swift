internal import COpenSSL

/// Decodes keys from PEM and DER with OpenSSL's decoders, and recognises what a PEM or DER input holds.
///
/// The family-specific import (``OpenSSLECKey``, ``OpenSSLEd25519``, ``OpenSSLRSA``) decodes through here with the
/// key type and structure as hints, then validates what it got; recognition by content decodes without hints (only
/// where the caller does not say what the key is, and on error paths) to name the key type.
enum OpenSSLKeyImport {
    /// How the bytes handed to the decoder are wrapped.
    enum Encoding {
        case pem
        case der

        /// The decoder's input type, a static C string (see ``OpenSSLNames``).
        var inputType: StaticString { self == .pem ? OpenSSLNames.pem : OpenSSLNames.der }
        /// For messages.
        var name: String { self == .pem ? "PEM" : "DER" }
    }

    /// Which ASN.1 structure holds a key.
    enum Structure {
        /// RFC 5208 / RFC 5958 `PrivateKeyInfo` ("BEGIN PRIVATE KEY").
        case pkcs8
        /// The key type's own structure: RFC 5915 / SEC 1 `ECPrivateKey` ("BEGIN EC PRIVATE KEY"), RFC 8017
        /// `RSAPrivateKey` or `RSAPublicKey` ("BEGIN RSA PRIVATE KEY", "BEGIN RSA PUBLIC KEY"). OpenSSL calls it
        /// "type-specific".
        case typeSpecific
        /// X.509 `SubjectPublicKeyInfo` ("BEGIN PUBLIC KEY").
        case subjectPublicKeyInfo

        /// The decoder's structure name, a static C string.
        var name: StaticString {
            switch self {
            case .pkcs8: OpenSSLNames.privateKeyInfo
            case .typeSpecific: OpenSSLNames.typeSpecific
            case .subjectPublicKeyInfo: OpenSSLNames.subjectPublicKeyInfo
            }
        }
    }

    /// What a PEM or DER input holds, as far as recognition needs to know.
    struct Recognized: Equatable {
        /// The kinds of key.
        enum Kind: Equatable {
            /// An EC key; the curve's OpenSSL name, nil for explicit parameters.
            case ec(curve: String?)
            case ed25519
            case rsa
            /// Any other type (RSA-PSS, Ed448, X25519, DSA, ...), by OpenSSL's name.
            case other(String)
        }
        let kind: Kind
        let isPrivate: Bool
    }

    /// Decodes `input` with every structure in turn, the key type as a hint, and `isPrivate` selecting private key
    /// structures or public ones; returns the first key that decodes, or nil. The caller owns the result.
    static func decode(
        _ input: some Collection<UInt8>,
        encoding: Encoding,
        structures: [Structure],
        keyType: StaticString,
        isPrivate: Bool
    ) -> OpaquePointer? {
        let outcome = try? unsafe withContiguousBytes(of: input) { (bytes) throws(JWTError) -> OpaquePointer? in
            OpenSSLErrorQueue.clear()
            for structure in structures {
                if let pkey = unsafe decode(
                    bytes,
                    encoding: encoding,
                    structure: structure.name,
                    keyType: keyType,
                    selection: selection(isPrivate: isPrivate)
                ) {
                    return unsafe pkey
                }
            }
            return nil
        }
        return unsafe outcome.flatMap { unsafe $0 }
    }

    /// What `input` holds, decoding without hints: a private key if one decodes, else a public key; nil if neither.
    static func recognize(_ input: some Collection<UInt8>, encoding: Encoding) -> Recognized? {
        let outcome = try? unsafe withContiguousBytes(of: input) { (bytes) throws(JWTError) -> Recognized? in
            for isPrivate in [true, false] {
                guard
                    let pkey = unsafe decode(
                        bytes,
                        encoding: encoding,
                        structure: nil,
                        keyType: nil,
                        selection: selection(isPrivate: isPrivate)
                    )
                else { continue }
                defer { unsafe EVP_PKEY_free(pkey) }
                OpenSSLErrorQueue.clear()
                return unsafe Recognized(kind: kind(of: pkey), isPrivate: isPrivate)
            }
            OpenSSLErrorQueue.clear()
            return nil
        }
        return outcome.flatMap(\.self)
    }

    /// The error for an input that did not decode as `expected`: names the key type or curve it holds when it is a
    /// key of another kind (``JWTError/Code/unsupportedKey``), or reports the bytes as malformed with OpenSSL's
    /// reasons (``JWTError/Code/invalidKey``).
    static func decodingFailure(
        of input: some Collection<UInt8>,
        encoding: Encoding,
        expected: String,
        describe: (Recognized) -> JWTError?
    ) -> JWTError {
        let openSSLReasons = OpenSSLErrorQueue.drain()
        guard let recognized = recognize(input, encoding: encoding) else {
            return .invalidKey("the \(encoding.name) input is not \(expected) (OpenSSL: \(openSSLReasons))")
        }
        if let error = describe(recognized) {
            return error
        }
        return .invalidKey(
            "the \(encoding.name) input holds \(recognized.isPrivate ? "a private" : "a public") \(recognized.kind) "
                + "key, but not as \(expected) (OpenSSL: \(openSSLReasons))"
        )
    }

    /// A key made from `parameters` by `EVP_PKEY_fromdata`, or nil when OpenSSL refuses them (the caller explains
    /// why, with the drained error queue). The caller owns the result.
    /// Wraps `EVP_PKEY_CTX_new_from_name`, `EVP_PKEY_fromdata_init` and `EVP_PKEY_fromdata`.
    static func fromData(
        _ parameters: UnsafeMutablePointer<OSSL_PARAM>,
        keyType: StaticString,
        isPrivate: Bool
    ) throws(JWTError) -> OpaquePointer? {
        guard let context = unsafe EVP_PKEY_CTX_new_from_name(nil, keyType.cString, nil) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not create an \(keyType) EVP_PKEY_CTX")
        }
        defer { unsafe EVP_PKEY_CTX_free(context) }
        guard unsafe EVP_PKEY_fromdata_init(context) == 1 else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not initialise EVP_PKEY_fromdata")
        }
        var pkey: OpaquePointer?
        let status = unsafe EVP_PKEY_fromdata(
            context,
            &pkey,
            selection(isPrivate: isPrivate),
            parameters
        )
        guard status == 1, let pkey = unsafe pkey else {
            unsafe EVP_PKEY_free(pkey)
            return nil
        }
        return unsafe pkey
    }

    /// A secret number parameter of `pkey` (a private scalar or an RSA private component), big-endian, left-padded
    /// to `count` bytes or, with `count` nil, in its minimal length; read straight into its owner, and the BIGNUM
    /// wiped. Wraps `EVP_PKEY_get_bn_param`, `BN_num_bits`, `BN_bn2binpad` and `BN_clear_free`.
    static func readSecretNumber(
        _ name: StaticString,
        of pkey: OpaquePointer,
        count: Int? = nil
    ) throws(JWTError) -> SecretBytes {
        OpenSSLErrorQueue.clear()
        var number: OpaquePointer?
        defer { unsafe BN_clear_free(number) }
        guard unsafe EVP_PKEY_get_bn_param(pkey, name.cString, &number) == 1, let number = unsafe number else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not read the private key's \(name)")
        }
        let minimalLength = unsafe max((Int(BN_num_bits(number)) + 7) / 8, 1)
        let length = count ?? minimalLength
        return try unsafe SecretBytes(count: length) { (output) throws(JWTError) in
            let base = unsafe output.baseAddress?.assumingMemoryBound(to: UInt8.self)
            // BN_bn2binpad left-pads with zeros and fails (-1) if the number needs more than `length` bytes.
            guard unsafe BN_bn2binpad(number, base, Int32(length)) == Int32(length) else {
                throw OpenSSLErrorQueue.failure(.cryptographicFailure, "the private key's \(name) does not fit")
            }
        }
    }

    /// A public number parameter of `pkey` (an RSA modulus or exponent), big-endian in its minimal length.
    /// Wraps `EVP_PKEY_get_bn_param`, `BN_num_bits`, `BN_bn2binpad` and `BN_free`.
    static func readNumber(_ name: StaticString, of pkey: OpaquePointer) throws(JWTError) -> [UInt8] {
        OpenSSLErrorQueue.clear()
        var number: OpaquePointer?
        defer { unsafe BN_free(number) }
        guard unsafe EVP_PKEY_get_bn_param(pkey, name.cString, &number) == 1, let number = unsafe number else {
            throw OpenSSLErrorQueue.failure(.invalidKey, "the key has no readable \(name)")
        }
        let length = unsafe max((Int(BN_num_bits(number)) + 7) / 8, 1)
        var bytes = [UInt8](repeating: 0, count: length)
        let written = unsafe bytes.withUnsafeMutableBufferPointer { buffer in
            unsafe BN_bn2binpad(number, buffer.baseAddress, Int32(length))
        }
        guard written == Int32(length) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "the key's \(name) does not fit")
        }
        return bytes
    }

    /// The decoder selection: the whole key pair, or the public key alone.
    private static func selection(isPrivate: Bool) -> Int32 {
        isPrivate ? COpenSSL_EVP_PKEY_KEYPAIR() : COpenSSL_EVP_PKEY_PUBLIC_KEY()
    }

    /// The kind of `pkey`. Wraps `EVP_PKEY_is_a` and `EVP_PKEY_get0_type_name`.
    static func kind(of pkey: OpaquePointer) -> Recognized.Kind {
        if unsafe EVP_PKEY_is_a(pkey, "EC") == 1 {
            return unsafe .ec(curve: utf8Parameter(OSSL_PKEY_PARAM_GROUP_NAME, of: pkey))
        }
        if unsafe EVP_PKEY_is_a(pkey, "ED25519") == 1 { return .ed25519 }
        if unsafe EVP_PKEY_is_a(pkey, "RSA") == 1 { return .rsa }
        return unsafe .other(EVP_PKEY_get0_type_name(pkey).map { unsafe String(cString: $0) } ?? "unknown")
    }

    /// A UTF-8 string parameter of `pkey`, or nil if it has none. Wraps `EVP_PKEY_get_utf8_string_param`.
    static func utf8Parameter(_ name: String, of pkey: OpaquePointer) -> String? {
        let value = unsafe withUnsafeTemporaryAllocation(of: CChar.self, capacity: 80) { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var length = 0
            guard unsafe EVP_PKEY_get_utf8_string_param(pkey, name, base, buffer.count, &length) == 1 else {
                return nil
            }
            return unsafe String(cString: base)
        }
        if value == nil { OpenSSLErrorQueue.clear() }
        return value
    }

    /// Runs one decoder over all of `bytes`; nil if it fails or leaves bytes over.
    /// Wraps `OSSL_DECODER_CTX_new_for_pkey` and `OSSL_DECODER_from_data`. A decoder with hints (structure and key
    /// type) is about three times faster than one that tries every format.
    private static func decode(
        _ bytes: UnsafeRawBufferPointer,
        encoding: Encoding,
        structure: StaticString?,
        keyType: StaticString?,
        selection: Int32
    ) -> OpaquePointer? {
        // The decoder context keeps the EVP_PKEY** and writes through it during OSSL_DECODER_from_data, so the
        // slot must outlive both calls: a temporary allocation, not an inout conversion.
        unsafe withUnsafeTemporaryAllocation(of: OpaquePointer?.self, capacity: 1) { slot in
            guard let slotAddress = slot.baseAddress else { return nil }
            unsafe slotAddress.initialize(to: nil)
            guard
                let context = unsafe OSSL_DECODER_CTX_new_for_pkey(
                    slotAddress,
                    encoding.inputType.cString,
                    structure?.cString,
                    keyType?.cString,
                    selection,
                    nil,
                    nil
                )
            else { return nil }
            defer { unsafe OSSL_DECODER_CTX_free(context) }
            guard unsafe OSSL_DECODER_CTX_get_num_decoders(context) > 0 else { return nil }
            var cursor = unsafe bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            var remaining = bytes.count
            let status = unsafe OSSL_DECODER_from_data(context, &cursor, &remaining)
            let pkey = unsafe slotAddress.pointee
            // Trailing bytes after the structure are refused: a key has exactly one encoding here.
            guard status == 1, remaining == 0, let pkey = unsafe pkey else {
                unsafe EVP_PKEY_free(pkey)
                return nil
            }
            return unsafe pkey
        }
    }
}

extension OpenSSLKeyImport.Recognized.Kind: CustomStringConvertible {
    /// For messages: `EC P-384`, `Ed25519`, `RSA`, `ED448`.
    var description: String {
        switch self {
        case .ec(let curve): "EC \(curve.map { ECCurve.joseName(ofGroup: $0) ?? $0 } ?? "(explicit parameters)")"
        case .ed25519: "Ed25519"
        case .rsa: "RSA"
        case .other(let name): name
        }
    }
}
