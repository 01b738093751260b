internal import COpenSSL

/// PEM armour (RFC 7468) around DER bytes, with OpenSSL's standard Base64 (`EVP_EncodeBlock`, which cannot fail
/// and does not allocate) in 64-character lines.
enum OpenSSLPEM {
    /// `-----BEGIN <label>-----`, the Base64 of `der` in 64-character lines, `-----END <label>-----`, each line
    /// ending in a line feed: the same text OpenSSL's own PEM writer produces.
    static func armor(_ der: [UInt8], label: String) -> String {
        var text = "-----BEGIN \(label)-----\n"
        // 48 input bytes make one 64-character line; EVP_EncodeBlock also writes a terminating NUL.
        var line = [UInt8](repeating: 0, count: 65)
        var start = 0
        while start < der.count {
            let end = min(start + 48, der.count)
            let written = unsafe der.withUnsafeBufferPointer { input in
                unsafe line.withUnsafeMutableBufferPointer { output in
                    unsafe EVP_EncodeBlock(
                        output.baseAddress,
                        input.baseAddress.map { unsafe $0 + start },
                        Int32(end - start)
                    )
                }
            }
            text += String(decoding: line[0..<Int(max(written, 0))], as: UTF8.self)
            text += "\n"
            start = end
        }
        text += "-----END \(label)-----\n"
        // The line buffer may have held private key material.
        unsafe line.withUnsafeMutableBytes { unsafe OPENSSL_cleanse($0.baseAddress, $0.count) }
        return text
    }
}
