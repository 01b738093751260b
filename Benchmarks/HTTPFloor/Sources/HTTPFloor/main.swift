import Foundation
import Hummingbird
import NIOCore
import NIOPosix

// Usage: HTTPFloor PORT BODY_FILE
//
// Answers GET /.well-known/jwks.json with the bytes of BODY_FILE (the service's own key set, so that both answer the
// same body), and POST /api/v0/token/custom by reading the whole request body (up to 64 KiB, as the service does)
// and answering the same bytes; nothing else: no middleware, no authentication, no parsing, no logging. Swift
// concurrency runs on NIO's event loops, as in `jwt-claims serve`. What the service costs per request above this
// server is what its own layers and its work cost.
let arguments = CommandLine.arguments
guard arguments.count == 3, let port = Int(arguments[1]),
    let body = FileManager.default.contents(atPath: arguments[2])
else {
    FileHandle.standardError.write(Data("usage: HTTPFloor PORT BODY_FILE\n".utf8))
    exit(2)
}
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
let bytes = ByteBuffer(bytes: body)
let router = Router()
router.get("/.well-known/jwks.json") { _, _ in
    Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: bytes))
}
router.post("/api/v0/token/custom") { request, _ in
    _ = try await request.body.collect(upTo: 65_536)
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: bytes))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
