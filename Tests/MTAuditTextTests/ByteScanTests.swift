import Testing
@testable import MTAuditText

@Suite("Byte scans eight bytes at a time")
struct ByteScanTests {
    @Test("Each scan finds what a byte-by-byte look finds, at every place in and around a word")
    func agreesWithBytewise() {
        // Bytes next to the ones looked for (borrows, high bits), in texts of every length up to three
        // words and a tail, with one or two odd bytes at every place.
        let odd: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x21, 0x2E, 0x2F, 0x3A, 0x3F, 0x40, 0x5F, 0x60, 0x7F,
                            0x80, 0x81, 0xC3, 0xE2, 0xFE, 0xFF]
        let fills: [UInt8] = [0x61, 0x20, 0x01, 0x7F, 0x2D]
        let looked: [UInt8] = [0x0A, 0xE2, 0x2E, 0x00, 0x7F]
        var checked = 0
        for fill in fills {
            for length in 0...27 {
                var texts: [[UInt8]] = [Array(repeating: fill, count: length)]
                for place in 0..<length {
                    for byte in odd {
                        var text = Array(repeating: fill, count: length)
                        text[place] = byte
                        texts.append(text)
                        text[length - 1 - place] = 0x0A
                        texts.append(text)
                    }
                }
                for text in texts {
                    text.withUnsafeBufferPointer { bytes in
                        #expect(ByteScan.isASCII(bytes) == bytes.allSatisfy { $0 < 0x80 })
                        for byte in looked {
                            #expect(ByteScan.contains(byte, in: bytes) == bytes.contains(byte), "\(text) \(byte)")
                        }
                        let triples: [(UInt8, UInt8, UInt8)] = [(0x2E, 0x21, 0x3F), (0x5F, 0x3A, 0x40), (0x00, 0x00, 0x7F)]
                        for (a, b, c) in triples {
                            let expected = bytes.contains { $0 >= 0x80 || $0 == a || $0 == b || $0 == c }
                            #expect(ByteScan.containsNonASCII(orAnyOf: a, b, c, in: bytes) == expected, "\(text)")
                            #expect(ByteScan.containsAny(of: a, b, c, in: bytes) == bytes.contains { $0 == a || $0 == b || $0 == c }, "\(text)")
                        }
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }
}
