import Foundation
import Testing

/// Loads test data that the test target ships in `Resources/`.
enum Vectors {
    /// The bytes of `Resources/<path>`.
    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root().appendingPathComponent(path))
    }

    /// The bytes of `Resources/<path>` as an array.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try data(path))
    }

    /// The names of the files in `Resources/<folder>`, sorted.
    static func fileNames(in folder: String) throws -> [String] {
        let url = try root().appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    /// The copied `Resources` folder. Darwin's `resourceURL` is the bundle's resource directory, which contains
    /// it; swift-corelibs-foundation already answers with `<bundle>/Resources`, the copied folder itself.
    private static func root() throws -> URL {
        let base = try #require(Bundle.module.resourceURL)
        let nested = base.appendingPathComponent("Resources")
        return FileManager.default.fileExists(atPath: nested.path) ? nested : base
    }

    /// `Resources/<path>` decoded with Foundation's `JSONDecoder` (used only to read vector files, never to test).
    static func decode<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        try JSONDecoder().decode(T.self, from: data(path))
    }
}

extension [UInt8] {
    /// Bytes from a hex string such as `"0a1B"`; nil if the text is not hex.
    init?(hex: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for character in hex.utf8 {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let pending = high {
                bytes.append(pending << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard high == nil else { return nil }
        self = bytes
    }

    /// Lower-case hex.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
