/// sacreBLEU's `13a` tokenizer (mteval-v13a), rule for rule, on the text's UTF-8 bytes: every mark
/// its rules name is ASCII, and no byte of a longer character is, so a rule over characters matches
/// the same places over bytes. The tokens are runs of the text's bytes, no strings until they are asked for.
enum Tokenizer13a {
    /// Marks split off on both sides: { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
    private static let separated: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "{|}~[\\]^_` !\"#$%&()*+:;<=>?@/".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static let space = UInt8(ascii: " "), fullStop = UInt8(ascii: "."), comma = UInt8(ascii: ","),
                       dash = UInt8(ascii: "-")

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isFullStopOrComma(_ byte: UInt8) -> Bool { byte == fullStop || byte == comma }

    static func tokens(_ text: String) -> [String] { words(MetricText(text)).strings }

    /// The tokens, as runs of the bytes of the line (the text after sacreBLEU's replacements).
    ///
    /// The rules only put spaces between characters (after the replacements, which are rare and made
    /// first, as sacreBLEU makes them), so each token is a run of the line's bytes: its words at white
    /// space cut where a rule puts a space. The rules' passes are run as a chain, each pass handing
    /// the characters it gives out to the next, and the last reporting where spaces fall.
    static func words(_ text: MetricText) -> ByteWords {
        var line = text.utf8
        let spaceWords: [Range<Int>]
        // sacreBLEU's replacements, one after another (Python's `str.replace`: literal, left to right).
        if line.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "&") }) {
            line = replacing(line, "<skipped>", with: "")
            line = replacing(line, "-\n", with: "")
            line = replacing(line, "\n", with: " ")
            if line.contains(UInt8(ascii: "&")) {
                line = replacing(line, "&quot;", with: "\"")
                line = replacing(line, "&amp;", with: "&")
                line = replacing(line, "&lt;", with: "<")
                line = replacing(line, "&gt;", with: ">")
            }
            spaceWords = PythonText.split(line)
        } else {
            spaceWords = text.spaceWords
        }
        let cuts = line.withUnsafeBufferPointer(Self.cuts)
        guard !cuts.isEmpty else { return ByteWords(utf8: line, ranges: spaceWords, isASCII: text.isASCII) }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(spaceWords.count + cuts.count)
        var next = 0
        for word in spaceWords {
            var start = word.lowerBound
            while next < cuts.count && cuts[next] <= start { next += 1 }
            while next < cuts.count && cuts[next] < word.upperBound {
                ranges.append(start..<cuts[next])
                start = cuts[next]
                next += 1
            }
            ranges.append(start..<word.upperBound)
        }
        // The replacements add and remove ASCII alone: the line is ASCII when the text is.
        return ByteWords(utf8: line, ranges: ranges, isASCII: text.isASCII)
    }

    /// Where the rules put a space between two of the line's bytes, as the offset of the byte after
    /// it, in order, without repeats (the spaces at the ends of the padded line give 0 and the count).
    private static func cuts(_ line: UnsafeBufferPointer<UInt8>) -> [Int] {
        var chain = RuleChain()
        // 1. Separate the marks above, in the line padded with a space at both ends.
        chain.push2(space, -1)
        for (index, byte) in line.enumerated() {
            if separated[Int(byte)] {
                chain.push2(space, -1); chain.push2(byte, index); chain.push2(space, -1)
            } else {
                chain.push2(byte, index)
            }
        }
        chain.push2(space, -1)
        chain.finish()
        return chain.cuts
    }

    /// Rules 2–4 of 13a, each a regular-expression pass over pairs of characters, left to right and
    /// without overlaps as Python's `re.sub` makes it: a pass holds back one character and, when the
    /// next one arrives, gives out the pair rewritten if the rule matches it (and then holds back
    /// nothing) or else the held character (and holds back the new one). A character is a byte and
    /// the line offset it comes from, -1 for a space a rule put there.
    private struct RuleChain {
        /// The character each pass holds back; offset -2: none.
        private var held2: (byte: UInt8, offset: Int) = (0, -2)
        private var held3: (byte: UInt8, offset: Int) = (0, -2)
        private var held4: (byte: UInt8, offset: Int) = (0, -2)
        /// The offset after the last of the line's bytes the last pass gave out.
        private var after = 0
        private(set) var cuts: [Int] = []

        /// 2. A full stop or comma after a non-digit: `([^0-9])([\.,])` → `\1 \2 `.
        mutating func push2(_ byte: UInt8, _ offset: Int) {
            if held2.offset == -2 { held2 = (byte, offset); return }
            let held = held2
            if !isDigit(held.byte) && isFullStopOrComma(byte) {
                held2.offset = -2
                push3(held.byte, held.offset); push3(space, -1); push3(byte, offset); push3(space, -1)
            } else {
                held2 = (byte, offset)
                push3(held.byte, held.offset)
            }
        }

        /// 3. A full stop or comma before a non-digit: `([\.,])([^0-9])` → ` \1 \2`.
        mutating func push3(_ byte: UInt8, _ offset: Int) {
            if held3.offset == -2 { held3 = (byte, offset); return }
            let held = held3
            if isFullStopOrComma(held.byte) && !isDigit(byte) {
                held3.offset = -2
                push4(space, -1); push4(held.byte, held.offset); push4(space, -1); push4(byte, offset)
            } else {
                held3 = (byte, offset)
                push4(held.byte, held.offset)
            }
        }

        /// 4. A dash after a digit: `([0-9])(-)` → `\1 \2 `.
        mutating func push4(_ byte: UInt8, _ offset: Int) {
            if held4.offset == -2 { held4 = (byte, offset); return }
            let held = held4
            if isDigit(held.byte) && byte == dash {
                held4.offset = -2
                give(held.offset); give(-1); give(offset); give(-1)
            } else {
                held4 = (byte, offset)
                give(held.offset)
            }
        }

        /// The last pass gives out a character: a space a rule put there is a cut.
        private mutating func give(_ offset: Int) {
            if offset >= 0 {
                after = offset + 1
            } else if cuts.last != after {
                cuts.append(after)
            }
        }

        /// The end of the line: each pass gives out what it holds, in order.
        mutating func finish() {
            if held2.offset != -2 { let held = held2; held2.offset = -2; push3(held.byte, held.offset) }
            if held3.offset != -2 { let held = held3; held3.offset = -2; push4(held.byte, held.offset) }
            if held4.offset != -2 { let held = held4; held4.offset = -2; give(held.offset) }
        }
    }

    /// `bytes` with every occurrence of `target` replaced, left to right and without overlaps.
    private static func replacing(_ bytes: [UInt8], _ target: String, with replacement: String) -> [UInt8] {
        guard let first = target.utf8.first, bytes.contains(first) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first && bytes[index...].starts(with: target.utf8) {
                out.append(contentsOf: replacement.utf8)
                index += target.utf8.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}
