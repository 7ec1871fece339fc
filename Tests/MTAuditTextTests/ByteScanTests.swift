import Testing
@testable import MTAuditText

@Suite("Byte scans eight bytes at a time")
struct ByteScanTests {
    /// Texts of every length up to three words and a tail, each of one `fills` byte, with an `odd` byte
    /// at every place; and each again with `mark` put also at `markPlace(place, length)`, where that
    /// is a place of the text: bytes next to the ones looked for (borrows, high bits) everywhere.
    static func probeTexts(fills: [UInt8], odd: [UInt8], mark: UInt8,
                           markPlace: (_ place: Int, _ length: Int) -> Int?) -> [[UInt8]] {
        var texts: [[UInt8]] = []
        for fill in fills {
            for length in 0...27 {
                texts.append(Array(repeating: fill, count: length))
                for place in 0..<length {
                    for byte in odd {
                        var text = Array(repeating: fill, count: length)
                        text[place] = byte
                        texts.append(text)
                        if let other = markPlace(place, length), other < length {
                            text[other] = mark
                            texts.append(text)
                        }
                    }
                }
            }
        }
        return texts
    }

    @Test("Each scan finds what a byte-by-byte look finds, at every place in and around a word")
    func agreesWithBytewise() {
        let texts = Self.probeTexts(fills: [0x61, 0x20, 0x01, 0x7F, 0x2D],
                                    odd: [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x21, 0x2E, 0x2F, 0x3A, 0x3F, 0x40, 0x5F, 0x60, 0x7F,
                                          0x80, 0x81, 0xC3, 0xE2, 0xFE, 0xFF],
                                    mark: 0x0A) { place, length in length - 1 - place }
        let looked: [UInt8] = [0x0A, 0xE2, 0x2E, 0x00, 0x7F]
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
        }
        #expect(texts.count > 10_000)
    }

    /// A JSON string's first escape: a control byte, a quote or a backslash.
    @Test("firstControl finds the first byte a byte-by-byte look finds, at every place in and around a word")
    func firstControlAgreesWithBytewise() {
        let texts = Self.probeTexts(fills: [0x61, 0x20, 0x7F, 0xA0, 0xE2],
                                    odd: [0x00, 0x01, 0x09, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F,
                                          0xA0, 0xA2, 0xDC, 0xFF],
                                    mark: 0x22) { place, _ in place + 3 }
        for text in texts {
            let expected = text.firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
            let found = text.withUnsafeBufferPointer { ByteScan.firstControl(orAnyOf: 0x22, 0x5C, in: $0) }
            #expect(found == expected, "\(text)")
        }
        #expect(texts.count > 10_000)
    }
}
