import FuzzSupport
import JWTClaims

/// The Base64URL decoder, differentially against the simple reference decoder below.
///
/// For every input: the library and the reference agree on accepting it and on the bytes; a refusal is
/// `invalidBase64URL` with an offset inside the input; an accepted text is canonical (encoding the bytes gives it
/// back); and encoding the input as bytes and decoding that gives the input back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBase64URL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = unsafe inputBytes(data, size)
    checkDecode(input)
    checkRoundTrip(input)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzBase64URL_main`): hands over to libFuzzer's driver.
@_cdecl("FuzzBase64URL_main")
public func fuzzBase64URLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    unsafe runFuzzer(argc, argv, warmUp: warmUp, callback: callback)
}

/// Makes the lazily created globals before the first input (see `runFuzzer`).
private func warmUp() {
    // This target has no globals of its own.
}

private func callback(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = unsafe data else { return 0 }
    return unsafe fuzzBase64URL(data, size)
}

private func checkDecode(_ input: [UInt8]) {
    let expected = referenceDecode(input)
    do {
        let decoded = try Base64URL.decode(input)
        guard let expected else {
            invariantFailure("the library accepted text the reference refuses", input)
        }
        require(decoded == expected, "the library and the reference decode to different bytes", input)
        require(Base64URL.encodedBytes(decoded) == input, "accepted text that is not canonical", input)
        // The other entry points must agree (a slice that does not start at index 0, a String, a Substring).
        let padded = [UInt8(ascii: "A")] + input
        require((try? Base64URL.decode(padded.dropFirst())) == decoded, "slice decoding disagrees", input)
        let text = String(decoding: input, as: UTF8.self)
        require((try? Base64URL.decode(text)) == decoded, "String decoding disagrees", input)
        require((try? Base64URL.decode(text[...])) == decoded, "Substring decoding disagrees", input)
    } catch {
        require(expected == nil, "the library refused text the reference accepts: \(error.reason)", input)
        requireWellFormed(error, codes: [.invalidBase64URL], inputLength: input.count, input)
        require(error.offset != nil, "a Base64URL error without an offset", input)
        if let offset = error.offset, let first = referenceFirstProblem(input) {
            require(offset == first, "error offset \(offset), but the first problem is at \(first)", input)
        }
    }
}

private func checkRoundTrip(_ input: [UInt8]) {
    let encoded = Base64URL.encodedBytes(input)
    require(Base64URL.encode(input).utf8.elementsEqual(encoded), "encode and encodedBytes disagree", input)
    require(encoded.count == (input.count * 4 + 2) / 3, "wrong encoded length \(encoded.count)", input)
    do {
        let decoded = try Base64URL.decode(encoded)
        require(decoded == input, "decode(encode(x)) != x", input)
    } catch {
        invariantFailure("the encoder's output does not decode: \(error.reason)", input)
    }
}

/// The alphabet of RFC 4648 section 5, as values 0 to 63; nil for every other byte.
private func sextet(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
    case UInt8(ascii: "-"): 62
    case UInt8(ascii: "_"): 63
    default: nil
    }
}

/// A deliberately naive decoder: one bit at a time, strict (no padding, no whitespace, zero unused bits, no length
/// of 1 mod 4).
private func referenceDecode(_ text: [UInt8]) -> [UInt8]? {
    guard text.count % 4 != 1 else { return nil }
    var bits: [Bool] = []
    for byte in text {
        guard let value = sextet(byte) else { return nil }
        for shift in (0..<6).reversed() { bits.append((value >> UInt8(shift)) & 1 == 1) }
    }
    let whole = bits.count / 8 * 8
    guard !bits[whole...].contains(true) else { return nil }
    var output: [UInt8] = []
    for start in stride(from: 0, to: whole, by: 8) {
        var byte: UInt8 = 0
        for bit in bits[start..<(start + 8)] { byte = byte << 1 | (bit ? 1 : 0) }
        output.append(byte)
    }
    return output
}

/// Where the reference sees the first problem: the first byte outside the alphabet (`=` included); with none, the
/// last character (a lone character left over by the length, or one with non-zero unused bits). Nil when the text
/// has both a bad byte and an impossible length, since either may be reported first.
private func referenceFirstProblem(_ text: [UInt8]) -> Int? {
    let bad = text.firstIndex(where: { sextet($0) == nil })
    switch (bad, text.count % 4 == 1) {
    case (let bad?, false): return bad
    case (nil, _): return text.count - 1
    case (.some, true): return nil
    }
}
