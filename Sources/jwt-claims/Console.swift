import Foundation

/// Writes to standard output and standard error, unbuffered by the C library, so the two never interleave out of
/// order and nothing is lost when the process exits with a status.
enum Console {
    /// Writes `text` and a line feed to standard output.
    static func printLine(_ text: String) {
        write(Array((text + "\n").utf8), to: .standardOutput)
    }

    /// Writes `text` as it is to standard output.
    static func printText(_ text: String) {
        write(Array(text.utf8), to: .standardOutput)
    }

    /// Writes `text` and a line feed to standard error.
    static func printError(_ text: String) {
        write(Array((text + "\n").utf8), to: .standardError)
    }

    /// Writes bytes to a handle. A closed pipe ends the process by SIGPIPE as for any Unix tool; any other write
    /// failure leaves nothing to report it to, so it is ignored.
    static func write(_ bytes: [UInt8], to handle: FileHandle) {
        guard !bytes.isEmpty else { return }
        try? handle.write(contentsOf: bytes)
    }
}

/// Lines for standard output, collected and written in blocks: a batch of ten thousand results costs a few
/// system calls, not ten thousand.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let handle: FileHandle
    private let blockSize: Int

    /// A buffer that writes to `handle` whenever `blockSize` bytes are waiting.
    init(handle: FileHandle = .standardOutput, blockSize: Int = 64 * 1024) {
        self.handle = handle
        self.blockSize = blockSize
        bytes.reserveCapacity(blockSize + 4096)
    }

    /// Adds `text` and a line feed.
    mutating func appendLine(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= blockSize { flush() }
    }

    /// Writes what is waiting.
    mutating func flush() {
        Console.write(bytes, to: handle)
        bytes.removeAll(keepingCapacity: true)
    }
}
