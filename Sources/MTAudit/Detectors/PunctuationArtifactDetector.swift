import MTAuditText

/// Flags punctuation left broken: a doubled mark (". .", "..", ",."), a space before a comma or full
/// stop, quotes and brackets left unbalanced where the source balances them, and a final full stop
/// lost where the source's sentence has one.
public struct PunctuationArtifactDetector: Detector {
    public static let description = DetectorDescription(
        id: "punctuation-artifact",
        name: "Punctuation artifact",
        summary: "Doubled marks, a space before a comma or full stop, unbalanced quotes, a lost final stop.",
        category: .punctuation,
        severity: .minor,
        rationale: """
            Marks left broken by machine translation or by editing tools look careless. Each check \
            compares with the source, so a pattern that the source itself uses is not flagged. An \
            ellipsis is not a doubled full stop, and "etc.," is not one either.
            """,
        triggeringExamples: [
            DetectorExample(source: "The vote was close. Gov. Brandt spoke.", version: "The vote was close⟦. .⟧ Gov. Brandt spoke."),
            DetectorExample(source: "The U.S. Supreme Court ruled.", version: "The U.S⟦..⟧ Supreme Court ruled."),
            DetectorExample(source: "Prices rose, and wages fell.", version: "Prices rose⟦,,⟧ and wages fell."),
            DetectorExample(source: "When you call, they answer.", version: "When you call⟦ ⟧, they answer⟦ ⟧."),
            DetectorExample(source: "The tide rose, and the boats left.", version: "The tide rose⟦\u{00A0}⟧, and the boats left."),
            DetectorExample(source: "He said “the tide will turn” and left.", version: "He said ⟦“⟧the tide will turn and left."),
            DetectorExample(source: "The array (18 turbines) was approved.", version: "The array 18 turbines⟦)⟧ was approved."),
            DetectorExample(source: "The council met on Tuesday.", version: "The council met on Tuesday⟦⟧"),
            DetectorExample(source: "He said: “We will build it.”", version: "He said: “We will build it⟦⟧”"),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "Wait... what?", version: "Wait... what? And then . . . silence."),
            DetectorExample(source: "Apples, pears, etc., were sold.", version: "Apples, pears, etc., were sold at 9 a.m."),
            DetectorExample(source: "Il a dit : « non ».", version: "Il a répondu : « non »."),
            DetectorExample(source: "Headline Without Stop", version: "Headline Without A Stop"),
            DetectorExample(source: "He said „ja“ und ging.", version: "Er sagte „ja“ und ging."),
            DetectorExample(source: "Version 2 .0 shipped .", version: "Version 2 .0 shipped ."),
            DetectorExample(source: "A fact. Another one.", version: "A fact. Another one."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        // Most versions give the scans of their scalars nothing to find, which one pass over their
        // UTF-8 bytes tells: then the scalars are not read (nor made).
        let screen = Screen(context.version.text)
        var findings: [Finding] = []
        if screen.doubled || screen.spaced || screen.paired {
            let version = context.version.scalars
            let source = context.source.text
            if screen.doubled { findings += doubledMarks(version, source: source, context) }
            if screen.spaced { findings += spacesBeforeMarks(version, source: source, context) }
            if screen.paired { findings += unbalancedPairs(version, context) }
        }
        return findings + lostFinalStops(context)
    }

    /// Which scans of a text's scalars may find something, from what each needs, read on its UTF-8
    /// bytes. The marks the scans look for are ASCII, and an ASCII byte is a scalar of its own, next
    /// to the same neighbours: so each answer is true wherever its scan can find something.
    struct Screen {
        /// A mark of . , ; : ? ! followed by one of . , ; : (with at most one space between).
        var doubled = false
        /// A comma or full stop after white space: an ASCII space or control, or a scalar beyond
        /// ASCII (ending in a byte of 0x80 or more).
        var spaced = false
        /// A quote or bracket that pairing reads: " ( ) [ ], or « » “ ” „ 「 」 『 』 （ ）, told by its
        /// last byte (0x88–0x89, 0x8C–0x8F, 0x9C–0x9E, 0xAB, 0xBB) and the bytes before it. Other
        /// scalars beyond ASCII (most letters of most languages) leave the pairs unread, and the
        /// scalars unmade, where once any byte beyond ASCII sent the text to the scan.
        var paired = false

        init(_ text: String) {
            guard let screened = text.utf8.withContiguousStorageIfAvailable({ Self.screen($0) }) else {
                (doubled, spaced, paired) = (true, true, true)
                return
            }
            (doubled, spaced, paired) = screened
        }

        /// What each byte is to the screen, as bits: an ASCII quote or bracket (`pair`); white space
        /// before a mark, or a byte beyond ASCII (`space`); a mark that may start or end a doubled
        /// pair; a comma or full stop; the last byte of a quote or bracket beyond ASCII, or of some
        /// other scalar (`lastOfPair`).
        private static let pair: UInt8 = 1, space: UInt8 = 2, first: UInt8 = 4, second: UInt8 = 8, commaOrStop: UInt8 = 16
        private static let lastOfPair: UInt8 = 32
        private static let classes: [UInt8] = (0...255).map { byte -> UInt8 in
            switch UInt8(byte) {
            case 0x88, 0x89, 0x8C...0x8F, 0x9C...0x9E, 0xAB, 0xBB: return space | lastOfPair
            case 0x80...: return space
            case 0x22, 0x28, 0x29, 0x5B, 0x5D: return pair
            case 0x09, 0x0B, 0x0C, 0x0D, 0x20: return space
            case 0x2C, 0x2E: return first | second | commaOrStop
            case 0x3A, 0x3B: return first | second
            case 0x21, 0x3F: return first
            default: return 0
            }
        }

        /// Whether the byte at `i` (one of `lastOfPair`) ends « » (C2 AB, C2 BB), “ ” „ (E2 80 9C–9E),
        /// 「 」 『 』 (E3 80 8C–8F) or （ ） (EF BC 88–89).
        @inline(__always)
        static func endsPairMark(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
            let last = bytes[i]
            if last == 0xAB || last == 0xBB { return i >= 1 && bytes[i - 1] == 0xC2 }
            guard i >= 2 else { return false }
            let lead = bytes[i - 2], middle = bytes[i - 1]
            switch last {
            case 0x9C...0x9E: return lead == 0xE2 && middle == 0x80
            case 0x8C...0x8F: return lead == 0xE3 && middle == 0x80
            case 0x88, 0x89: return lead == 0xEF && middle == 0xBC
            default: return false
            }
        }

        /// Whether the 64-bit `word` holds a byte above `low` and below `high` (both at most 128), as
        /// the known test ("hasbetween") tells it: exact, with no byte read alone.
        @inline(__always)
        static func hasByte(in word: UInt64, above low: UInt64, below high: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101, sevenBits = ones &* 127
            let low7 = word & sevenBits
            return ((ones &* (127 &+ high)) &- low7) & ~word & (low7 &+ ones &* (127 &- low)) & (ones &* 0x80) != 0
        }

        static func screen(_ bytes: UnsafeBufferPointer<UInt8>) -> (Bool, Bool, Bool) {
            Self.classes.withUnsafeBufferPointer { classes in
                var seen: UInt8 = 0, doubled = false, spaced = false, pairedBeyondASCII = false
                let count = bytes.count
                @inline(__always) func read(_ i: Int) {
                    let kind = classes[Int(bytes[i])]
                    seen |= kind
                    // Marks are rare: the rest of a byte's questions wait for one.
                    guard kind & (first | commaOrStop | lastOfPair) != 0 else { return }
                    if kind & lastOfPair != 0 {
                        if !pairedBeyondASCII && endsPairMark(bytes, at: i) { pairedBeyondASCII = true }
                        return
                    }
                    if kind & commaOrStop != 0, i > 0, classes[Int(bytes[i - 1])] & space != 0 { spaced = true }
                    if kind & first != 0, i + 1 < count {
                        let next = classes[Int(bytes[i + 1])]
                        if next & second != 0 || (bytes[i + 1] == 0x20 && i + 2 < count && classes[Int(bytes[i + 2])] & second != 0) { doubled = true }
                    }
                }
                // Eight bytes at a time, as one 64-bit word: a word of letters, spaces and controls
                // only (most of a text) tells the screen nothing (a space matters only before a mark,
                // which is read with the bytes around it), and is passed over. A word holding a byte
                // of 0x21–0x3F (marks, quotes, brackets, and digits), 0x5B–0x5D, or one beyond ASCII
                // while no pair is known yet, is read byte by byte.
                var i = 0
                if let base = bytes.baseAddress {
                    let raw = UnsafeRawPointer(base)
                    while count - i >= 8 {
                        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        let beyondASCII = !pairedBeyondASCII && seen & pair == 0 && word & 0x8080_8080_8080_8080 != 0
                        if beyondASCII || hasByte(in: word, above: 0x20, below: 0x40) || hasByte(in: word, above: 0x5A, below: 0x5E) {
                            for k in i..<(i + 8) { read(k) }
                        }
                        i += 8
                    }
                }
                while i < count {
                    read(i)
                    i += 1
                }
                return (doubled, spaced, pairedBeyondASCII || seen & pair != 0)
            }
        }

        /// `screen(_:)` read a byte at a time, for tests: the same answers.
        static func screenByteByByte(_ bytes: UnsafeBufferPointer<UInt8>) -> (Bool, Bool, Bool) {
            var doubled = false, spaced = false, paired = false
            for i in bytes.indices {
                let kind = classes[Int(bytes[i])]
                if kind & pair != 0 || (kind & lastOfPair != 0 && endsPairMark(bytes, at: i)) { paired = true }
                if kind & commaOrStop != 0, i > 0, classes[Int(bytes[i - 1])] & space != 0 { spaced = true }
                if kind & first != 0, i + 1 < bytes.count {
                    let next = classes[Int(bytes[i + 1])]
                    if next & second != 0 || (bytes[i + 1] == 0x20 && i + 2 < bytes.count && classes[Int(bytes[i + 2])] & second != 0) { doubled = true }
                }
            }
            return (doubled, spaced, paired)
        }
    }

    // MARK: Doubled marks

    /// A mark that may start a doubled pair: . , ; : ? ! (a switch, not a set: it is asked of every scalar).
    private static func isFirstMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "?", "!": return true
        default: return false
        }
    }

    /// A mark that may end a doubled pair: . , ; :
    private static func isSecondMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":": return true
        default: return false
        }
    }

    private func doubledMarks(_ text: [Unicode.Scalar], source: String, _ context: DetectionContext) -> [Finding] {
        var findings: [Finding] = []
        var i = 0
        while i < text.count {
            let mark = text[i]
            guard Self.isFirstMark(mark) else { i += 1; continue }
            if mark == "." {
                // An ellipsis: three dots or more, spaced or not.
                var j = i
                var dots = 0
                while j < text.count, text[j] == "." || (text[j] == " " && j + 1 < text.count && text[j + 1] == ".") {
                    if text[j] == "." { dots += 1 }
                    j += 1
                }
                if dots >= 3 { i = j; continue }
            }
            var j = i + 1
            while j < text.count, j - i <= 2, text[j] == " " { j += 1 }
            let spaced = j > i + 1
            guard j < text.count, j - i <= 2, Self.isSecondMark(text[j]) else { i += 1; continue }
            // "etc.," "a.m.;": a full stop of an abbreviation may carry another mark.
            if mark == "." && !spaced && text[j] != "." { i += 1; continue }
            // "?." "!," need the second mark to be a full stop or comma right after.
            if (mark == "?" || mark == "!") && spaced { i += 1; continue }
            let pattern = String(String.UnicodeScalarView(text[i...j]))
            if !source.contains(pattern) {
                let span = TextSpan(start: i, end: j + 1)
                findings.append(finding(span, in: context, message: "“\(pattern)”: a doubled punctuation mark",
                                        suggestion: String(mark), evidence: .self))
            }
            i = j + 1
        }
        return findings
    }

    // MARK: Spaces before marks

    private func spacesBeforeMarks(_ text: [Unicode.Scalar], source: String, _ context: DetectionContext) -> [Finding] {
        var findings: [Finding] = []
        // The mark is tested first: it is cheap, and rare, where white space is a property look-up.
        for i in text.indices.dropFirst() where i + 1 < text.count && (text[i + 1] == "," || text[i + 1] == ".")
            && text[i] != "\n" && text[i].properties.isWhitespace {
            let mark = text[i + 1]
            let before = text[i - 1]
            guard !before.properties.isWhitespace, !Self.isFirstMark(before) else { continue }
            let after: Unicode.Scalar = i + 2 < text.count ? text[i + 2] : " "
            // ".5", " ..." and " . . ." are not a stray space.
            if mark == "." && !(after.properties.isWhitespace || Document.isClosingMark(String(after))) { continue }
            if mark == ".", i + 3 < text.count, text[i + 3] == "." { continue }
            if mark == "," && after.properties.numericType != nil { continue }
            if Self.hasSpace(before: mark, in: source) { continue }
            findings.append(finding(TextSpan(start: i, end: i + 1), in: context,
                                    message: "a space before “\(mark)”", suggestion: "", evidence: .self))
        }
        return findings
    }

    /// Whether `source` contains " " followed by `mark` (a comma or full stop), as `contains` says.
    /// Foundation's search costs about 28,000 instructions a call; most sources have no such bytes,
    /// which a scan of their UTF-8 tells: a space and an ASCII mark have no other spelling that a
    /// search could match, so without the two bytes side by side the answer is no. Where they are,
    /// the search itself answers (it matches whole characters: a mark that combines does not count).
    static func hasSpace(before mark: Unicode.Scalar, in source: String) -> Bool {
        let markByte = UInt8(ascii: mark)
        var previous: UInt8 = 0
        var adjacent = false
        for byte in source.utf8 {
            if byte == markByte && previous == UInt8(ascii: " ") {
                adjacent = true
                break
            }
            previous = byte
        }
        return adjacent && source.contains(" \(mark)")
    }

    // MARK: Quotes and brackets

    private struct Pair {
        let open: Unicode.Scalar
        let close: [Unicode.Scalar]
    }

    private static let pairs: [Pair] = [
        Pair(open: "(", close: [")"]), Pair(open: "[", close: ["]"]), Pair(open: "«", close: ["»"]),
        Pair(open: "\u{201C}", close: ["\u{201D}"]), Pair(open: "\u{300C}", close: ["\u{300D}"]),
        Pair(open: "\u{300E}", close: ["\u{300F}"]), Pair(open: "\u{FF08}", close: ["\u{FF09}"]),
    ]

    /// German quotes open with „ and close with “ (or ”): where „ is used, “ closes.
    private static let lowQuotes = Pair(open: "\u{201E}", close: ["\u{201C}", "\u{201D}"])

    /// A quote or bracket of a text, where it stands.
    private typealias Mark = (offset: Int, scalar: Unicode.Scalar)

    private func unbalancedPairs(_ text: [Unicode.Scalar], _ context: DetectionContext) -> [Finding] {
        let marks = Self.pairMarks(text)
        guard !marks.isEmpty else { return [] }
        // The source's marks read only for a pair that the version leaves unmatched: most versions
        // match all of theirs, and a finding needs the source's to match.
        lazy var sourceMarks = Self.pairMarks(context.source.scalars)
        lazy var sourcePairs = pairs(for: sourceMarks)
        var findings: [Finding] = []
        for pair in pairs(for: marks) {
            let unmatched = Self.unmatched(marks, pair: pair)
            guard !unmatched.isEmpty,
                  Self.unmatched(sourceMarks, pair: sourcePairs.first { $0.open == pair.open } ?? pair).isEmpty else {
                continue
            }
            for offset in unmatched {
                let mark = String(text[offset])
                findings.append(finding(TextSpan(start: offset, end: offset + 1), in: context,
                                        message: "“\(mark)” has no partner, where the source's quotes and brackets pair up",
                                        evidence: .source))
            }
        }
        return findings
    }

    private func pairs(for marks: [Mark]) -> [Pair] {
        marks.contains { $0.scalar == "\u{201E}" } ? Self.pairs.filter { $0.open != "\u{201C}" } + [Self.lowQuotes] : Self.pairs
    }

    /// The quotes and brackets of `text` (every scalar of a `Pair`, and the straight `"`), the only
    /// scalars that pairing looks at: one pass over the text, instead of one per pair.
    static func pairMarks(_ text: [Unicode.Scalar]) -> [(offset: Int, scalar: Unicode.Scalar)] {
        var marks: [Mark] = []
        for (offset, scalar) in text.enumerated() {
            // Letters (A–Z, a–z and what lies between them and the marks) are passed over first,
            // with two compares.
            if scalar.value > 0x5D && scalar.value < 0xAB || scalar.value > 0x29 && scalar.value < 0x5B { continue }
            switch scalar.value {
            case 0x22, 0x28, 0x29, 0x5B, 0x5D, 0xAB, 0xBB, 0x201C...0x201E, 0x300C...0x300F, 0xFF08, 0xFF09:
                marks.append((offset, scalar))
            default:
                continue
            }
        }
        return marks
    }

    /// Offsets of the marks of `pair` that have no partner. For curly double quotes a straight `"`
    /// may stand for either partner ("coercive” mixes styles but pairs up).
    private static func unmatched(_ marks: [Mark], pair: Pair) -> [Int] {
        let straightPartners = pair.open == "\u{201C}" || pair.open == "\u{201E}"
        var open: [(offset: Int, straight: Bool)] = []
        var stray: [Int] = []
        for (offset, scalar) in marks {
            if scalar == pair.open {
                open.append((offset, false))
            } else if pair.close.contains(scalar) {
                if open.isEmpty { stray.append(offset) } else { open.removeLast() }
            } else if straightPartners && scalar == "\"" {
                if open.isEmpty { open.append((offset, true)) } else { open.removeLast() }
            }
        }
        // Most pairs are matched, or absent from the text: nothing to gather then.
        if stray.isEmpty && !open.contains(where: { !$0.straight }) { return [] }
        return (stray + open.filter { !$0.straight }.map(\.offset)).sorted()
    }

    // MARK: Final full stops

    /// Whether `range` of `tokens` holds at least `count` word-like tokens: counted by index, up to
    /// `count`, with no array of copies of them made (each copy retaining its text and key).
    static func hasWords(_ count: Int, in tokens: [Token], _ range: Range<Int>) -> Bool {
        var found = 0
        for k in range where tokens[k].isWordLike {
            found += 1
            if found >= count { return true }
        }
        return found >= count
    }

    private func lostFinalStops(_ context: DetectionContext) -> [Finding] {
        let version = context.version
        var findings: [Finding] = []
        for (index, sentence) in version.sentences.enumerated() {
            let lastOfParagraph = index + 1 == version.sentences.count || version.sentences[index + 1].paragraph != sentence.paragraph
            guard lastOfParagraph, version.terminalMark(ofSentence: index) == nil,
                  Self.hasWords(3, in: version.tokens, sentence.tokens),
                  let source = context.alignment.sourceOf[index],
                  let (mark, offset) = context.source.terminalMark(ofSentence: source),
                  Document.isStatementMark(mark) || Document.isQuestionMark(mark) else { continue }
            let end = version.endOfContent(ofSentence: index)
            findings.append(finding(.point(end), in: context,
                                    message: "the sentence ends without the “\(mark)” that ends it in the source",
                                    sourceSpan: TextSpan(start: offset, end: offset + 1),
                                    suggestion: String(mark), evidence: .source))
        }
        return findings
    }
}
