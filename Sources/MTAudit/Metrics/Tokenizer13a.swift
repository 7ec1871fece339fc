import MTAuditText

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

    /// The marks of rule 1 and those of rules 2–4 (full stop, comma, dash): a word with none of
    /// them is a token whole (`tokens`).
    private static let marks: [Bool] = {
        var table = separated
        for byte in ".,-".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static let lessThan = UInt8(ascii: "<"), ampersand = UInt8(ascii: "&")
    private static let space = UInt8(ascii: " "), fullStop = UInt8(ascii: "."), comma = UInt8(ascii: ","),
                       dash = UInt8(ascii: "-")

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isFullStopOrComma(_ byte: UInt8) -> Bool { byte == fullStop || byte == comma }

    static func tokens(_ text: String) -> [String] { words(MetricText(text)).strings }

    /// The tokens, as runs of the bytes of the line (the text after sacreBLEU's replacements).
    ///
    /// The rules only put spaces between characters (after the replacements, which are rare and made
    /// first, as sacreBLEU makes them), so each token is a run of the line's bytes: its words at white
    /// space cut where a rule puts a space. The passes of rules 2–4 are run as a chain, each pass
    /// handing the characters it gives out to the next, and the last reporting where spaces fall.
    static func words(_ text: MetricText) -> ByteWords {
        var line = text.utf8
        let spaceWords: [Range<Int>]
        // Whether the tokens cover the bytes of the text's words at white space (no replacement
        // inside a word), whose `comparesByBytes` the text knows.
        var textsWords = true
        // sacreBLEU's replacements, one after another (Python's `str.replace`: literal, left to right).
        if !line.withUnsafeBufferPointer({ hasReplacementStart($0) }) {
            spaceWords = text.spaceWords
        } else if let spaced = line.withUnsafeBufferPointer({ lineBreaksSpaced($0) }) {
            // Line breaks alone (paragraphs): each made a space, the text's words at white space kept.
            line = spaced
            spaceWords = text.spaceWords
        } else {
            textsWords = false
            line = replacing(line, "<skipped>", with: "")
            line = replacing(line, "-\n", with: "")
            line = replacing(line, "\n", with: " ")
            if line.contains(UInt8(ascii: "&")) {
                line = replacing(line, "&quot;", with: "\"")
                line = replacing(line, "&amp;", with: "&")
                line = replacing(line, "&lt;", with: "<")
                line = replacing(line, "&gt;", with: ">")
            }
            // Each replacement but the line break's shortens the line: a line as long as the text
            // had only line breaks made spaces, and its words at white space are the text's.
            spaceWords = line.count == text.utf8.count ? text.spaceWords : PythonText.split(line)
        }
        // The replacements add and remove ASCII alone: the line is ASCII when the text is.
        let ranges = line.withUnsafeBufferPointer { tokens($0, spaceWords) }
        return textsWords ? ByteWords(utf8: line, ranges: ranges, comparesByBytes: text.spaceWordsCompareByBytes)
            : ByteWords(utf8: line, ranges: ranges, isASCII: text.isASCII)
    }

    /// The bytes with each line break made a space, where that is all sacreBLEU's replacements do:
    /// where no `<` or `&` starts another and no line break follows a dash (`-\n` is removed); nil
    /// elsewhere. One pass, eight bytes at a time past those with no line break, where the replacements
    /// one after another read the text three times, byte by byte.
    static func lineBreaksSpaced(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard !bytes.isEmpty, !ByteScan.containsAny(of: UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "&"), in: bytes) else {
            return nil
        }
        let lineBreak = UInt8(ascii: "\n")
        var spaced = Array(bytes), dashBreak = false
        spaced.withUnsafeMutableBufferPointer { spaced in
            // (The line breaks found eight bytes at a time, `ByteScan`.)
            var index = ByteScan.firstIndex(ofAnyOf: lineBreak, lineBreak, lineBreak, in: bytes, from: 0)
            while index < spaced.count {
                if index > 0 && spaced[index &- 1] == dash { dashBreak = true; return }
                spaced[index] = space
                index = ByteScan.firstIndex(ofAnyOf: lineBreak, lineBreak, lineBreak, in: bytes, from: index &+ 1)
            }
        }
        return dashBreak ? nil : spaced
    }

    /// Whether any byte is `<`, a line break or `&`: where sacreBLEU's replacements start (read eight
    /// bytes at a time).
    static func hasReplacementStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.containsAny(of: UInt8(ascii: "<"), UInt8(ascii: "\n"), UInt8(ascii: "&"), in: bytes)
    }

    /// The words at white space cut where the rules put spaces, word by word (a word's cuts depend
    /// on its own bytes alone, `wordCut`): a word with no mark of the rules is a token whole; one
    /// with marks is cut where `wordCut` says, or, where it has two full stops or commas side by side,
    /// where the rules' chain run over the word alone cuts it (`appendChainTokens`). The chain over
    /// the line's windows (`ruleCuts`) is no longer run for every text with a mark.
    private static func tokens(_ line: UnsafeBufferPointer<UInt8>, _ spaceWords: [Range<Int>]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(2 * spaceWords.count)
        separated.withUnsafeBufferPointer { separated in
        marks.withUnsafeBufferPointer { marks in
            words: for word in spaceWords {
                // Every cut of the rules lies next to a mark of theirs (on either side of it): a
                // word without one has no cut inside it, and its bytes need no other look.
                // (A loop of its own over the word's bytes, with no check of the range's bounds.)
                var index = word.lowerBound
                while index < word.upperBound && !marks[Int(line[index])] { index &+= 1 }
                if index == word.upperBound {
                    ranges.append(word)
                    continue
                }
                let first = ranges.count
                var start = word.lowerBound, cut = word.lowerBound &+ 1
                while cut < word.upperBound {
                    guard let cuts = wordCut(line, word, at: cut, separated: separated) else {
                        // Two full stops or commas side by side: the word's tokens made again by the chain.
                        ranges.removeSubrange(first...)
                        appendChainTokens(line, word, to: &ranges)
                        continue words
                    }
                    if cuts {
                        ranges.append(start..<cut)
                        start = cut
                    }
                    cut &+= 1
                }
                ranges.append(start..<word.upperBound)
            }
        }
        }
        return ranges
    }

    /// The tokens of one word at white space (of the line after no replacement but line breaks) by
    /// the rules' chain run over the word alone, with white space on either side (as around it in
    /// the line: rules 2–4 read white space as what is neither a digit nor a mark, whatever it is).
    private static func appendChainTokens(_ line: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, to ranges: inout [Range<Int>]) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: RuleChain.cutCapacity(word.count)) { cuts in
            var chain = RuleChain(after: word.lowerBound, into: cuts)
            pushSpaced(line, word, into: &chain)
            var start = word.lowerBound
            for cut in chain.cuts where Int(cut) > word.lowerBound && Int(cut) < word.upperBound {
                ranges.append(start..<Int(cut))
                start = Int(cut)
            }
            ranges.append(start..<word.upperBound)
        }
    }

    /// Whether the text's tokens are chrF++'s words (`CharacterFScore.words`), run for run: then BLEU's
    /// n-gram matches are those of chrF++'s words (`MetricText.characterFScoreWordMatches`), and
    /// neither its tokens nor their numbers need be made. So on four texts in five: most words have
    /// no mark (whole in both), and a word's one mark at its end (or at its start) is split off by both.
    ///
    /// Conservative: false where sacreBLEU's replacements could change more than white space (a `<`
    /// or `&` anywhere, a dash before a line break; line breaks alone become spaces, and the words at
    /// white space stay), and for a word with two full stops or commas side by side (whose cuts
    /// depend on the order the rules consume them in); else exact, by `wordCut`.
    static func tokensAreCharacterFScoreWords(_ text: MetricText) -> Bool {
        text.utf8.withUnsafeBufferPointer { line in
            spaceWordsCutAsCharacterFScore(line, text.spaceWords)
        }
    }

    /// Whether 13a cuts each of the words at white space (with white space around each) where
    /// chrF++ cuts it: nowhere, or one mark off its end, or else off its start (of a word of two bytes
    /// or more); false too where a word has two full stops or commas side by side.
    ///
    /// Every cut of either lies next to a mark (Python's punctuation, `punctuationBits`): the line is
    /// read eight bytes at a time for them, and only the places on either side of each are compared.
    /// Most words have no mark, and are not looked at.
    static func spaceWordsCutAsCharacterFScore(_ line: UnsafeBufferPointer<UInt8>, _ spaceWords: [Range<Int>]) -> Bool {
        guard let base = line.baseAddress else { return true }
        return separated.withUnsafeBufferPointer { separated in
        punctuation.withUnsafeBufferPointer { punctuation in
        spaceWords.withUnsafeBufferPointer { spaceWords in
            var wordIndex = 0, chunk = 0
            while chunk < line.count {
                let bytes = chunk &+ 8 <= line.count ? UnsafeRawPointer(base + chunk).loadUnaligned(as: UInt64.self)
                    : WordVocabulary.shortValue(line, chunk, line.count &- chunk)
                var marks = punctuationBits(bytes)
                while marks != 0 {
                    let mark = chunk &+ marks.trailingZeroBitCount >> 3
                    marks &= marks &- 1
                    // Where a replacement starts (`<skipped>`, `&amp;` and the like; a dash's line
                    // break, removed with it), the line is not the text.
                    let byte = line[mark]
                    if byte == lessThan || byte == ampersand
                        || byte == dash && mark &+ 1 < line.count && line[mark &+ 1] == UInt8(ascii: "\n") {
                        return false
                    }
                    // The mark's word (a mark is no white space: some word holds it).
                    while spaceWords[wordIndex].upperBound <= mark { wordIndex &+= 1 }
                    let word = spaceWords[wordIndex]
                    if word.count == 1 { continue }
                    // Most marks end their word (a full stop, a comma, a closing mark): both cut it
                    // off, rule 1 or a lone full stop or comma's rule (the byte before is none).
                    if mark &+ 1 == word.upperBound
                        && (separated[Int(byte)] || isFullStopOrComma(byte) && !isFullStopOrComma(line[mark &- 1])) {
                        continue
                    }
                    let chrFCut = punctuation[Int(line[word.upperBound &- 1])] ? word.upperBound &- 1
                        : punctuation[Int(line[word.lowerBound])] ? word.lowerBound &+ 1 : -1
                    // The places on either side of the mark inside the word.
                    if mark > word.lowerBound {
                        guard let cuts = wordCut(line, word, at: mark, separated: separated), cuts == (mark == chrFCut) else { return false }
                    }
                    if mark &+ 1 < word.upperBound {
                        guard let cuts = wordCut(line, word, at: mark &+ 1, separated: separated), cuts == (mark &+ 1 == chrFCut) else {
                            return false
                        }
                    }
                }
                chunk &+= 8
            }
            return true
        }
        }
        }
    }

    /// The top bit of each byte of `bytes` (eight of a line, the first in the lowest bits) that is
    /// ASCII punctuation (Python's `string.punctuation`: printable, no letter, digit or space), exactly
    /// byte by byte: each test of a byte at least n adds 0x80 − n to its low seven bits, which
    /// carries into no other byte.
    @inline(__always)
    static func punctuationBits(_ bytes: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let low = bytes & 0x7F7F_7F7F_7F7F_7F7F, folded = low | 0x2020_2020_2020_2020
        @inline(__always) func atLeast(_ value: UInt64, _ n: UInt64) -> UInt64 { (value &+ (0x80 &- n) &* ones) & high }
        let printable = atLeast(low, 0x21) & ~atLeast(low, 0x7F)
        let digit = atLeast(low, 0x30) & ~atLeast(low, 0x3A)
        let letter = atLeast(folded, 0x61) & ~atLeast(folded, 0x7B)
        return printable & ~digit & ~letter & ~bytes & high
    }

    /// Python's `string.punctuation` by byte: the marks chrF++ splits off a word's end or start (13a's
    /// marks and the apostrophe).
    private static let punctuation: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Whether 13a puts a space before the byte at `index` of a word at white space (`word`, of the
    /// line after no replacement), read off the word's bytes alone; nil where the word has two full
    /// stops or commas side by side next to `index`, whose cuts this does not tell.
    ///
    /// A word's cuts depend on its own bytes alone: around it is white space, which no rule consumes
    /// but as the first of a pair that starts in the word after it. Rule 1 cuts on both sides of its
    /// marks. A full stop or comma with no other beside it is cut on both sides by rule 2 (after a
    /// non-digit: no rule 2 match can have consumed that byte, which is no full stop or comma) or
    /// else by rule 3 (before a non-digit: its byte before is a digit, which no rule 3 match
    /// consumes), and by neither between two digits. A dash after a digit is cut on both sides by rule
    /// 4 (spaces that rules 1–3 put are all next to their marks, never between a digit and a dash).
    /// Rules only add spaces, so the cuts are the union of these. (Bytes outside the word read as
    /// white space: no digit, no mark.)
    @inline(__always)
    static func wordCut(_ line: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, at index: Int,
                        separated: UnsafeBufferPointer<Bool>) -> Bool? {
        @inline(__always) func byte(_ offset: Int) -> UInt8 { offset >= word.lowerBound && offset < word.upperBound ? line[offset] : space }
        let before = byte(index &- 1), after = byte(index)
        if separated[Int(before)] || separated[Int(after)] { return true }
        // A full stop or comma at `at`, with its neighbours.
        func stopCuts(_ at: Int) -> Bool? {
            let previous = byte(at &- 1), next = byte(at &+ 1)
            if isFullStopOrComma(previous) || isFullStopOrComma(next) { return nil }
            return !(isDigit(previous) && isDigit(next))
        }
        if isFullStopOrComma(before) {
            guard let cuts = stopCuts(index &- 1) else { return nil }
            if cuts { return true }
        }
        if isFullStopOrComma(after) {
            guard let cuts = stopCuts(index) else { return nil }
            if cuts { return true }
        }
        if before == dash && isDigit(byte(index &- 2)) { return true }
        if after == dash && isDigit(before) { return true }
        return false
    }

    /// Whether rules 2–4 can match at a byte: only next to a full stop, a comma or a dash.
    private static func isRuleMark(_ byte: UInt8) -> Bool { byte == fullStop || byte == comma || byte == dash }

    /// Whether any of eight bytes is a rule mark: the marks are 0x2C–0x2E (comma, dash, full stop),
    /// so a byte is one when it differs from 0x2C in the low two bits alone and is below 0x2F, that
    /// is when its exclusive or with 0x2C is below 3 (the test for a byte below n ≤ 128 of a word:
    /// (x − n·0x01…) & ~x & 0x80…, exact as a yes or no).
    static func hasRuleMark(_ bytes: UInt64) -> Bool {
        let shifted = bytes ^ 0x2C2C_2C2C_2C2C_2C2C
        return (shifted &- 0x0303_0303_0303_0303) & ~shifted & 0x8080_8080_8080_8080 != 0
    }

    /// Where rules 2–4 (and rule 1, within the windows) put a space between two of the line's bytes,
    /// as the offset of the byte after it, in order, without repeats.
    ///
    /// Rules 2–4 match a full stop, a comma or a dash and a character next to it, so away from them
    /// the chain only passes characters along: it runs on windows from 4 bytes before such a mark to
    /// 4 after the last of a group (marks fewer than 14 bytes apart share a window), starting empty.
    /// Around a window's ends no rule can match (at least 6 bytes without a mark on each side), so
    /// holding nothing at its start and giving out what is held at its end, instead of meeting the
    /// characters around it, cuts the same places. (The tokens are cut word by word now, `tokens`;
    /// these windows' cuts are the tests' check of the chain's.)
    static func ruleCuts(_ line: UnsafeBufferPointer<UInt8>) -> [Int] {
        withRuleCuts(line) { $0.map(Int.init) }
    }

    /// `ruleCuts` handed to `body` in temporary memory (on the stack for a sentence), valid while it
    /// runs: no array made. The cuts are distinct and in order, offsets from 0 to the line's length,
    /// so there are at most its length plus one (room is made for that, and checked), each 32 bits:
    /// a temporary allocation is on the stack only up to 1,024 bytes (past that the runtime cannot
    /// tell on this platform that the stack has room), which a sentence's room for twice its cuts
    /// in 64 bits passed from 62 bytes on, and each went to the heap (~400 instructions).
    static func withRuleCuts<Result>(_ line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<Int32>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: RuleChain.cutCapacity(line.count)) { cuts in
            body(ruleCuts(line, into: cuts))
        }
    }

    /// `ruleCuts` written into `cuts`: the part written.
    private static func ruleCuts(_ line: UnsafeBufferPointer<UInt8>, into cuts: UnsafeMutableBufferPointer<Int32>) -> UnsafeBufferPointer<Int32> {
        // One chain for all windows, restarted at each: its cuts go on in one buffer (windows are
        // at least 5 bytes apart, so no cut of a window repeats the last of the one before).
        var chain = RuleChain(after: 0, into: cuts)
        var index = 0
        while index < line.count {
            // Eight bytes at a time past bytes that are no rule mark.
            if index &+ 8 <= line.count && !hasRuleMark(UnsafeRawPointer(line.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index &+= 8
                continue
            }
            guard isRuleMark(line[index]) else { index += 1; continue }
            let start = max(0, index - 4)
            var last = index, probe = index + 1
            while probe < line.count && probe <= last + 13 {
                if isRuleMark(line[probe]) { last = probe }
                probe += 1
            }
            let end = min(line.count, last + 5)
            chain.restart(after: start)
            // 1. Separate the marks above, in the line padded with a space at both ends.
            if start == 0 { chain.push2(space, -1) }
            for index in start..<end {
                let byte = line[index]
                if separated[Int(byte)] {
                    chain.push2(space, -1); chain.push2(byte, index); chain.push2(space, -1)
                } else {
                    chain.push2(byte, index)
                }
            }
            if end == line.count { chain.push2(space, -1) }
            chain.finish()
            index = end
        }
        return chain.cuts
    }

    /// Where all four rules put a space, the chain run over the whole line: what `ruleCuts` and the
    /// marks of rule 1 make (for tests).
    static func chainCuts(_ line: UnsafeBufferPointer<UInt8>) -> [Int] {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: RuleChain.cutCapacity(line.count)) { cuts in
            chainCuts(line, into: cuts).map(Int.init)
        }
    }

    /// `chainCuts` written into `cuts`.
    private static func chainCuts(_ line: UnsafeBufferPointer<UInt8>, into cuts: UnsafeMutableBufferPointer<Int32>) -> UnsafeBufferPointer<Int32> {
        var chain = RuleChain(after: 0, into: cuts)
        pushSpaced(line, 0..<line.count, into: &chain)
        return chain.cuts
    }

    /// The bytes `range` of `line` pushed through `chain` between white space, each byte rule 1
    /// separates with white space on either side, and the chain finished.
    private static func pushSpaced(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into chain: inout RuleChain) {
        chain.push2(space, -1)
        for index in range {
            let byte = line[index]
            if separated[Int(byte)] {
                chain.push2(space, -1); chain.push2(byte, index); chain.push2(space, -1)
            } else {
                chain.push2(byte, index)
            }
        }
        chain.push2(space, -1)
        chain.finish()
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
        private var after: Int
        /// Where the cuts are written (the caller's memory), and how many are.
        private let storage: UnsafeMutableBufferPointer<Int32>
        private var cutCount = 0

        /// The room a line of `length` bytes needs for its cuts: the most it can have (one more than
        /// its length: distinct offsets from 0 to the length), and one more. Offsets are 32 bits.
        static func cutCapacity(_ length: Int) -> Int {
            precondition(length < Int(Int32.max), "13a: a line too long for 32-bit offsets")
            return length + 2
        }

        /// A chain that starts at the line's byte `after`, writing its cuts into `cuts`
        /// (`cutCapacity` of the line).
        init(after: Int, into cuts: UnsafeMutableBufferPointer<Int32>) {
            self.after = after
            storage = cuts
        }

        /// The cuts so far, in order.
        var cuts: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(rebasing: storage[..<cutCount]) }

        /// The chain started again, empty, at the line's byte `after`: the cuts so far are kept.
        mutating func restart(after: Int) {
            held2.offset = -2
            held3.offset = -2
            held4.offset = -2
            self.after = after
        }

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
        @inline(__always) mutating func push3(_ byte: UInt8, _ offset: Int) {
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
        @inline(__always) mutating func push4(_ byte: UInt8, _ offset: Int) {
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
        @inline(__always) private mutating func give(_ offset: Int) {
            if offset >= 0 {
                after = offset + 1
            } else if cutCount == 0 || Int(storage[cutCount &- 1]) != after {
                precondition(cutCount < storage.count, "13a: more cuts than the line has offsets")
                storage[cutCount] = Int32(truncatingIfNeeded: after)
                cutCount &+= 1
            }
        }

        /// The end of the line: each pass gives out what it holds, in order.
        mutating func finish() {
            if held2.offset != -2 { let held = held2; held2.offset = -2; push3(held.byte, held.offset) }
            if held3.offset != -2 { let held = held3; held3.offset = -2; push4(held.byte, held.offset) }
            if held4.offset != -2 { let held = held4; held4.offset = -2; give(held.offset) }
        }
    }

    /// `bytes` with every occurrence of `target` replaced, left to right and without overlaps;
    /// `bytes` itself when it has none, and else the runs between occurrences copied whole.
    private static func replacing(_ bytes: [UInt8], _ target: String, with replacement: String) -> [UInt8] {
        guard let first = target.utf8.first, bytes.contains(first) else { return bytes }
        var out: [UInt8] = []
        var copied = 0, index = 0, found = false
        while index < bytes.count {
            if bytes[index] == first && bytes[index...].starts(with: target.utf8) {
                if !found {
                    out.reserveCapacity(bytes.count)
                    found = true
                }
                out.append(contentsOf: bytes[copied..<index])
                out.append(contentsOf: replacement.utf8)
                index += target.utf8.count
                copied = index
            } else {
                index += 1
            }
        }
        guard found else { return bytes }
        out.append(contentsOf: bytes[copied...])
        return out
    }
}
