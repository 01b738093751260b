import Benchmark
import BenchmarkFixtures
import Foundation
import JWTClaims

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .reported(scale: 1000, warmupIterations: 3, maxIterations: 10_000)

    // The reference page's 14-claim augmented payload, as each side takes it.
    let payload = ReferencePayload.augmented
    let payloadData = Data(payload)

    // Parse once up front: the write benchmarks serialize these, and all sides must read the payload alike.
    guard let ours = try? JSONValue(parsing: payload),
        let serialization = try? JSONSerialization.jsonObject(with: payloadData),
        let codable = try? JSONDecoder().decode([String: AnyCodableEnum].self, from: payloadData),
        codable.count == 14,
        (serialization as? [String: Any])?.count == 14
    else {
        fatalError("JSON benchmark: an implementation failed to parse the reference payload")
    }
    // Our writer must reproduce the payload byte for byte (member order and number text are kept).
    guard ours.serializedBytes() == payload else {
        fatalError("JSON benchmark: our writer did not reproduce the reference payload")
    }

    Benchmark("parse/claims14/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONValue(parsing: payload))
        }
    }
    Benchmark("parse/claims14/JSONSerialization") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONSerialization.jsonObject(with: payloadData))
        }
    }
    Benchmark("parse/claims14/JSONDecoder") { benchmark in
        let decoder = JSONDecoder()
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode([String: AnyCodableEnum].self, from: payloadData))
        }
    }

    Benchmark("write/claims14/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ours.serializedBytes())
        }
    }
    Benchmark("write/claims14/JSONSerialization") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONSerialization.data(withJSONObject: serialization))
        }
    }
    Benchmark("write/claims14/JSONEncoder") { benchmark in
        let encoder = JSONEncoder()
        for _ in benchmark.scaledIterations {
            blackHole(try encoder.encode(codable))
        }
    }
}
