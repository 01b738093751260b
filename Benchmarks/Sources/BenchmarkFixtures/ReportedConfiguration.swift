public import Benchmark

extension Benchmark.Configuration {
    /// The configuration every benchmark target here starts from: wall clock, throughput and malloc count, with a
    /// `scale` tag that `Scripts/bench-report.py` reads to report figures per operation.
    ///
    /// - Parameters:
    ///   - scale: how many operations one sample times: 1, or 1000 for operations too short to time one by one.
    ///   - timeUnits: the unit the benchmark package prints.
    ///   - warmupIterations: samples run and discarded before measuring.
    ///   - maxDuration: the longest a benchmark runs.
    ///   - maxIterations: the most samples a benchmark takes.
    public static func reported(
        scale: Int = 1,
        timeUnits: BenchmarkTimeUnits = .nanoseconds,
        warmupIterations: Int = 10,
        maxDuration: Duration = .seconds(2),
        maxIterations: Int = 100_000
    ) -> Self {
        .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal],
            tags: ["scale": "\(scale)"],
            timeUnits: timeUnits,
            warmupIterations: warmupIterations,
            scalingFactor: scale == 1000 ? .kilo : .one,
            maxDuration: maxDuration,
            maxIterations: maxIterations
        )
    }
}
