@testable import MTAudit
import MTAuditText
import Testing

/// The ASCII fast paths of the number rule's digits against the plain reading of scalars.
@Suite("Names5 number digits")
struct Names5NumberDigitsTests {
    static let pieces = ["0", "7", "00", "007", "1,000", "3.5", "1.250,50", "12,", ".5", "a", "b1", "/", ":", "9", " ", "x9y",
                         "0.0", "10", "2020", "..", ",,", "\u{2F}", "\u{3A}", "@", "`"]

    @Test("nextASCIIDigit finds a digit where a look at every byte finds one, for every span")
    func digitScreen() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    for end in start...bytes.count {
                        let expected = bytes[start..<end].contains { $0 >= 0x30 && $0 <= 0x39 }
                        #expect((NumberMismatchDetector.nextASCIIDigit(buffer, in: start..<end) < end) == expected, "\(text) \(start)..<\(end)")
                    }
                }
            }
        }
        // Every byte below 0x80, alone and among others, at every place of a word.
        for byte in UInt8(0)..<0x80 {
            for place in 0..<17 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 17)
                bytes[place] = byte
                bytes.withUnsafeBufferPointer { buffer in
                    #expect((NumberMismatchDetector.nextASCIIDigit(buffer, in: 0..<17) < 17) == (byte >= 0x30 && byte <= 0x39))
                }
            }
        }
    }

    @Test("asciiValue is value of the bytes' scalars")
    func values() {
        var generator = SystemRandomNumberGenerator()
        var written = ["0", "00", "000", "0001", "10", "1,000", "1.000", "3,5", "1,250.50", "0.50", "12,345,678", "007"]
        for _ in 0..<300 {
            written.append((0..<Int.random(in: 1...9, using: &generator)).map { _ in ["0", "1", "9", ",", "."].randomElement(using: &generator)! }.joined())
        }
        for text in written {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { NumberMismatchDetector.asciiValue($0) }
            #expect(fast == NumberMismatchDetector.value(ArraySlice(text.unicodeScalars)), "\(text)")
        }
    }

    @Test("The numbers of ASCII texts, found with the screen, are those found in their scalars")
    func numbers() throws {
        let segmenter = try Segmenter()
        for text in ["No digits here at all, none.", "In 2020 the census said 1,250.50 people.", "7", "a 0 b 00 c 0.5",
                     "Numbers 12345678 and 87654321 then 9.", "x" + String(repeating: "y", count: 40) + "3"] {
            let document = Document(id: "t", text: text, segmenter: segmenter)
            let ascii = NumberMismatchDetector.digits(in: document, span: TextSpan(start: 0, end: document.length))
            #expect(ascii.map(\.value) == Self.plainDigits(text), "\(text)")
        }
    }

    /// The runs of digits of `text` and their values, read without any screen: a digit followed by
    /// digits, or by a separator with a digit after it.
    static func plainDigits(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var values: [String] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { (0x30...0x39).contains(scalars[k].value) }
        while i < scalars.count {
            while i < scalars.count && !isDigit(i) { i += 1 }
            guard i < scalars.count else { break }
            var end = i
            while end < scalars.count, isDigit(end) || ((scalars[end] == "," || scalars[end] == ".") && end + 1 < scalars.count && isDigit(end + 1)) {
                end += 1
            }
            values.append(NumberMismatchDetector.value(scalars[i..<end]))
            i = end
        }
        return values
    }
}
