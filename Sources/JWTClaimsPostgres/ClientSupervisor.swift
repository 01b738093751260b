internal import Logging
internal import PostgresNIO
internal import Synchronization

/// Owns the store's connection pool (a `PostgresClient`) and replaces it when it stops working while the database
/// works.
///
/// postgres-nio's pool recovers from an outage by itself, but slowly: it retries connections on a backoff that
/// grows by 1.25 per attempt up to 60 seconds, so after a long outage it may notice the database is back only a
/// minute later; before its circuit breaker trips (60 seconds after the first failed attempt) it queues every
/// request without a time limit. Measured with postgres-nio 1.33.2: the first success came 0.5 s after a 10 s
/// outage, 4.2 s after 30 s, 9.5 s after 75 s. A client cannot be restarted (`run()` runs once), so the supervisor
/// starts a new one.
///
/// The rule: once an operation has failed and none has succeeded since, the supervisor checks every
/// ``PostgresRefreshTokenStore/Configuration/probeInterval``. If `SELECT 1` through the pool answers, all is well.
/// If not, it opens a connection of its own (``DirectConnection/probe(_:id:logger:until:)``): when that fails the
/// database is down and there is nothing to do but wait; when it succeeds, the database is back but the pool is not,
/// and the supervisor swaps in a new client and retires the old one. A pool that is merely slow (busy) keeps
/// succeeding now and then, so it is never replaced under load.
final class ClientSupervisor: Sendable, CustomReflectable {
    private struct State {
        var client: PostgresClient
        /// Since when operations have failed without a success; nil while all is well.
        var failingSince: ContinuousClock.Instant?
        var lastSuccess: ContinuousClock.Instant?
        /// Whether the last direct probe failed (to log an outage once, and its end once).
        var isDatabaseUnreachable = false
        var replacements = 0
        var nextConnectionID = 1
    }

    private let state: Mutex<State>
    private let settings: ConnectionSettings
    private let logger: Logger
    private let probeInterval: Duration

    /// A supervisor of a new client for `settings`, or of `initialClient` (tests give one that cannot work).
    init(
        settings: ConnectionSettings,
        logger: Logger,
        probeInterval: Duration,
        initialClient: PostgresClient? = nil
    ) {
        self.settings = settings
        self.logger = logger
        self.probeInterval = probeInterval
        let client = initialClient ?? PostgresClient(configuration: settings.client, backgroundLogger: logger)
        self.state = Mutex(State(client: client))
    }

    /// The pool to use now.
    var client: PostgresClient {
        state.withLock { $0.client }
    }

    /// How many times the pool was replaced.
    var replacements: Int {
        state.withLock { $0.replacements }
    }

    /// Only the count of replacements: the client and the settings hold the password.
    var customMirror: Mirror { Mirror(self, children: ["replacements": replacements], displayStyle: .class) }

    /// A connection id for the logs of a direct connection.
    func makeConnectionID() -> Int {
        state.withLock { state in
            defer { state.nextConnectionID += 1 }
            return state.nextConnectionID
        }
    }

    /// An operation reached the database.
    func recordSuccess() {
        state.withLock { state in
            state.lastSuccess = .now
            state.failingSince = nil
        }
    }

    /// An operation failed in a way that may mean the database or the pool is unreachable.
    func recordFailure() {
        state.withLock { state in
            if state.failingSince == nil { state.failingSince = .now }
        }
    }

    /// Runs the pool, and each replacement, until the calling task is cancelled.
    func run() async {
        await withDiscardingTaskGroup { group in
            var client = self.client
            while !Task.isCancelled {
                let (retirement, retire) = AsyncStream<Never>.makeStream()
                group.addTask { [client] in
                    // The client runs until it is retired (then its run() is cancelled, which closes its
                    // connections) or the store stops.
                    await withTaskGroup(of: Void.self) { lifetime in
                        lifetime.addTask { await client.run() }
                        lifetime.addTask { for await _ in retirement {} }
                        await lifetime.next()
                        lifetime.cancelAll()
                    }
                }
                guard await watch(client) else { break }
                let replacement = PostgresClient(configuration: settings.client, backgroundLogger: logger)
                state.withLock { state in
                    state.client = replacement
                    state.replacements += 1
                    state.failingSince = nil
                }
                // New operations go to the replacement from now on; the old client's pending ones fail or run
                // into their deadlines.
                retire.finish()
                client = replacement
            }
        }
    }

    /// Watches `client` until it should be replaced (true) or the task is cancelled (false).
    private func watch(_ client: PostgresClient) async -> Bool {
        while true {
            do {
                try await Task.sleep(for: probeInterval)
            } catch {
                return false
            }
            let failingSince = state.withLock { $0.failingSince }
            guard failingSince != nil else { continue }
            if await poolAnswers(client) {
                noteReachable()
                continue
            }
            guard !Task.isCancelled else { return false }
            let probeID = makeConnectionID()
            let deadline = ContinuousClock.now + settings.client.options.connectTimeout + probeInterval
            if let error = await DirectConnection.probe(settings, id: probeID, logger: logger, until: deadline) {
                noteUnreachable(error)
                continue
            }
            noteReachable()
            logger.warning(
                "PostgreSQL answers a new connection but not the store's pool: replacing the pool",
                metadata: ["failing since": "\(failingSince.map { ContinuousClock.now - $0 } ?? .zero)"]
            )
            return true
        }
    }

    /// Whether `SELECT 1` through the pool answers within one probe interval.
    private func poolAnswers(_ client: PostgresClient) async -> Bool {
        do {
            try await Deadline.run(until: .now + probeInterval) { [logger] in
                _ = try await client.query("SELECT 1", logger: logger).collect()
            }
            recordSuccess()
            return true
        } catch {
            return false
        }
    }

    private func noteUnreachable(_ error: any Error) {
        let isNew = state.withLock { state in
            defer { state.isDatabaseUnreachable = true }
            return !state.isDatabaseUnreachable
        }
        if isNew {
            logger.error(
                "PostgreSQL is unreachable; the store fails its operations until it is back",
                metadata: ["error": "\(PostgresFailure.summary(of: error))"]
            )
        }
    }

    private func noteReachable() {
        let wasUnreachable = state.withLock { state in
            defer { state.isDatabaseUnreachable = false }
            return state.isDatabaseUnreachable
        }
        if wasUnreachable {
            logger.notice("PostgreSQL is reachable again")
        }
    }
}
