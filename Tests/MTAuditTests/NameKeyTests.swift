@testable import MTAudit
import Testing

/// The byte tests that let name keys skip `base` and `sharesStem`'s slow path must answer as a test
/// of each byte does, wherever in the key (and in whichever word of eight bytes) the byte stands.
@Suite("Name key shortcuts")
struct NameKeyTests {
    /// Keys of 0 to 20 bytes over letters, full stops, carriage returns, apostrophes and a two-byte
    /// letter, each byte at every place of the words the test reads.
    private static func keys() -> [String] {
        let pieces = ["a", "Z", "s", ".", "\r", "'", "é", "'s"]
        var generator = SplitMix(seed: 17)
        var keys = [""]
        for length in 1...20 {
            for _ in 0..<60 {
                var key = ""
                for _ in 0..<length { key += pieces[Int(generator.next() % UInt64(pieces.count))] }
                keys.append(key)
            }
            // One odd byte in a plain key, at each place.
            for place in 0..<length {
                for odd in [".", "\r", "é"] {
                    keys.append(String(repeating: "b", count: place) + odd + String(repeating: "c", count: length - place - 1))
                }
            }
        }
        return keys
    }

    @Test("isPlainStem answers as a test of each byte does")
    func plainStem() {
        for key in Self.keys() {
            let bytes = Array(key.utf8)
            let expected = !bytes.contains { $0 == UInt8(ascii: ".") || $0 >= 0x80 || $0 == 0x0D }
                && !(bytes.count >= 2 && bytes[bytes.count - 1] == UInt8(ascii: "s") && bytes[bytes.count - 2] == UInt8(ascii: "'"))
            #expect(bytes.withUnsafeBufferPointer(isPlainStem) == expected, "\(bytes)")
        }
    }

    @Test("A key is its own base exactly when it is ASCII without a full stop or a final 's (among these keys)")
    func plainBase() {
        for key in Self.keys() {
            let bytes = Array(key.utf8)
            let plain = !bytes.contains { $0 == UInt8(ascii: ".") || $0 >= 0x80 }
                && !(bytes.count >= 2 && bytes[bytes.count - 1] == UInt8(ascii: "s") && bytes[bytes.count - 2] == UInt8(ascii: "'"))
            // A plain key is its own base; each of the others here loses a stop, a possessive or an accent.
            #expect((Array(base(key).utf8) == bytes) == plain, "\(bytes)")
        }
    }
}
