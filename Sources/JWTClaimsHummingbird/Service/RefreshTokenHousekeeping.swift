import FoundationEssentials
public import JWTClaims
public import Logging
public import ServiceLifecycle

/// Deletes, at start and then every ``interval``, the refresh tokens of every family whose tokens have all expired
/// (`RefreshTokenStore.removeExpiredFamilies(now:)`), so that the store does not grow without bound. Used and revoked
/// tokens stay until their family's last token expires: reuse detection never forgets a stolen token early.
///
/// ``buildApplication(configuration:logger:services:onServerRunning:)`` runs one when
/// ``ServiceConfiguration/housekeepingInterval`` is set (the default: hourly). A server that mounts
/// ``ReferenceAPIController`` on its own router runs one itself, beside its application:
///
/// ```swift
/// let housekeeping = try RefreshTokenHousekeeping(store: store, interval: .seconds(3600), logger: logger)
/// let group = ServiceGroup(services: [app, housekeeping], gracefulShutdownSignals: [.sigterm], logger: logger)
/// ```
///
/// Several instances sharing one database may each run it: a family is deleted by one of them, and the stores make a
/// run that meets a concurrent one harmless. A run that fails (the database is down) is logged and retried at the
/// next interval; it never stops the service.
public struct RefreshTokenHousekeeping: Service {
    /// The store it cleans.
    public let store: any RefreshTokenStore
    /// The time between the end of one run and the start of the next.
    public let interval: Duration
    private let now: @Sendable () -> NumericDate
    private let logger: Logger

    /// Housekeeping for `store` every `interval`.
    ///
    /// - Parameters:
    ///   - store: The store to clean.
    ///   - interval: The time between runs; more than zero.
    ///   - now: The clock that says which tokens have expired (nil, the default: the system's).
    ///   - logger: Where each run that deleted something, and each failed run, is logged (counts and error codes;
    ///     never a token).
    /// - Throws: `invalidConfiguration` when `interval` is not positive.
    public init(
        store: any RefreshTokenStore,
        interval: Duration,
        now: (@Sendable () -> NumericDate)? = nil,
        logger: Logger
    ) throws(JWTError) {
        guard interval > .zero else {
            throw JWTError(
                code: .invalidConfiguration,
                reason: "the refresh-token housekeeping interval must be more than zero, not \(interval)"
            )
        }
        self.store = store
        self.interval = interval
        self.now = now ?? { NumericDate(Date()) }
        self.logger = logger
    }

    /// Runs at once, then every ``interval``, until the task is cancelled or a graceful shutdown begins.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await runOnce()
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
            }
        }
    }

    /// One run: deletes what has expired and logs the count; a failure is logged, not thrown.
    ///
    /// - Returns: How many records were deleted; nil when the run failed.
    @discardableResult
    public func runOnce() async -> Int? {
        do throws(JWTError) {
            let removed = try await store.removeExpiredFamilies(now: now())
            if removed > 0 {
                logger.info("removed expired refresh tokens", metadata: ["records": "\(removed)"])
            }
            return removed
        } catch {
            logger.warning(
                "refresh-token housekeeping failed; it runs again at the next interval",
                metadata: ["error": "\(error.code)", "reason": "\(error.reason)"]
            )
            return nil
        }
    }
}
