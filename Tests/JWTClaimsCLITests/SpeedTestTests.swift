import JWTClaims
import Testing

@testable import jwt_claims

@Suite("SpeedTest")
struct SpeedTestTests {
    @Test("runs an operation at least once and for at least the time asked")
    func measure() throws {
        var runs = 0
        let measurement = try SpeedTest.measure("count", for: .milliseconds(5)) { () throws(JWTError) in runs += 1 }
        #expect(measurement.count == runs)
        #expect(runs >= 8)
        #expect(measurement.elapsed >= .milliseconds(5))
        #expect(measurement.perSecond > 0)
    }

    @Test("formats fixed decimals without Foundation")
    func format() {
        #expect(SpeedTest.format(1234.5678, 2) == "1234.57")
        #expect(SpeedTest.format(0.05, 1) == "0.1")
        #expect(SpeedTest.format(7, 2) == "7.00")
        #expect(SpeedTest.format(12.04, 2) == "12.04")
        #expect(SpeedTest.format(3.7, 0) == "4")
    }

    @Test("measures sign, verify, cached verify, augment and decode, and tabulates them")
    func run() throws {
        let measurements = try SpeedTest.run(for: .milliseconds(1), now: 1_599_177_603)
        #expect(measurements.map(\.name) == ["sign", "verify", "verify (cached)", "augment", "decode"])
        let table = SpeedTest.table(measurements)
        #expect(table.count == 6)
        #expect(table[1].hasPrefix("sign "))
    }
}
