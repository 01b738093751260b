internal import NIOCore
internal import NIOPosix
internal import Synchronization

/// Runs an operation with a deadline that never waits for the operation.
///
/// postgres-nio can leave a call suspended for good: a query written to a connection that the server has already
/// closed never completes (vapor/postgres-nio#487), a query in flight on a hung server ignores cancellation, and a
/// request for a pooled connection waits in the pool's queue until the pool's circuit breaker trips, 60 seconds
/// after the first failed connection attempt. A deadline built from structured concurrency (a task group racing a
/// timer) would wait for that call too, because a group waits for all its children. So the operation runs in an
/// unstructured task, and whichever comes first, its result or the deadline, resumes the caller; on the deadline
/// the task is cancelled (which withdraws a request still waiting for a pooled connection) and left to end, or not,
/// by itself. The caller is never held past the deadline.
///
/// The timer is a task scheduled on one of NIO's event loops, cancelled (and so freed) the moment the outcome is
/// decided; a `Task.sleep` cancelled early on Linux keeps its timer and memory until its original deadline, one per
/// operation.
enum Deadline {
    /// The deadline passed before the operation finished.
    struct Exceeded: Error, Sendable {}

    /// The operation's result, or ``Exceeded`` at `deadline`, or `CancellationError` when the calling task is
    /// cancelled first.
    ///
    /// - Parameters:
    ///   - deadline: When to give up.
    ///   - operation: The work; it may outlive this call (then its result is dropped).
    static func run<Value: Sendable>(
        until deadline: ContinuousClock.Instant,
        _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let race = Race<Value>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                guard race.install(continuation) else { return }
                let work = Task {
                    do {
                        race.finish(.success(try await operation()))
                    } catch {
                        race.finish(.failure(error))
                    }
                }
                let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(
                    in: TimeAmount(ContinuousClock.now.duration(to: deadline))
                ) {
                    race.finish(.failure(Exceeded()))
                }
                race.attach(work: work, timer: timer)
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }

    /// The one-time meeting point of the caller's continuation, the operation and the timer.
    private final class Race<Value: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Value, any Error>?
            /// The outcome, once decided; kept when it comes before the continuation is installed.
            var outcome: Result<Value, any Error>?
            var work: Task<Void, Never>?
            var timer: Scheduled<Void>?
        }

        private let state = Mutex(State())

        /// Installs the caller's continuation; false (the continuation resumed already) when the outcome is
        /// decided, which happens when the calling task was cancelled before it got here.
        func install(_ continuation: CheckedContinuation<Value, any Error>) -> Bool {
            let decided = state.withLock { state -> Result<Value, any Error>? in
                if let outcome = state.outcome { return outcome }
                state.continuation = continuation
                return nil
            }
            guard let decided else { return true }
            continuation.resume(with: decided)
            return false
        }

        /// Keeps the tasks so the outcome can cancel them; cancels them at once if the outcome came first.
        func attach(work: Task<Void, Never>, timer: Scheduled<Void>) {
            let decided = state.withLock { state -> Bool in
                guard state.outcome == nil else { return true }
                state.work = work
                state.timer = timer
                return false
            }
            if decided {
                work.cancel()
                timer.cancel()
            }
        }

        /// Decides the outcome if it is not decided yet: resumes the caller and cancels what is still running.
        func finish(_ outcome: Result<Value, any Error>) {
            let (continuation, work, timer) = state.withLock { state in
                guard state.outcome == nil else {
                    return (
                        CheckedContinuation<Value, any Error>?.none, Task<Void, Never>?.none, Scheduled<Void>?.none
                    )
                }
                state.outcome = outcome
                defer {
                    state.continuation = nil
                    state.work = nil
                    state.timer = nil
                }
                return (state.continuation, state.work, state.timer)
            }
            continuation?.resume(with: outcome)
            work?.cancel()
            timer?.cancel()
        }
    }
}
