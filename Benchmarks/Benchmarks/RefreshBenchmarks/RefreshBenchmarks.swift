import Benchmark
import BenchmarkFixtures
import Dispatch
import Foundation
import JWTClaims
import JWTClaimsSQLite
import Synchronization

// Refresh-token rotation: one `RefreshTokenService.refresh` is a store rotation (look up, check, mark used, insert
// the successor) plus minting and signing an ES256 access token with the reference page's 11 claims and 3 bound
// custom claims. Measured with each store (SQLite with both commit durabilities), by one client, and by one client
// while a second client refreshes its own family as fast as it can (the latency percentiles under 2 concurrent
// clients; the second client's rate is printed on standard error).

/// The reference page's 11 claims, the template of every access token.
private let template: ClaimSet = {
    do {
        return try ClaimSet(parsing: ReferencePayload.originalText)
    } catch {
        fatalError("refresh benchmark: the reference payload does not parse: \(error)")
    }
}()

/// The instant every request is made at (inside every token's lifetime).
private let now = NumericDate(secondsSince1970: 1_599_180_000)

/// One client's current refresh token, replaced at each refresh.
private final class Client: Sendable {
    private let token: Mutex<String>

    init(token: String) {
        self.token = Mutex(token)
    }

    /// Refreshes once and keeps the new token.
    func refresh(with service: RefreshTokenService) async throws {
        let current = token.withLock { $0 }
        let pair = try await service.refresh(current, now: now)
        token.withLock { $0 = pair.refreshToken.serialized() }
    }
}

/// Runs the background client's tasks on a thread of their own. The benchmark harness blocks one of the two
/// threads of the cooperative pool while it measures, and a loop of refreshes against an idle actor can run without
/// ever giving the remaining thread up, which would starve the measured client.
private final class DedicatedThreadExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "refresh-benchmark.background-client")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}

/// A service over a fresh store, with clients signed in and bound to the reference attributes.
private final class Fixture: Sendable {
    let service: RefreshTokenService
    let clients: [Client]
    private let directory: String?
    private let stop = Atomic(false)
    private let background = Mutex<Task<Int, Never>?>(nil)
    private let backgroundStart = Mutex<ContinuousClock.Instant?>(nil)

    init(store: String, clientCount: Int) async throws {
        let key = try ES256.PrivateKey(pemRepresentation: BenchmarkKey.privateKeyPEM)
        let augmenter = ClaimsAugmenter(verifier: JWTVerifier(key: key.publicKey), signer: JWTSigner(key: key))
        let refreshStore: any RefreshTokenStore
        if store.hasPrefix("sqlite") {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("refresh-benchmark-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            self.directory = directory
            refreshStore = try SQLiteRefreshTokenStore(
                path: directory + "/tokens.sqlite",
                durability: store == "sqlite-normal" ? .normal : .full
            )
        } else {
            self.directory = nil
            refreshStore = InMemoryRefreshTokenStore()
        }
        service = RefreshTokenService(store: refreshStore, augmenter: augmenter)
        var clients: [Client] = []
        for _ in 0..<clientCount {
            let signIn = try await service.issue(template, now: now)
            let bound = try await service.bind(
                ["username": "helloworld", "role": "admin", "user_id": 125],
                to: signIn.accessToken,
                refreshToken: signIn.refreshToken.serialized(),
                now: now
            )
            guard bound.claims.count == 14 else { fatalError("refresh benchmark: binding lost claims") }
            clients.append(Client(token: bound.refreshToken.serialized()))
        }
        self.clients = clients
    }

    /// Starts every client but the first refreshing in a loop, until ``tearDown()``. Each refresh awaits, so the
    /// loop never holds a thread of the cooperative pool (the benchmark harness blocks one while it measures).
    func startBackground() {
        let service = service
        let others = Array(clients.dropFirst())
        guard !others.isEmpty else { return }
        let task = Task(executorPreference: DedicatedThreadExecutor()) { [self] in
            var count = 0
            while !self.stop.load(ordering: .relaxed) {
                for client in others {
                    do {
                        try await client.refresh(with: service)
                        count += 1
                    } catch {
                        fatalError("refresh benchmark: a background refresh failed: \(error)")
                    }
                }
            }
            return count
        }
        backgroundStart.withLock { $0 = .now }
        background.withLock { $0 = task }
    }

    /// Stops the background clients, reports their rate on standard error (the plugin's tables show only the
    /// measured client), and removes the database.
    func tearDown(name: String) async {
        stop.store(true, ordering: .relaxed)
        if let task = background.withLock({ $0 }), let start = backgroundStart.withLock({ $0 }) {
            let count = await task.value
            let elapsed = (ContinuousClock.now - start).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            FileHandle.standardError.write(
                Data("\(name): the background client made \(count) refreshes, \(Int(Double(count) / seconds))/s\n".utf8)
            )
        }
        if let directory {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .reported(
        timeUnits: .microseconds,
        warmupIterations: 20,
        maxDuration: .seconds(3),
        maxIterations: 20_000
    )

    // "sqlite" syncs every commit to disk (the store's default); "sqlite-normal" only survives a process crash.
    for store in ["memory", "sqlite", "sqlite-normal"] {
        for clientCount in [1, 2] {
            let fixture = Mutex<Fixture?>(nil)
            let name = clientCount == 1 ? "refresh/\(store)/ours" : "refresh/\(store)-2clients/ours"
            Benchmark(
                name,
                closure: { benchmark async in
                    guard let client = fixture.withLock({ $0 })?.clients.first,
                        let service = fixture.withLock({ $0 })?.service
                    else {
                        benchmark.error("no fixture")
                        return
                    }
                    for _ in benchmark.scaledIterations {
                        do {
                            try await client.refresh(with: service)
                        } catch {
                            benchmark.error("refresh failed: \(error)")
                            return
                        }
                    }
                },
                setup: {
                    let made = try await Fixture(store: store, clientCount: clientCount)
                    made.startBackground()
                    fixture.withLock { $0 = made }
                },
                teardown: {
                    let made = fixture.withLock { value -> Fixture? in
                        defer { value = nil }
                        return value
                    }
                    await made?.tearDown(name: name)
                }
            )
        }
    }
}
