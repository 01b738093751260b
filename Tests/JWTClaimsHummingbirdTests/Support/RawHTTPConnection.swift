import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain TCP connection to the live test server, for what an HTTP client library will not send: chunked bodies
/// that cross the limit, bodies trickled byte by byte. Blocking calls run on a Dispatch thread, never on the
/// cooperative pool the server's handlers need.
final class RawHTTPConnection: @unchecked Sendable {
    // @unchecked: the descriptor is used by one test at a time, sequentially.
    private let descriptor: Int32

    /// Connects to 127.0.0.1:`port`; reads time out after `receiveTimeout` seconds.
    init?(port: Int, receiveTimeout: Int = 15) {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = unsafe inet_addr("127.0.0.1")
        let connected = unsafe withUnsafePointer(to: &address) { pointer in
            unsafe pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                unsafe connect(socketDescriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            _ = close(socketDescriptor)
            return nil
        }
        var timeout = timeval(tv_sec: receiveTimeout, tv_usec: 0)
        _ = unsafe setsockopt(
            socketDescriptor,
            SOL_SOCKET,
            SO_RCVTIMEO,
            &timeout,
            socklen_t(MemoryLayout<timeval>.size)
        )
        descriptor = socketDescriptor
    }

    deinit {
        _ = close(descriptor)
    }

    /// Sends `text`; false once the peer has closed or reset the connection.
    @discardableResult
    func send(_ text: String) async -> Bool {
        let bytes = Array(text.utf8)
        let descriptor = descriptor
        return await Self.blocking {
            let sent = unsafe bytes.withUnsafeBytes { buffer in
                unsafe Glibc.send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            }
            return sent == bytes.count
        }
    }

    /// Reads until the peer closes the connection, the read times out, or `limit` bytes arrived.
    func receive(limit: Int = 1 << 20) async -> (text: String, closed: Bool) {
        let descriptor = descriptor
        return await Self.blocking {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while received.count < limit {
                let count = unsafe buffer.withUnsafeMutableBytes { pointer in
                    unsafe recv(descriptor, pointer.baseAddress, pointer.count, 0)
                }
                if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
                if count < 0 {
                    // ECONNRESET counts as closed; a timeout (EAGAIN) as still open.
                    let closed = errno == ECONNRESET
                    return (String(decoding: received, as: UTF8.self), closed)
                }
                received.append(contentsOf: buffer[..<count])
            }
            return (String(decoding: received, as: UTF8.self), false)
        }
    }

    private static func blocking<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
