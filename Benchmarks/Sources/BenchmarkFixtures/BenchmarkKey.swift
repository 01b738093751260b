/// The P-256 key pair every ES256 benchmark signs and verifies with.
///
/// Generated once with `openssl ecparam -name prime256v1 -genkey` for these benchmarks only; it protects nothing.
/// One fixed key keeps runs comparable: every library signs with the same scalar and verifies the same point.
public enum BenchmarkKey {
    /// The private key as PKCS #8 PEM (`openssl pkcs8 -topk8 -nocrypt`).
    public static let privateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAlDriBn3AWB5Jcy8
        p5b35rxMA7OkaMoGAduTEla3nsGhRANCAARoBS9qIJwzf3MGsDMUBb7uWdgP9jEX
        /IpTY5WfpU8q/gsalAUrfi6WSnxXx/iU7gAu9TF7fNxT/gKZt7H3efnk
        -----END PRIVATE KEY-----
        """

    /// The public key as SubjectPublicKeyInfo PEM (`openssl ec -pubout`).
    public static let publicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEaAUvaiCcM39zBrAzFAW+7lnYD/Yx
        F/yKU2OVn6VPKv4LGpQFK34ulkp8V8f4lO4ALvUxe3zcU/4Cmbex93n55A==
        -----END PUBLIC KEY-----
        """

    /// The private scalar d, 32 bytes big-endian.
    public static let privateScalar = bytes(
        fromHex: "0250eb8819f701607925ccbca796f7e6bc4c03b3a468ca0601db931256b79ec1"
    )

    /// The public point in uncompressed X9.63 form: 0x04 || x || y, 65 bytes.
    public static let publicPointX963 = bytes(
        fromHex: "0468052f6a209c337f7306b0331405beee59d80ff63117fc8a5363959fa54f2a"
            + "fe0b1a94052b7e2e964a7c57c7f894ee002ef5317b7cdc53fe0299b7b1f779f9e4"
    )

    private static func bytes(fromHex hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count - 1, by: 2).map { index in
            UInt8(nibble(digits[index]) << 4 | nibble(digits[index + 1]))
        }
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        digit <= UInt8(ascii: "9") ? digit - UInt8(ascii: "0") : digit - UInt8(ascii: "a") + 10
    }
}
