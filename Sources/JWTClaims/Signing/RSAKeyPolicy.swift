/// The rules every RSA key must pass before this library uses it, checked in Swift on the key's public components
/// (OpenSSL verifies with keys these rules refuse, so the refusals are ours).
///
/// - **Size.** The modulus has at least 2048 bits (RFC 7518 section 3.3 and 3.5: "A key of size 2048 bits or larger
///   MUST be used") and at most 16384 (OpenSSL's own `OPENSSL_RSA_MAX_MODULUS_BITS`). Smaller keys are
///   ``JWTError/Code/unsupportedKey``: well-formed, but too weak to trust.
/// - **Public exponent.** e is odd and at least 3, and below 2^64. e = 1 makes every "signature" the padded message
///   itself, so anyone can forge one (Wycheproof JWK tcId 9, which OpenSSL verifies); an even e has no inverse, so
///   no valid key has one; both are ``JWTError/Code/invalidKey``. The 64-bit bound is OpenSSL's
///   (`OPENSSL_RSA_MAX_PUBEXP_BITS`, enforced there for moduli over 3072 bits), applied to every size so there is
///   one rule; a larger e is ``JWTError/Code/unsupportedKey``. e = 3 is accepted: with OpenSSL's strict PKCS#1 v1.5
///   check (it re-encodes the DigestInfo and compares, so Bleichenbacher's 2006 forgery for e = 3 does not apply) and
///   with PSS, a small exponent is safe for verification, and Wycheproof's `SmallPublicKey` groups are valid
///   vectors. 65537 is what every generator writes.
/// - **Well-formed modulus.** n is odd and has no prime factor below 1000 (a random RSA modulus never has one), else
///   ``JWTError/Code/invalidKey``.
/// - **ROCA** (CVE-2017-15361). A modulus made by the flawed Infineon generator is refused
///   (``JWTError/Code/unsupportedKey``): its primes are k·M + (65537^a mod M) for M the product of the first primes,
///   so n modulo each of the primes 3 to 167 lies in the subgroup 65537 generates, which a random modulus does with
///   negligible probability (Nemec et al., CCS 2017). Wycheproof JWK tcId 7 is such a key; OpenSSL verifies with it.
enum RSAKeyPolicy {
    /// The smallest modulus accepted, in bits.
    static let minimumModulusBitCount = 2048
    /// The largest modulus accepted, in bits.
    static let maximumModulusBitCount = 16384
    /// The largest public exponent accepted, in bytes (e < 2^64).
    static let maximumExponentByteCount = 8

    /// The bit length of the big-endian unsigned `bytes` (leading zero bytes ignored).
    static func bitCount(of bytes: [UInt8]) -> Int {
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (bytes.count - first - 1) * 8 + (8 - bytes[first].leadingZeroBitCount)
    }

    /// Checks a key's modulus and public exponent (big-endian).
    ///
    /// - Throws: ``JWTError/Code/unsupportedKey`` for a modulus under 2048 or over 16384 bits, an exponent of 2^64
    ///   or more, or a ROCA modulus; ``JWTError/Code/invalidKey`` for an even modulus, one with a small factor, or an
    ///   exponent that is 1 or even.
    static func check(modulus: [UInt8], exponent: [UInt8]) throws(JWTError) {
        let bits = bitCount(of: modulus)
        guard bits >= minimumModulusBitCount else {
            throw .unsupportedKey(
                "the RSA modulus has \(bits) bits; keys under \(minimumModulusBitCount) bits are refused "
                    + "(RFC 7518 section 3.3)"
            )
        }
        guard bits <= maximumModulusBitCount else {
            throw .unsupportedKey(
                "the RSA modulus has \(bits) bits; keys over \(maximumModulusBitCount) bits are refused"
            )
        }
        let exponentBits = bitCount(of: exponent)
        guard let lastExponentByte = exponent.last, lastExponentByte & 1 == 1, exponentBits >= 2 else {
            throw .invalidKey(
                exponentBits <= 1
                    ? "the RSA public exponent is \(exponentBits); e = 1 (or 0) would let anyone forge signatures"
                    : "the RSA public exponent is even; a valid key has an odd exponent"
            )
        }
        guard exponentBits <= maximumExponentByteCount * 8 else {
            throw .unsupportedKey(
                "the RSA public exponent has \(exponentBits) bits; exponents of 2^64 and more are refused"
            )
        }
        guard let lastModulusByte = modulus.last, lastModulusByte & 1 == 1 else {
            throw .invalidKey("the RSA modulus is even, so it is not a product of two large primes")
        }
        if let factor = smallPrimes.first(where: { remainder(of: modulus, dividedBy: $0) == 0 }) {
            throw .invalidKey(
                "the RSA modulus has the small factor \(factor), so it is not a product of two large primes"
            )
        }
        if hasROCAFingerprint(modulus) {
            throw .unsupportedKey(
                "the RSA modulus has the fingerprint of the ROCA vulnerability (CVE-2017-15361, keys made by "
                    + "Infineon's flawed generator): its factors can be recovered; make a new key"
            )
        }
    }

    /// The odd primes below 1000, by trial division (computed once).
    static let smallPrimes: [Int] = (3..<1000).filter { candidate in
        candidate % 2 == 1
            && !stride(from: 3, through: Int(Double(candidate).squareRoot()), by: 2).contains {
                candidate % $0 == 0
            }
    }

    /// The primes whose residues the ROCA fingerprint looks at: 3 to 167, the odd primes that divide the generator's
    /// M for every key size (Nemec et al., section 2.1).
    private static let rocaPrimes = smallPrimes.filter { $0 <= 167 }

    /// For each of ``rocaPrimes``, the residues 65537^k mod r (the subgroup the generator's primes fall in).
    private static let rocaSubgroups: [Set<Int>] = rocaPrimes.map { prime in
        var members: Set<Int> = [1]
        let generator = 65537 % prime
        var power = generator
        while members.insert(power).inserted {
            power = power * generator % prime
        }
        return members
    }

    /// Whether every residue of `modulus` modulo the ROCA primes lies in the subgroup 65537 generates.
    static func hasROCAFingerprint(_ modulus: [UInt8]) -> Bool {
        for (prime, subgroup) in zip(rocaPrimes, rocaSubgroups)
        where !subgroup.contains(remainder(of: modulus, dividedBy: prime)) {
            return false
        }
        return true
    }

    /// The big-endian `bytes` modulo the small `divisor`.
    static func remainder(of bytes: [UInt8], dividedBy divisor: Int) -> Int {
        var remainder = 0
        for byte in bytes {
            remainder = (remainder << 8 | Int(byte)) % divisor
        }
        return remainder
    }
}
