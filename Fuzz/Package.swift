// swift-tools-version:6.2
import PackageDescription

// libFuzzer targets for swift-jwt-claims, one executable per parser. A separate package, so the library's own
// manifest never names them; build and run them with Scripts/fuzz.sh, which passes
// `-sanitize=fuzzer,address -parse-as-library`. The flags reach the library too, so its code is coverage-instrumented
// and checked by AddressSanitizer. Each target's `<Target>_main` hands over to libFuzzer's driver (see README.md).
let targets = ["FuzzJSON", "FuzzBase64URL", "FuzzToken", "FuzzKeyImport", "FuzzKeyRecognition", "FuzzAugment"]

let library = Target.Dependency.product(name: "JWTClaims", package: "swift-jwt-claims")
// The reference API's bodies, which FuzzJSON also parses.
let wireFormat = Target.Dependency.product(name: "JWTClaimsWireFormat", package: "swift-jwt-claims")

let package = Package(
    name: "swift-jwt-claims-fuzz",
    // The library's core alone: no package trait, so GRDB and swift-argument-parser are neither fetched nor built.
    dependencies: [.package(name: "swift-jwt-claims", path: "..", traits: [])],
    targets: [
        // What every target shares: the fixed key, the fixed clock, and how an invariant failure is reported.
        .target(name: "FuzzSupport", dependencies: [library, "CFuzzDriver"], swiftSettings: [.strictMemorySafety()]),
        // Declares libFuzzer's LLVMFuzzerRunDriver, which each target's entry point calls.
        .target(name: "CFuzzDriver"),
    ]
        + targets.map { name in
            .executableTarget(
                name: name,
                dependencies: [library, "FuzzSupport", "CFuzzDriver"] + (name == "FuzzJSON" ? [wireFormat] : []),
                swiftSettings: [.strictMemorySafety()]
            )
        },
    swiftLanguageModes: [.v6]
)
