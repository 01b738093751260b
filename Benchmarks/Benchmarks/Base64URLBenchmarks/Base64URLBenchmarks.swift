import Benchmark
import BenchmarkFixtures
import Foundation
import JWTClaims

/// One input of the Base64URL benchmarks, in the form each side takes it.
private struct Base64URLInput {
    /// How the input is named in benchmark names: `1KiB` or `segment700`.
    let label: String
    /// The raw bytes (what encode takes and decode returns).
    let raw: [UInt8]
    /// The same bytes as Foundation's encoder takes them.
    let rawData: Data
    /// The unpadded Base64URL text as our decoder takes it: the UTF-8 bytes of a token segment.
    let encoded: [UInt8]
    /// The same text as a Foundation user holds it.
    let encodedString: String
    /// The same data as padded standard Base64, for the codec-only baseline.
    let standardString: String

    init(label: String, rawCount: Int) {
        self.label = label
        raw = DeterministicBytes.make(count: rawCount)
        rawData = Data(raw)
        encodedString = FoundationBase64URL.encode(rawData)
        encoded = Array(encodedString.utf8)
        standardString = rawData.base64EncodedString()
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .reported(scale: 1000, warmupIterations: 3, maxIterations: 10_000)

    let inputs = [
        // 1 KiB of raw bytes: 1,366 characters of Base64URL.
        Base64URLInput(label: "1KiB", rawCount: 1024),
        // A 700-character token segment, about the size of a payload with a dozen claims: 525 raw bytes.
        Base64URLInput(label: "segment700", rawCount: 525),
    ]

    for input in inputs {
        // Both sides must agree before either is timed: a benchmark of a wrong answer measures nothing.
        guard let foundationDecoded = FoundationBase64URL.decode(input.encodedString),
            [UInt8](foundationDecoded) == input.raw,
            (try? Base64URL.decode(input.encoded)) == input.raw,
            Base64URL.encode(input.raw) == input.encodedString,
            FoundationBase64URL.standardPadded(input.encodedString) == input.standardString
        else {
            fatalError("Base64URL benchmark input \(input.label): the implementations disagree")
        }

        Benchmark("decode/\(input.label)/ours") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Base64URL.decode(input.encoded))
            }
        }
        Benchmark("decode/\(input.label)/Foundation") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(FoundationBase64URL.decode(input.encodedString))
            }
        }
        // Foundation's codec alone on standard, padded Base64: what the usual way would cost without translating.
        Benchmark("decode/\(input.label)/Foundation-codec-only") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Data(base64Encoded: input.standardString))
            }
        }
        Benchmark("encode/\(input.label)/ours") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Base64URL.encode(input.raw))
            }
        }
        Benchmark("encode/\(input.label)/Foundation") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(FoundationBase64URL.encode(input.rawData))
            }
        }
        Benchmark("encode/\(input.label)/Foundation-codec-only") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(input.rawData.base64EncodedString())
            }
        }
    }
}
