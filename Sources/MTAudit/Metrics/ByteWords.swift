/// A text's words as runs of its UTF-8 bytes, what the metrics' tokenizers cut: numbering words by
/// their bytes (`WordNumbering`) needs no `String` per word.
struct ByteWords {
    let utf8: [UInt8]
    let ranges: [Range<Int>]
    /// Whether every word is in Unicode's NFC and no word can compose with a neighbour, so that two
    /// words are equal as Swift compares strings (canonical equivalence) exactly when their bytes are.
    /// Conservative: true for ASCII and for scalars of common scripts listed in `isInert`.
    let comparesByBytes: Bool

    /// `isASCII`, when the caller knows it (of the bytes of the text the words come from), saves the
    /// pass that finds it out.
    init(utf8: [UInt8], ranges: [Range<Int>], isASCII: Bool? = nil) {
        self.utf8 = utf8
        self.ranges = ranges
        // Most texts are ASCII throughout: one plain pass over the bytes says so.
        comparesByBytes = (isASCII ?? utf8.allSatisfy { $0 < 0x80 }) || Self.inertWords(utf8, ranges)
    }

    /// Words whose `comparesByBytes` is known already: those of a text's words at white space cut
    /// (chrF++'s, 13a's), whose bytes are the words at white space's (`MetricText.spaceWordsCompareByBytes`).
    init(utf8: [UInt8], ranges: [Range<Int>], comparesByBytes: Bool) {
        self.utf8 = utf8
        self.ranges = ranges
        self.comparesByBytes = comparesByBytes
    }

    var count: Int { ranges.count }

    /// The words as strings (for tests and for texts whose words must be compared as strings).
    var strings: [String] { ranges.map { String(decoding: utf8[$0], as: UTF8.self) } }

    /// Whether every scalar of the words is inert (`isInert`).
    static func inertWords(_ utf8: [UInt8], _ ranges: [Range<Int>]) -> Bool {
        for range in ranges {
            var index = range.lowerBound
            while index < range.upperBound {
                if utf8[index] < 0x80 { index += 1; continue }
                let (scalar, length) = PythonText.scalar(utf8, at: index)
                if !Self.isInert(scalar.value) { return false }
                index += length
            }
        }
        return true
    }

    /// Scalars that are their own NFC, have combining class 0 and are no second part of a canonical
    /// composition (not NFC_QC No or Maybe), in blocks assigned long ago: a string of them is NFC.
    /// Checked against Python's unicodedata (Unicode 14); Kelvin, Ohm and Ångström signs, Greek
    /// U+0374/U+037E/U+0387, combining marks, Hangul jamo and kana voicing marks are left out.
    static func isInert(_ value: UInt32) -> Bool {
        switch value {
        case 0x80...0x2FF, 0x370...0x373, 0x375...0x377, 0x37A...0x37D, 0x37F, 0x384...0x386, 0x388...0x38A, 0x38C,
             0x38E...0x3A1, 0x3A3...0x3FF, 0x400...0x482, 0x48A...0x52F, 0x5D0...0x5EA, 0x61B...0x64A, 0x660...0x66F,
             0x671...0x6D5, 0x2010...0x205E, 0x20A0...0x20C0, 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096,
             0x309B...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }
}
