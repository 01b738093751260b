/// Who may use the test cluster now: up to ``maximumSharing`` tests at once, or one test that stops and starts the
/// server alone (its outage would fail the others). First come, first served, so an outage test is not starved.
///
/// The cap keeps the suite's connection storm bounded: every store opens a connection to migrate and then a pool, each
/// with a SCRAM handshake (thousands of HMAC rounds, slow in a debug build), and thirty stores created at once on a
/// loaded 2-core machine made migrations miss their 60-second limit.
///
/// Take it once per test, around everything the test does with the database, and never nested: a second request
/// for shared access behind a waiting exclusive one would wait for itself.
actor ClusterAccess {
    static let shared = ClusterAccess()

    /// How many tests may share the cluster at once.
    static let maximumSharing = 4

    private var readers = 0
    private var hasWriter = false
    private var waiting: [(exclusive: Bool, continuation: CheckedContinuation<Void, Never>)] = []

    /// Runs `body` while other tests may use the cluster too, but none stops it.
    static func sharing<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await shared.holding(exclusive: false, body)
    }

    /// Runs `body` alone on the cluster.
    static func alone<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await shared.holding(exclusive: true, body)
    }

    private nonisolated func holding<Result: Sendable>(
        exclusive: Bool,
        _ body: () async throws -> Result
    ) async throws -> Result {
        await lock(exclusive: exclusive)
        do {
            let result = try await body()
            await unlock(exclusive: exclusive)
            return result
        } catch {
            await unlock(exclusive: exclusive)
            throw error
        }
    }

    private func lock(exclusive: Bool) async {
        if waiting.isEmpty && canGrant(exclusive: exclusive) {
            grant(exclusive: exclusive)
            return
        }
        // unlock(exclusive:) grants on the waiter's behalf before resuming it.
        await withCheckedContinuation { waiting.append((exclusive, $0)) }
    }

    private func unlock(exclusive: Bool) {
        if exclusive { hasWriter = false } else { readers -= 1 }
        while let next = waiting.first, canGrant(exclusive: next.exclusive) {
            waiting.removeFirst()
            grant(exclusive: next.exclusive)
            next.continuation.resume()
        }
    }

    private func canGrant(exclusive: Bool) -> Bool {
        exclusive ? !hasWriter && readers == 0 : !hasWriter && readers < Self.maximumSharing
    }

    private func grant(exclusive: Bool) {
        if exclusive { hasWriter = true } else { readers += 1 }
    }
}
