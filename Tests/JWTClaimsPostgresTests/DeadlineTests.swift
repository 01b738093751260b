import Synchronization
import Testing

@testable import JWTClaimsPostgres

/// ``Deadline``: the caller gets the operation's result, or the deadline, or its own cancellation, and is never held
/// by an operation that ignores cancellation. No database needed.
@Suite("Deadline")
struct DeadlineTests {
    /// An operation that ignores cancellation: it waits until the test opens the gate.
    final class Gate: Sendable {
        private let state = Mutex<(isOpen: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

        func wait() async {
            await withCheckedContinuation { continuation in
                let isOpen = state.withLock { state in
                    if !state.isOpen { state.waiter = continuation }
                    return state.isOpen
                }
                if isOpen { continuation.resume() }
            }
        }

        func open() {
            let waiter = state.withLock { state in
                state.isOpen = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }

        var isWaiting: Bool { state.withLock { $0.waiter != nil } }
    }

    @Test("returns the operation's result, and its error")
    func result() async throws {
        let value = try await Deadline.run(until: .now + .seconds(60)) { 42 }
        #expect(value == 42)
        struct Failure: Error {}
        await #expect(throws: Failure.self) {
            try await Deadline.run(until: .now + .seconds(60)) { () async throws -> Int in throw Failure() }
        }
    }

    @Test("gives up at the deadline while the operation, which ignores cancellation, is still running")
    func doesNotWaitForTheOperation() async throws {
        let gate = Gate()
        await #expect(throws: Deadline.Exceeded.self) {
            try await Deadline.run(until: .now + .milliseconds(100)) { await gate.wait() }
        }
        #expect(gate.isWaiting, "the deadline returned while the operation still waited")
        gate.open()
    }

    @Test("a cancelled caller gets CancellationError at once, while the operation still runs")
    func cancellation() async throws {
        let gate = Gate()
        let caller = Task {
            try await Deadline.run(until: .now + .seconds(3600)) { await gate.wait() }
        }
        while !gate.isWaiting { await Task.yield() }
        caller.cancel()
        await #expect(throws: CancellationError.self) { try await caller.value }
        gate.open()
        let alreadyCancelled = Task {
            while !Task.isCancelled { await Task.yield() }
            return try await Deadline.run(until: .now + .seconds(3600)) { 1 }
        }
        alreadyCancelled.cancel()
        await #expect(throws: CancellationError.self) { try await alreadyCancelled.value }
    }
}
