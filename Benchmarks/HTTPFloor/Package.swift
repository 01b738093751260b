// swift-tools-version:6.0
import PackageDescription

// The floor under `jwt-claims serve`'s HTTP cost: a bare Hummingbird 2 server with one route and no middleware,
// built and run by `Scripts/bench-service.sh --floor` beside the service. A package of its own so that neither the
// project nor its benchmark package (and so not CI) builds it.
let package = Package(
    name: "http-floor",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        .executableTarget(
            name: "HTTPFloor",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
