import NIOCore

extension TimeAmount {
    /// The duration in NIO's nanoseconds, saturating at the largest amount.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let (nanos, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        self = .nanoseconds(overflow ? Int64.max : nanos &+ attoseconds / 1_000_000_000)
    }
}
