import Testing
@testable import MTAuditText

@Suite("Finding a JSON string's first escape eight bytes at a time")
struct ByteScanControlTests {
    @Test("firstControl finds the first byte a byte-by-byte look finds, at every place in and around a word")
    func agreesWithBytewise() {
        // Bytes next to the ones looked for (borrows, high bits), in texts of every length up to three
        // words and a tail, with one or two odd bytes at every place.
        let odd: [UInt8] = [0x00, 0x01, 0x09, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F,
                            0xA0, 0xA2, 0xDC, 0xFF]
        let fills: [UInt8] = [0x61, 0x20, 0x7F, 0xA0, 0xE2]
        var checked = 0
        for fill in fills {
            for length in 0...27 {
                var texts: [[UInt8]] = [Array(repeating: fill, count: length)]
                for place in 0..<length {
                    for byte in odd {
                        var text = Array(repeating: fill, count: length)
                        text[place] = byte
                        texts.append(text)
                        if place + 3 < length {
                            text[place + 3] = 0x22
                            texts.append(text)
                        }
                    }
                }
                for text in texts {
                    let expected = text.firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
                    let found = text.withUnsafeBufferPointer { ByteScan.firstControl(orAnyOf: 0x22, 0x5C, in: $0) }
                    #expect(found == expected, "\(text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }
}
