// swift-tools-version:6.2
import PackageDescription

// A small executable that exercises ES256 sign, verify, import, export and error paths many times, built by
// Scripts/leak-check.sh under AddressSanitizer (whose LeakSanitizer reports unfreed OpenSSL objects at exit).
// A separate package so the library's own manifest never names it.
let package = Package(
    name: "leak-check",
    dependencies: [.package(name: "swift-jwt-claims", path: "../..")],
    targets: [
        .executableTarget(
            name: "LeakCheck",
            dependencies: [.product(name: "JWTClaims", package: "swift-jwt-claims")],
            swiftSettings: [.strictMemorySafety()]
        )
    ],
    swiftLanguageModes: [.v6]
)
