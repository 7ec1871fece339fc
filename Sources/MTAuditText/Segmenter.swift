import CICU

/// Paragraphs, sentences and words of a text, through ICU's break iterators over its UTF-8 bytes.
///
/// - Paragraphs: when the text has blank lines, paragraphs are separated by blank lines (hard-wrapped
///   copy keeps its lines together); otherwise every line is a paragraph.
/// - Sentences: ICU's sentence rules (`ss=standard`), inside each paragraph, without breaking after an
///   abbreviation such as "Mr.", "Gen.", "U.S." or an initial ("John F. Kennedy").
/// - Words: ICU's word rules, with dictionary segmentation for Chinese, Japanese, Thai, Khmer, Lao and
///   Burmese. White space is not a segment.
///
/// Not thread-safe (ICU's iterators are not): make one per task or thread.
public final class Segmenter {
    /// The abbreviations after which a full stop does not end a sentence, as written ("Mr.", "U.S.").
    public static let defaultAbbreviations: Set<String> = [
        "Mr.", "Mrs.", "Ms.", "Mx.", "Messrs.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.",
        "Sgt.", "Adm.", "Brig.", "Sen.", "Rep.", "Gov.", "Pres.", "Amb.", "Hon.", "Rev.", "Fr.", "Sr.", "Jr.",
        "St.", "Mt.", "Ft.", "Ave.", "Blvd.", "No.", "Nos.", "vs.", "e.g.", "i.e.", "cf.", "approx.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "U.S.", "U.S.A.", "U.K.", "U.N.", "E.U.", "D.C.", "Ph.D.",
    ]

    public let locale: String
    public let abbreviations: Set<String>
    /// The most bytes of an abbreviation, and a bit for each ASCII byte that begins one (by its value):
    /// what `endsWithAbbreviation` asks before it looks a word up.
    private let longestAbbreviation: Int
    private let abbreviationStarts: [UInt64]
    private let sentenceBreaker: OpaquePointer
    private let wordBreaker: OpaquePointer
    private var boundaries: [Int32] = []
    private var statuses: [Int32] = []
    /// The arrays of segments `withSegmentation` lends, kept from text to text.
    private var buffers = Buffers()
    /// Whether a paragraph that can only be one sentence skips ICU (`isOneSentence`), and an ASCII
    /// text is cut into words without it (`asciiWords`). The tests and the segmenter's fuzz target
    /// turn it off in a second segmenter to check that both cut every text alike.
    public var usesShortcuts = true
    /// Whether this locale's word rules cut ASCII as `asciiWords` does: checked on a probe when the
    /// segmenter is made (a locale may tailor them: "en_US_POSIX" does not join "x.y").
    private(set) var asciiWordRulesHold = false
    /// Whether this locale's word rules also cut Latin letters and the common typographic marks as
    /// `latinWords` does (and ASCII as `asciiWords` does): checked on a probe when the segmenter is made.
    private(set) var latinWordRulesHold = false
    /// Whether this locale's word rules make ":" a segment of its own, as `latinWords` then does
    /// (Swedish and Finnish join letters across it): checked on a probe when the segmenter is made.
    private(set) var colonRulesHold = false
    /// Whether this locale's sentence rules end a sentence at ". ! ?" alone among ASCII characters, as
    /// `isOneSentence` assumes: checked on a probe when the segmenter is made (Greek ends a question
    /// at ";").
    private(set) var asciiSentenceRulesHold = false
    /// Whether an ASCII paragraph is cut into sentences without ICU (`forEachASCIISentenceCut`): the
    /// sentence rules hold for ASCII as `asciiSentenceRulesHold` says, ICU's suppressions for this
    /// locale were read, and both cut a probe of the rules and of suppressions alike. Found for the
    /// first paragraph that would use it (reading the suppressions and the probe cost about 400,000
    /// instructions: a feed of one-sentence texts never needs them).
    var asciiSentenceCutsHold: Bool {
        if let probed = probedASCIISentenceCuts { return probed }
        let probed = probeASCIISentenceCuts()
        probedASCIISentenceCuts = probed
        return probed
    }
    /// `asciiSentenceCutsHold` once found.
    private var probedASCIISentenceCuts: Bool?
    /// ICU's suppressions of sentence breaks for this locale ("@ss=standard"), nil when it has none.
    private var suppressions: SentenceSuppressions?

    /// A segmenter for `locale`. `wordStringSlots` sizes its table of words met (`WordStrings`): the
    /// default suits a segmenter kept for many texts; one made for a single text wants a small one
    /// (the default table is 256 KB to allocate and fill).
    public init(locale: String = "en", abbreviations: Set<String> = Segmenter.defaultAbbreviations,
                wordStringSlots: Int = WordStrings.defaultSlotCount) throws(TextError) {
        self.locale = locale
        self.abbreviations = abbreviations
        longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0
        var starts: [UInt64] = [0, 0]
        for abbreviation in abbreviations {
            guard let first = abbreviation.utf8.first, first < 0x80 else { continue }
            starts[Int(first >> 6)] |= 1 << (first & 63)
        }
        abbreviationStarts = starts
        wordStrings = WordStrings(slotCount: wordStringSlots)
        var status: Int32 = 0
        guard let sentences = cicu_breaker_open(CICU_BREAK_SENTENCE, locale + "@ss=standard", &status) else {
            throw .icu(operation: "opening a sentence break iterator", status: ICUCall.statusName(status))
        }
        guard let words = cicu_breaker_open(CICU_BREAK_WORD, locale, &status) else {
            cicu_breaker_close(sentences)
            throw .icu(operation: "opening a word break iterator", status: ICUCall.statusName(status))
        }
        sentenceBreaker = sentences
        wordBreaker = words
        var sentenceProbe = Self.asciiSentenceProbe
        asciiSentenceRulesHold = sentenceProbe.withUTF8 { run(sentenceBreaker, $0).count == 2 }
        var probe = Self.asciiWordProbe
        let offsets = ScalarOffsets(probe)
        asciiWordRulesHold = probe.withUTF8 { Self.asciiWords($0) == icuWordSegments($0, offsets: offsets) }
        var latinProbe = Self.latinWordProbe
        let latinOffsets = ScalarOffsets(latinProbe)
        latinWordRulesHold = asciiWordRulesHold && latinProbe.withUTF8 {
            Self.latinWords($0, offsets: latinOffsets) == icuWordSegments($0, offsets: latinOffsets)
        }
        var colonProbe = Self.colonProbe
        let colonOffsets = ScalarOffsets(colonProbe)
        colonRulesHold = latinWordRulesHold && colonProbe.withUTF8 {
            Self.latinWords($0, offsets: colonOffsets, colon: true) == icuWordSegments($0, offsets: colonOffsets)
        }
    }

    /// `asciiSentenceCutsHold`, found: sets `suppressions`.
    private func probeASCIISentenceCuts() -> Bool {
        guard asciiSentenceRulesHold, let read = SentenceSuppressions.read(locale: locale + "@ss=standard") else { return false }
        suppressions = read.isEmpty ? nil : read
        return Self.asciiSentenceCutProbe(suppressions: read).withUnsafeBufferPointer { bytes in
            var cuts: [Int32] = [0]
            guard forEachASCIISentenceCut(bytes, { cuts.append(Int32($0)) }) else { return false }
            cuts.append(Int32(bytes.count))
            return Array(icuSentenceCuts(bytes)) == cuts
        }
    }

    deinit {
        cicu_breaker_close(sentenceBreaker)
        cicu_breaker_close(wordBreaker)
    }

    /// Paragraphs, sentences and words in one pass over the text.
    public func segment(_ text: String) -> Segmentation {
        var buffers = Buffers()
        let offsets = fill(&buffers, from: text)
        return Segmentation(paragraphs: buffers.paragraphs, sentences: buffers.sentences, words: buffers.words, offsets: offsets)
    }

    /// `segment(text)` lent to `body`, in arrays the segmenter keeps and reuses for the next text: for
    /// a caller that makes something else of the segments (a document its tokens), three arrays
    /// fewer to make and free a text. (A copy `body` keeps stays valid: it is copied on the next write.)
    public func withSegmentation<Result>(of text: String, _ body: (Segmentation) throws -> Result) rethrows -> Result {
        // Taken out of the class while in use (its properties are checked for exclusive access at
        // every touch), and put back emptied.
        var buffers = self.buffers
        self.buffers = Buffers()
        let offsets = fill(&buffers, from: text)
        defer {
            buffers.empty()
            self.buffers = buffers
        }
        return try body(Segmentation(paragraphs: buffers.paragraphs, sentences: buffers.sentences, words: buffers.words,
                                     offsets: offsets))
    }

    /// `withSegmentation(of:_:)`, with the segmenter's `WordStrings` lent to `body` as well, for the
    /// text and key of each word.
    public func withSegmentation<Result>(of text: String, _ body: (Segmentation, WordStrings) throws -> Result) rethrows -> Result {
        try withSegmentation(of: text) { segmentation in try body(segmentation, wordStrings) }
    }

    /// The strings of the words met lately, kept from text to text.
    private let wordStrings: WordStrings

    /// The text and matching key (`Normalizer.matchingKey`) of words, each short word's kept once met
    /// (the last met of those that share a slot): a word's text and key are the same strings each time
    /// it comes, and most words of a feed came before ("the", ".", "said"). Decoding a word and folding
    /// its key cost 300 to 450 instructions; finding it here, about 60. With them, a tag: a number the
    /// caller derives from the key alone (a document, the key's row in the word lists), kept with the
    /// word so that a word met again is not looked up again.
    ///
    /// Not thread-safe: one per segmenter. (A class over memory of its own: as an array, each look-up
    /// checked the array's uniqueness and its bounds.)
    public final class WordStrings {
        /// A word of up to 15 bytes, packed in two words with its length in the top byte (an empty
        /// slot, of length 0, matches none), its strings, its key's hash (`KeyHash.fnv1a`) and its
        /// tag (`noTag` until one is made). (64 bytes: a slot is one cache line's worth.)
        private struct Slot {
            var low: UInt64 = 0
            var high: UInt64 = 0
            var text = ""
            var key = ""
            var keyHash: UInt64 = 0
            var tag = WordStrings.noTag
        }

        /// The tag of a word none was made for.
        public static let noTag = Int32.min

        private let slots: UnsafeMutablePointer<Slot>
        private let slotCount: Int
        /// The slots of a segmenter's table unless it is made with another count.
        public static let defaultSlotCount = 4096

        /// 4,096 slots (256 KB) by default: a feed's words miss a table of 1,024 half as often
        /// again, and a miss costs ten hits. `slotCount` is a power of two, or 0 for a table that keeps
        /// nothing.
        public init(slotCount: Int = WordStrings.defaultSlotCount) {
            self.slotCount = slotCount
            slots = .allocate(capacity: max(slotCount, 1))
            slots.initialize(repeating: Slot(), count: slotCount)
        }

        deinit {
            slots.deinitialize(count: slotCount)
            slots.deallocate()
        }

        /// The text and matching key of the word whose UTF-8 bytes are `utf8`.
        public func strings(of utf8: UnsafeBufferPointer<UInt8>) -> (text: String, key: String) {
            guard let slot = slot(of: utf8) else { return Self.make(utf8) }
            return (slot.pointee.text, slot.pointee.key)
        }

        /// `strings(of:)` and the hash of the key (`KeyHash.fnv1a`), made once for a word kept.
        public func hashedStrings(of utf8: UnsafeBufferPointer<UInt8>) -> (text: String, key: String, keyHash: UInt64) {
            guard let slot = slot(of: utf8) else {
                let (text, key) = Self.make(utf8)
                return (text, key, KeyHash.fnv1a(of: key))
            }
            return (slot.pointee.text, slot.pointee.key, slot.pointee.keyHash)
        }

        /// `hashedStrings(of:)` and the word's tag: `tag(key)`, made once for a word kept (and again
        /// when it comes back after another word took its slot). `tag` must depend on the key alone
        /// and give one meaning to every tag of this table.
        public func strings(of utf8: UnsafeBufferPointer<UInt8>, tag: (String) -> Int32) -> (text: String, key: String, tag: Int32, keyHash: UInt64) {
            guard let slot = slot(of: utf8) else {
                let (text, key) = Self.make(utf8)
                return (text, key, tag(key), KeyHash.fnv1a(of: key))
            }
            if slot.pointee.tag == Self.noTag { slot.pointee.tag = tag(slot.pointee.key) }
            return (slot.pointee.text, slot.pointee.key, slot.pointee.tag, slot.pointee.keyHash)
        }

        /// The slot holding the word whose UTF-8 bytes are `utf8`, filled with its strings (and no tag)
        /// if it held another; nil for a word too long to keep, or a table that keeps nothing.
        @inline(__always)
        private func slot(of utf8: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<Slot>? {
            guard utf8.count > 0, utf8.count <= 15, slotCount > 0 else { return nil }
            let raw = UnsafeRawPointer(utf8.baseAddress!)
            let low = Self.packed(raw, count: min(utf8.count, 8))
            let high = UInt64(utf8.count) << 56 | (utf8.count > 8 ? Self.packed(raw + 8, count: utf8.count - 8) : 0)
            let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
            let slot = slots + (Int(truncatingIfNeeded: mixed ^ (mixed >> 29)) & (slotCount - 1))
            if slot.pointee.low == low && slot.pointee.high == high { return slot }
            let (text, key) = Self.make(utf8)
            slot.pointee = Slot(low: low, high: high, text: text, key: key, keyHash: KeyHash.fnv1a(of: key))
            return slot
        }

        /// The `count` bytes at `bytes` (0 to 8) as one integer, the first byte lowest, the bytes past
        /// them 0: read in one or two loads, not byte by byte (two that overlap where the count is not
        /// a power of two: the bytes they share land on the same bits).
        @inline(__always)
        static func packed(_ bytes: UnsafeRawPointer, count: Int) -> UInt64 {
            switch count {
            case 8:
                return UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
            case 4...7:
                let first = UInt64(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
                let last = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
                return first | last << UInt64(8 * (count - 4))
            case 2...3:
                let first = UInt64(UInt16(littleEndian: bytes.loadUnaligned(as: UInt16.self)))
                let last = UInt64(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
                return first | last << UInt64(8 * (count - 2))
            case 1:
                return UInt64(bytes.load(as: UInt8.self))
            default:
                return 0
            }
        }

        private static func make(_ utf8: UnsafeBufferPointer<UInt8>) -> (text: String, key: String) {
            let text = String(decoding: utf8, as: UTF8.self)
            return (text, Normalizer.matchingKey(text, utf8: utf8))
        }
    }

    /// The arrays a text's segments are cut into.
    private struct Buffers {
        var paragraphs: [Segment] = []
        var sentences: [Segment] = []
        var words: [WordSegment] = []

        /// The most words whose array is kept for the next text (about 160 KB): a long text's is freed.
        static let keptCapacity = 4096

        mutating func empty() {
            let keeps = words.capacity <= Self.keptCapacity
            paragraphs.removeAll(keepingCapacity: keeps)
            sentences.removeAll(keepingCapacity: keeps)
            words.removeAll(keepingCapacity: keeps)
        }
    }

    /// Cuts `text` into `buffers` (empty before).
    private func fill(_ buffers: inout Buffers, from text: String) -> ScalarOffsets {
        let offsets = ScalarOffsets(text)
        var text = text
        let sentenceShortcut = usesShortcuts && asciiSentenceRulesHold
        let wordShortcut = usesShortcuts && asciiWordRulesHold
        let latinShortcut = usesShortcuts && latinWordRulesHold
        text.withUTF8 { bytes in
            appendParagraphs(bytes, offsets: offsets, to: &buffers.paragraphs)
            buffers.sentences.reserveCapacity(buffers.paragraphs.count)
            for paragraph in buffers.paragraphs {
                appendSentences(bytes, in: paragraph.utf8, offsets: offsets, shortcut: sentenceShortcut, to: &buffers.sentences)
            }
            if wordShortcut, Self.appendASCIIWords(bytes, to: &buffers.words) { return }
            if latinShortcut, Self.appendLatinWords(bytes, offsets: offsets, colon: colonRulesHold, to: &buffers.words) { return }
            appendICUWords(bytes, offsets: offsets, to: &buffers.words)
        }
        return offsets
    }

    public func paragraphs(in text: String) -> [Segment] { segment(text).paragraphs }
    public func sentences(in text: String) -> [Segment] { segment(text).sentences }
    public func words(in text: String) -> [WordSegment] { segment(text).words }

    // MARK: Paragraphs

    private func appendParagraphs(_ bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets, to paragraphs: inout [Segment]) {
        // A text of one line (no line feed, no U+2029) is one paragraph: appended with no array of ranges.
        if !Self.hasLineBreak(bytes) {
            let line = trim(bytes, 0..<bytes.count)
            if !line.isEmpty { paragraphs.append(Segment(span: offsets.span(ofBytes: line), utf8: line)) }
            return
        }
        let ranges = paragraphRanges(bytes)
        paragraphs.reserveCapacity(ranges.count)
        for range in ranges { paragraphs.append(Segment(span: offsets.span(ofBytes: range), utf8: range)) }
    }

    /// The paragraphs of a text of more than one line.
    private func paragraphRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        // (Line feeds and U+2029's lead byte found eight bytes at a time.)
        var i = ByteScan.firstIndex(ofAnyOf: 0x0A, 0xE2, 0xE2, in: bytes, from: 0)
        while i < bytes.count {
            if bytes[i] == 0x0A {
                lines.append(start..<i)
                start = i + 1
            } else if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA9 {
                lines.append(start..<i)  // U+2029 PARAGRAPH SEPARATOR
                lines.append(i..<i)
                start = i + 3
                i += 2
            }
            i = ByteScan.firstIndex(ofAnyOf: 0x0A, 0xE2, 0xE2, in: bytes, from: i + 1)
        }
        lines.append(start..<bytes.count)
        let trimmed = lines.map { trim(bytes, $0) }
        let blankSeparated = trimmed.contains { $0.isEmpty }
        var paragraphs: [Range<Int>] = []
        var current: Range<Int>?
        for line in trimmed {
            if line.isEmpty {
                if let open = current { paragraphs.append(open) }
                current = nil
            } else if blankSeparated, let open = current {
                current = open.lowerBound..<line.upperBound
            } else {
                if let open = current { paragraphs.append(open) }
                current = line
            }
        }
        if let open = current { paragraphs.append(open) }
        return paragraphs
    }

    /// Whether `bytes` hold a line feed or a U+2029 PARAGRAPH SEPARATOR (E2 80 A9).
    private static func hasLineBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if ByteScan.contains(0x0A, in: bytes) { return true }
        if !ByteScan.contains(0xE2, in: bytes) { return false }
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A { return true }
            if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA9 { return true }
            index += 1
        }
        return false
    }

    // MARK: Sentences

    /// Appends the sentences of `paragraph` to `sentences` (one array for the whole text: a paragraph's
    /// own array of ranges, made and thrown away, cost more than finding its one sentence).
    private func appendSentences(_ bytes: UnsafeBufferPointer<UInt8>, in paragraph: Range<Int>, offsets: ScalarOffsets,
                                 shortcut: Bool, to sentences: inout [Segment]) {
        func append(_ range: Range<Int>) {
            if !range.isEmpty { sentences.append(Segment(span: offsets.span(ofBytes: range), utf8: range)) }
        }
        // An ASCII paragraph cut without ICU needs no look for one sentence first (which finds what the
        // cut finds), once the cut is known to hold; until then, the look may spare finding it out.
        let cutsKnown = shortcut && probedASCIISentenceCuts == true
        if shortcut, !cutsKnown, Self.isOneSentence(UnsafeBufferPointer(rebasing: bytes[paragraph])) {
            append(trim(bytes, paragraph))
            return
        }
        var start = paragraph.lowerBound
        if shortcut, asciiSentenceCutsHold,
           forEachASCIISentenceCut(UnsafeBufferPointer(rebasing: bytes[paragraph]), { boundary in
               let cut = boundary + paragraph.lowerBound
               if endsWithAbbreviation(bytes, before: cut) { return }
               append(trim(bytes, start..<cut))
               start = cut
           }) {
            append(trim(bytes, start..<paragraph.upperBound))
            return
        }
        if cutsKnown, Self.isOneSentence(UnsafeBufferPointer(rebasing: bytes[paragraph])) {
            append(trim(bytes, paragraph))
            return
        }
        for boundary in icuSentenceCuts(UnsafeBufferPointer(rebasing: bytes[paragraph])).dropFirst() {
            let cut = Int(boundary) + paragraph.lowerBound
            guard cut < paragraph.upperBound else { continue }
            if endsWithAbbreviation(bytes, before: cut) { continue }
            append(trim(bytes, start..<cut))
            start = cut
        }
        append(trim(bytes, start..<paragraph.upperBound))
    }

    // MARK: Sentences of ASCII without ICU

    /// What an ASCII character is to the sentence rules (UAX #29's Sentence_Break values): a line
    /// break is `space`, as ICU is handed it inside a paragraph.
    private enum SentenceClass: UInt8 {
        case other, space, lower, upper, numeric, aTerm, sTerm, close, sContinue
    }

    /// `SentenceClass` of each ASCII byte, by its raw value.
    private static let sentenceClasses: [UInt8] = (0..<0x80).map { (byte: Int) -> UInt8 in
        let sentenceClass: SentenceClass
        switch UInt8(byte) {
        case 0x09...0x0D, 0x20: sentenceClass = .space
        case UInt8(ascii: "a")...UInt8(ascii: "z"): sentenceClass = .lower
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): sentenceClass = .upper
        case UInt8(ascii: "0")...UInt8(ascii: "9"): sentenceClass = .numeric
        case UInt8(ascii: "."): sentenceClass = .aTerm
        case UInt8(ascii: "!"), UInt8(ascii: "?"): sentenceClass = .sTerm
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): sentenceClass = .close
        case UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: ":"): sentenceClass = .sContinue
        default: sentenceClass = .other
        }
        return sentenceClass.rawValue
    }

    /// Calls `body` with each boundary ICU's sentence iterator (this segmenter's) finds inside the
    /// ASCII text `paragraph`, its line breaks read as spaces, in order (not 0 nor the end), without
    /// ICU; false, with no call, for a text that is not ASCII.
    ///
    /// ICU's rules (UAX #29) break only after a terminator (". ! ?"), the closing marks and the spaces
    /// after it (SB9 to SB11), unless: a full stop is followed at once by a digit (SB6), or by a
    /// capital after a letter (SB7, "U.S"), or by anything but letters and terminators up to a lower
    /// case letter (SB8, "etc. 5 more"), or the closing marks and spaces are followed by ", - :" or
    /// another terminator (SB8a). ICU then drops the breaks after the locale's abbreviations
    /// (`SentenceSuppressions`). Checked against ICU on a probe when the segmenter is made, and on
    /// generated texts by the tests: ICU's iterator cost about 35 instructions a byte, and more than
    /// 5,000 a sentence.
    func forEachASCIISentenceCut(_ paragraph: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) -> Bool {
        guard ByteScan.isASCII(paragraph) else { return false }
        let count = paragraph.count
        Self.sentenceClasses.withUnsafeBufferPointer { classes in
            @inline(__always) func sentenceClass(_ index: Int) -> SentenceClass {
                SentenceClass(rawValue: classes[Int(paragraph[index])]).unsafelyUnwrapped
            }
            // (Terminators are a byte in a hundred: found eight bytes at a time.)
            var index = ByteScan.firstIndex(ofAnyOf: UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), in: paragraph, from: 0)
            while index < count {
                let terminator = sentenceClass(index)
                var next = index + 1
                while next < count, sentenceClass(next) == .close { next += 1 }
                while next < count, sentenceClass(next) == .space { next += 1 }
                if next == count { break }
                let following = sentenceClass(next)
                var holds = following == .sContinue || following == .aTerm || following == .sTerm
                if !holds, terminator == .aTerm {
                    if next == index + 1 {
                        let before = index > 0 ? sentenceClass(index - 1) : .other
                        holds = following == .numeric || (following == .upper && (before == .upper || before == .lower))
                    }
                    if !holds {
                        var ahead = next
                        while ahead < count {
                            let scanned = sentenceClass(ahead)
                            if scanned == .upper || scanned == .lower || scanned == .aTerm || scanned == .sTerm { break }
                            ahead += 1
                        }
                        holds = ahead < count && sentenceClass(ahead) == .lower
                    }
                }
                if !holds, suppressions?.suppressesBreak(in: paragraph, at: next) != true { body(next) }
                index = ByteScan.firstIndex(ofAnyOf: UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), in: paragraph, from: next)
            }
        }
        return true
    }

    /// A text on which this segmenter's `forEachASCIISentenceCut` must cut as ICU does: every rule it
    /// applies, and ASCII abbreviations of `suppressions`, and their parts up to their first full
    /// stops, before a capital.
    static func asciiSentenceCutProbe(suppressions: SentenceSuppressions) -> [UInt8] {
        var probe = Array(("A b. C d. 1. e.1 U.S. f.G 2.H i.) J k.) l m? n o?! P q.. r s. . t u.\" 5 v w. 6 X y, z. ,a "
            + "b.- c d.: e f! - g h.\tI j.\u{0B}K l.\u{0C}m (n.) [o.] {p.} 'q.' \"r.\" S? (t) u.#v w.$ X y.; z a.  B c.\nD "
            + "e.\r\nf g. 7 h. I. J? k! l: m... n. (o p.) Q r.' S").utf8)
        // A sample of the abbreviations (in order: the partial ones come in groups), each whole and
        // up to its first full stop: a list read otherwise than ICU reads it, or matched otherwise,
        // shows in a sample.
        let stride = max(1, suppressions.entries.count / 12)
        for (index, entry) in suppressions.entries.enumerated() where index % stride == 0 {
            let bytes = entry.utf8
            guard bytes.allSatisfy({ $0 < 0x80 }) else { continue }
            probe += " x ".utf8
            probe += bytes
            probe += " Ab".utf8
            if let stop = bytes.firstIndex(of: UInt8(ascii: ".")), bytes.index(after: stop) != bytes.endIndex {
                probe += " ".utf8
                probe += bytes[...stop]
                probe += " Cd".utf8
            }
        }
        return probe
    }

    /// Every printable ASCII character but ". ! ?" between two words, and once opening one: a text in
    /// which a locale whose sentence rules `isOneSentence` holds for finds no break.
    static let asciiSentenceProbe: String = {
        let marks = (0x21..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) }.filter { !".!?".contains($0) && !$0.isLetter && !$0.isNumber }
        return marks.map { "Ab\($0) cd \($0)Ef" }.joined(separator: " ") + " end"
    }()

    /// Whether ICU's sentence rules find no break inside `paragraph`, by bytes alone: its only sentence
    /// terminators (ASCII ". ! ?") end it, followed by nothing but ASCII closing brackets or quotes and
    /// spaces, and none of its other scalars is a terminator or a separator (`endsSentence`). Without
    /// a terminator inside, rule SB11 has nowhere to break, and without a separator SB4 has none
    /// either (its line breaks are handed over as spaces). Most texts of a feed of sentence pairs are
    /// such: ICU's iterator cost 12,000 to 15,000 instructions for each.
    static func isOneSentence(_ paragraph: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = paragraph.count
        while end > 0, isSentenceSpace(paragraph[end - 1]) { end -= 1 }
        while end > 0, isClose(paragraph[end - 1]) { end -= 1 }
        while end > 0, isTerminator(paragraph[end - 1]) { end -= 1 }
        let body = UnsafeBufferPointer(rebasing: paragraph[0..<end])
        guard ByteScan.containsNonASCII(orAnyOf: UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), in: body) else {
            return true
        }
        // Not ASCII (or a terminator inside): scalar by scalar.
        var index = 0
        while index < body.count {
            let byte = body[index]
            if byte < 0x80 {
                if isTerminator(byte) { return false }
                index += 1
                continue
            }
            var iterator = UnsafeBufferPointer(rebasing: body[index...]).makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator), !endsSentence(scalar) else { return false }
            index += UTF8.width(scalar)
        }
        return true
    }

    /// Whether a non-ASCII scalar may end a sentence: STerm ("。", "！", "।"), ATerm (U+2024 ONE DOT
    /// LEADER, U+FE52 SMALL FULL STOP, U+FF0E FULLWIDTH FULL STOP) or Sep (U+0085, U+2028, U+2029)
    /// of the sentence rules.
    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2024, 0xFE52, 0xFF0E, 0x0085, 0x2028, 0x2029: return true
        default: return scalar.properties.isSentenceTerminal
        }
    }

    /// ATerm and STerm of the sentence rules, in ASCII.
    @inline(__always) private static func isTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// Close of the sentence rules, in ASCII: quotes and brackets.
    @inline(__always) private static func isClose(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): return true
        default: return false
        }
    }

    /// Sp of the sentence rules, in ASCII: space, tab, vertical tab, form feed, and the line breaks,
    /// which ICU is handed as spaces inside a paragraph.
    @inline(__always) private static func isSentenceSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// True when the text before `cut` ends in a full stop that belongs to an abbreviation or initial
    /// and the text after it goes on (it is not the paragraph's end).
    private func endsWithAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, before cut: Int) -> Bool {
        var end = cut
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > 0, bytes[end - 1] == UInt8(ascii: ".") else { return false }
        var start = end - 1
        while start > 0, isASCIILetter(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ".") { start -= 1 }
        if start > 0, bytes[start - 1] >= 0x80 { return false }  // a non-ASCII word: not ours to judge
        // (Most words before a full stop cannot be an abbreviation by their length or first letter:
        // no string is made and hashed for them.)
        let first = bytes[start]
        if end - start <= longestAbbreviation, abbreviationStarts[Int(first >> 6)] & (1 << (first & 63)) != 0 {
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            if abbreviations.contains(word) { return true }
        }
        // An initial: one capital letter and its full stop, after a space ("John F. Kennedy").
        return end - start == 2 && bytes[start] >= 0x41 && bytes[start] <= 0x5A && start > 0 && isSpace(bytes[start - 1])
    }

    // MARK: Words

    private func icuWordSegments(_ bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets) -> [WordSegment] {
        var words: [WordSegment] = []
        appendICUWords(bytes, offsets: offsets, to: &words)
        return words
    }

    private func appendICUWords(_ bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets, to words: inout [WordSegment]) {
        let cuts = run(wordBreaker, bytes)
        words.reserveCapacity(cuts.count / 2)
        for k in 1..<max(1, cuts.count) {
            let range = Int(cuts[k - 1])..<Int(cuts[k])
            let kind: WordKind
            switch statuses[k] {
            case 100..<200: kind = .number
            case 200..<300: kind = .letters
            case 300..<400: kind = .kana
            case 400..<500: kind = .ideographic
            default:
                // Spaces and punctuation are most of these, and mostly ASCII: read from a table.
                let first = bytes[range.lowerBound]
                if first < 0x80 {
                    if isSpace(first) { continue }
                    kind = Self.asciiPunctuation[Int(first)] ? .punctuation : .symbol
                    break
                }
                guard let scalar = firstScalar(bytes, at: range.lowerBound), !scalar.properties.isWhitespace else {
                    continue
                }
                kind = Self.isPunctuation(scalar) ? .punctuation : .symbol
            }
            words.append(WordSegment(segment: Segment(span: offsets.span(ofBytes: range), utf8: range), kind: kind))
        }
    }

    /// A text on which a locale's word rules must cut as `asciiWords` does, one case of each rule it
    /// applies: letters and digits joined in any order, full stops and apostrophes inside words and
    /// numbers, commas and semicolons inside numbers only, runs of terminators and spaces, line breaks.
    static let asciiWordProbe = "a1 1a 1a1 a1.5 1.1a a.1b 1.a a.1 U.S. x.y.z 3.5. 1,000, 1;2 a;b a,b 1'2 don't a''b a..b 1..2 12ab.34 -- (\"q\") !? $5 50% a/b a-b\t\r\n\n end."

    /// The word segments of an ASCII text by the word rules of UAX #29 as ICU applies them to ASCII,
    /// without ICU: a word is a run of letters and digits, with a full stop or apostrophe between two
    /// letters or two digits (WB6, WB7, WB11, WB12), or a comma or semicolon between two digits,
    /// and is a number when it ends in a digit (ICU's rule status); every other character but white
    /// space is a segment of its own. Nil when the text has a byte left to ICU: non-ASCII, "_" and "@"
    /// (which ICU joins to letters and digits, with statuses of their own: "from@" is one word), and
    /// ":" (a letter's middle in some locales).
    ///
    /// ICU's iterator cost about 1,000 instructions a word; most texts of an English feed are ASCII.
    static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [WordSegment]? {
        var words: [WordSegment] = []
        return appendASCIIWords(bytes, to: &words) ? words : nil
    }

    /// `asciiWords` appended to `words`; false, with nothing appended, where it is nil.
    static func appendASCIIWords(_ bytes: UnsafeBufferPointer<UInt8>, to words: inout [WordSegment]) -> Bool {
        if ByteScan.containsNonASCII(orAnyOf: UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "@"), in: bytes) { return false }
        // English averages a segment every four or five bytes, but short texts with punctuation run
        // denser: a third of the bytes seldom grows the array.
        words.reserveCapacity(bytes.count / 3 + 2)
        // Each byte's kind read from one table (the text is ASCII): a letter or digit, most bytes,
        // costs a load and a test.
        return asciiWordFlags.withUnsafeBufferPointer { flags in
            var index = 0
            while index < bytes.count {
                let start = index, byte = bytes[index], flag = flags[Int(byte)]
                let kind: WordKind
                if flag & WordFlag.alphanumeric != 0 {
                    var last = flag
                    index += 1
                    while index < bytes.count {
                        let next = flags[Int(bytes[index])]
                        if next & WordFlag.alphanumeric != 0 {
                            last = next
                            index += 1
                            continue
                        }
                        guard index + 1 < bytes.count else { break }
                        let after = flags[Int(bytes[index + 1])]
                        // ". '" between two letters or two digits, ", ;" between two digits.
                        guard next & WordFlag.midLetter != 0 && last & after & WordFlag.letter != 0
                                || next & WordFlag.midNumber != 0 && last & after & WordFlag.digit != 0 else { break }
                        last = after
                        index += 2
                    }
                    kind = last & WordFlag.digit != 0 ? .number : .letters
                } else {
                    index += 1
                    if flag & WordFlag.space != 0 { continue }
                    kind = flag & WordFlag.punctuation != 0 ? .punctuation : .symbol
                }
                let range = start..<index
                // (An ASCII text: its scalar offsets are its byte offsets.)
                words.append(WordSegment(segment: Segment(span: TextSpan(range), utf8: range), kind: kind))
            }
            return true
        }
    }

    /// What an ASCII byte is to `appendASCIIWords`, as bits.
    private enum WordFlag {
        static let letter: UInt8 = 1, digit: UInt8 = 2, alphanumeric: UInt8 = 4
        /// Joins two letters or two digits (". '").
        static let midLetter: UInt8 = 8
        /// Joins two digits (". ' , ;").
        static let midNumber: UInt8 = 16
        static let space: UInt8 = 32, punctuation: UInt8 = 64
    }

    /// `WordFlag`s of each ASCII byte.
    private static let asciiWordFlags: [UInt8] = (0..<0x80).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        var flags: UInt8 = 0
        if isASCIILetter(byte) { flags |= WordFlag.letter | WordFlag.alphanumeric }
        if isDigit(byte) { flags |= WordFlag.digit | WordFlag.alphanumeric }
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") { flags |= WordFlag.midLetter | WordFlag.midNumber }
        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { flags |= WordFlag.midNumber }
        if isSpace(byte) { flags |= WordFlag.space }
        if asciiPunctuation[value] { flags |= WordFlag.punctuation }
        return flags
    }

    /// A text on which a locale's word rules must cut as `latinWords` does: Latin letters of Latin-1
    /// and Latin Extended-A among ASCII letters and digits, the curly apostrophes and quotes that
    /// join words ("Russia’s") or stand alone, dashes, an ellipsis, and × and ÷.
    static let latinWordProbe = "Cañitas São’s ‘a’b’ 1’2 a’1 1’a x’ ’y “q” a—b a–b x… É’1 ÿ.ß ß1 1ß a’’b 1‘2 Œuvre. ‘’ Ł,ł; Ÿ ×÷ 3×4 a×b é.é 1.é é,é ñ‘ñ ő—1 a.b’c 2,3’4 “Ça”, ‘no’… ‘a‘b’"

    /// The word segments of a text of ASCII (as `asciiWords` reads it), letters of Latin-1 and Latin
    /// Extended-A (U+00C0–U+017F but × and ÷), and the marks U+2013, U+2014 (dashes), U+2018, U+2019
    /// (quotes that join words as an apostrophe does: MidNumLet), U+201C, U+201D (quotes) and U+2026
    /// (ellipsis), by the word rules as ICU applies them to these, without ICU. Nil when the text has
    /// a scalar left to ICU.
    ///
    /// A text of a Western European language but English most often has an accent or a curly quote,
    /// and ICU's iterator cost about 1,000 instructions a word.
    /// With `colon`, ":" is a segment of its own (as in English); without, it is left to ICU.
    static func latinWords(_ bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets, colon: Bool = false) -> [WordSegment]? {
        var words: [WordSegment] = []
        return appendLatinWords(bytes, offsets: offsets, colon: colon, to: &words) ? words : nil
    }

    /// ":" between and beside letters and digits, ASCII and Latin: a text on which a locale's word
    /// rules must make it a segment of its own for `latinWords` to read it.
    static let colonProbe = "a:b 1:2 é:é a:1 1:a :a a: :: 10:30 ß:ñ x.y:z a’:b"

    /// What a scalar of `latinWords`' texts is to the word rules.
    private enum LatinUnit: Equatable {
        case letter, digit
        /// Joins two letters or two digits: ". '" and U+2018, U+2019.
        case midLetterOrNumber
        /// Joins two digits: ", ;".
        case midNumber
        case space
        /// Any other: a segment of its own.
        case other
    }

    /// The unit of the scalar at `index`, its width in bytes, and its kind when it is a segment of its
    /// own; nil for a scalar left to ICU.
    @inline(__always)
    private static func latinUnit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, colon: Bool) -> (unit: LatinUnit, width: Int, kind: WordKind)? {
        let byte = bytes[index]
        if byte < 0x80 {
            if isDigit(byte) { return (.digit, 1, .number) }
            if isASCIILetter(byte) { return (.letter, 1, .letters) }
            if isSpace(byte) { return (.space, 1, .symbol) }
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "@") || (byte == UInt8(ascii: ":") && !colon) { return nil }
            let kind: WordKind = asciiPunctuation[Int(byte)] ? .punctuation : .symbol
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") { return (.midLetterOrNumber, 1, kind) }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { return (.midNumber, 1, kind) }
            return (.other, 1, kind)
        }
        // (The text is valid UTF-8: a lead byte has its continuation bytes.)
        switch byte {
        case 0xC3:
            let second = bytes[index + 1]
            return second == 0x97 || second == 0xB7 ? (.other, 2, .symbol) : (.letter, 2, .letters)  // × ÷
        case 0xC4, 0xC5:
            return (.letter, 2, .letters)
        case 0xE2:
            guard bytes[index + 1] == 0x80 else { return nil }
            switch bytes[index + 2] {
            case 0x98, 0x99: return (.midLetterOrNumber, 3, .punctuation)
            case 0x93, 0x94, 0x9C, 0x9D, 0xA6: return (.other, 3, .punctuation)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `latinWords` appended to `words`; false, with nothing appended, where it is nil.
    static func appendLatinWords(_ bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets, colon: Bool,
                                 to words: inout [WordSegment]) -> Bool {
        let first = words.count
        words.reserveCapacity(first + bytes.count / 3 + 2)
        var index = 0
        while index < bytes.count {
            let start = index
            guard let (unit, width, ownKind) = latinUnit(bytes, at: index, colon: colon) else {
                words.removeSubrange(first...)
                return false
            }
            index += width
            let kind: WordKind
            switch unit {
            case .space:
                continue
            case .letter, .digit:
                var last = unit
                while index < bytes.count {
                    guard let (next, nextWidth, _) = latinUnit(bytes, at: index, colon: colon) else { break }
                    if next == .letter || next == .digit {
                        last = next
                        index += nextWidth
                        continue
                    }
                    guard next == .midLetterOrNumber || next == .midNumber, index + nextWidth < bytes.count,
                          let (after, afterWidth, _) = latinUnit(bytes, at: index + nextWidth, colon: colon) else { break }
                    let inWord = next == .midLetterOrNumber && last == .letter && after == .letter
                    let inNumber = last == .digit && after == .digit
                    guard inWord || inNumber else { break }
                    last = after
                    index += nextWidth + afterWidth
                }
                kind = last == .digit ? .number : .letters
            case .midLetterOrNumber, .midNumber, .other:
                kind = ownKind
            }
            let range = start..<index
            words.append(WordSegment(segment: Segment(span: offsets.span(ofBytes: range), utf8: range), kind: kind))
        }
        return true
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) private static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isASCIILetter(byte) }

    /// `isPunctuation` of each ASCII scalar. (`isSpace` is White_Space for ASCII: U+0009–U+000D, U+0020.)
    private static let asciiPunctuation: [Bool] = (0..<0x80).map { isPunctuation(Unicode.Scalar(UInt8($0))) }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    // MARK: ICU

    /// ICU's sentence boundaries of `bytes`, a paragraph, 0 and its end among them: inside a
    /// paragraph a line break is only wrapping, so ICU is handed spaces instead (the same byte
    /// count). Valid until the next `run`.
    private func icuSentenceCuts(_ bytes: UnsafeBufferPointer<UInt8>) -> ArraySlice<Int32> {
        let flat = bytes.map { SentenceSuppressions.flat($0) }
        return flat.withUnsafeBufferPointer { run(sentenceBreaker, $0) }
    }

    /// Boundaries of `bytes` by `breaker`; `statuses` holds each segment's rule status afterwards.
    func run(_ breaker: OpaquePointer, _ bytes: UnsafeBufferPointer<UInt8>) -> ArraySlice<Int32> {
        let needed = bytes.count + 2
        if boundaries.count < needed {
            boundaries = [Int32](repeating: 0, count: needed)
            statuses = [Int32](repeating: 0, count: needed)
        }
        var status: Int32 = 0
        let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let count = cicu_breaker_run(breaker, base, Int64(bytes.count), &boundaries, &statuses, &status)
        guard status == CICU_OK else { return [0, Int32(bytes.count)] }
        return boundaries[0..<Int(count)]
    }

    /// The boundaries ICU's sentence iterator finds in `paragraph` (its line breaks read as spaces),
    /// 0 and the end among them; and those `forEachASCIISentenceCut` finds, nil where it does not cut
    /// the paragraph: for the tests.
    func sentenceBoundaries(of paragraph: String) -> (icu: [Int], ascii: [Int]?) {
        _ = asciiSentenceCutsHold  // (which reads the suppressions)
        var text = paragraph
        return text.withUTF8 { bytes in
            let icu = icuSentenceCuts(bytes).map { Int($0) }
            var ascii = [0]
            guard forEachASCIISentenceCut(bytes, { ascii.append($0) }) else { return (icu, nil) }
            if !bytes.isEmpty { ascii.append(bytes.count) }
            return (icu, ascii)
        }
    }

    // MARK: Bytes

    private func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, let width = spaceWidth(bytes, at: lower) { lower += width }
        while upper > lower, let width = spaceWidth(bytes, endingAt: upper) { upper -= width }
        return lower..<upper
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    @inline(__always) private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    @inline(__always) private func isSpace(_ byte: UInt8) -> Bool { Self.isSpace(byte) }
    @inline(__always) private func isASCIILetter(_ byte: UInt8) -> Bool { Self.isASCIILetter(byte) }

    /// Width in bytes of a white-space scalar starting at `index`, or nil.
    private func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        if isSpace(bytes[index]) { return 1 }
        guard bytes[index] >= 0xC2, let scalar = firstScalar(bytes, at: index), scalar.properties.isWhitespace
            || scalar.value == 0xFEFF || scalar.value == 0x200B else { return nil }
        return UTF8.width(scalar)
    }

    private func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
        if isSpace(bytes[end - 1]) { return 1 }
        guard bytes[end - 1] >= 0x80 else { return nil }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let width = spaceWidth(bytes, at: start), start + width == end else { return nil }
        return width
    }

    private func firstScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}

extension Segmenter {
    /// The abbreviations after which ICU's sentence iterator drops a break ("@ss=standard": "Mr.",
    /// "U.S.", "z. B."), and how it matches them, for `forEachASCIISentenceCut`.
    ///
    /// ICU's filtered iterator (`SimpleFilteredBreakIteratorBuilder::build`) keeps, in a trie read
    /// backwards from a break (after one space, if the break follows one), each abbreviation; but
    /// abbreviations that begin alike up to a first full stop which is not the end of one of them
    /// ("U.S." and "U.") stand there only up to that full stop ("U."), marked partial, and go
    /// forwards whole. The longest abbreviation ending at the break drops it; a partial one, only if
    /// the text from its start, read forwards, runs into the end of an abbreviation of the forward
    /// trie (or into the text's end without leaving one). Built here as ICU builds it from the same
    /// list, so that it drops the same breaks.
    struct SentenceSuppressions {
        /// The abbreviations, as ICU's resources list them for the locale (each once).
        let entries: [String]
        /// The abbreviations and partial ones, backwards.
        private let backward: ByteTrie
        /// The abbreviations of the partial ones, nil if none.
        private let forward: ByteTrie?

        /// The value of an abbreviation in the backward trie: its end drops a break.
        static let match: UInt8 = 2
        /// The value of a partial abbreviation's start in the backward trie: read on forwards.
        static let partial: UInt8 = 1

        var isEmpty: Bool { entries.isEmpty }

        /// The suppressions of a sentence iterator opened for `locale`; nil when they cannot be read,
        /// or when ICU would fail to build them.
        static func read(locale: String) -> SentenceSuppressions? {
            // (Room for the longest list, German's 2 KB: the list is read once.)
            var bytes = [UInt8](repeating: 0, count: 8192)
            var status: Int32 = 0
            var count = bytes.withUnsafeMutableBufferPointer {
                cicu_sentence_break_exceptions(locale, $0.baseAddress, Int64($0.count), &status)
            }
            if status == CICU_E_BUFFER_TOO_SMALL {
                bytes = [UInt8](repeating: 0, count: Int(count))
                count = bytes.withUnsafeMutableBufferPointer {
                    cicu_sentence_break_exceptions(locale, $0.baseAddress, Int64($0.count), &status)
                }
            }
            guard status == CICU_OK, count >= 0, count <= bytes.count else { return nil }
            let entries = bytes[..<Int(count)].split(separator: 0).map { Array($0) }
            return SentenceSuppressions(entries)
        }

        /// ICU's builder over `list`.
        init?(_ list: [String]) { self.init(list.map { Array($0.utf8) }) }

        /// ICU's builder over `list`, each abbreviation's UTF-8 bytes.
        ///
        /// ICU marks, for each abbreviation (in order) whose first full stop is not its end, every
        /// other that begins with the same bytes up to that full stop as going forwards, and puts
        /// that beginning in the backward trie as partial unless an abbreviation marked so before
        /// it (its own beginning's, then) shares it. Abbreviations that begin alike up to a full stop
        /// have their first full stop there: so each group of abbreviations sharing the bytes up to
        /// their first full stop (or whole, without one) with one partial among them goes forwards
        /// whole and stands backwards as that beginning; any other is in the backward trie whole.
        init?(_ list: [[UInt8]]) {
            // Sorted, each once: abbreviations that share their bytes up to a first full stop (which
            // is their first) stand together.
            var sorted = list.filter { !$0.isEmpty }
            sorted.sort { $0.lexicographicallyPrecedes($1) }
            var unique: [[UInt8]] = []
            unique.reserveCapacity(sorted.count)
            for entry in sorted where unique.last != entry { unique.append(entry) }
            entries = unique.map { String(decoding: $0, as: UTF8.self) }
            var backward = ByteTrie(), forward = ByteTrie()
            var first = 0
            while first < unique.count {
                let entry = unique[first]
                guard let stop = entry.firstIndex(of: UInt8(ascii: ".")) else {
                    guard backward.insert(Self.reversedScalars(entry[...]), value: Self.match) else { return nil }
                    first += 1
                    continue
                }
                let shared = entry[...stop]
                var end = first + 1
                while end < unique.count, unique[end].starts(with: shared) { end += 1 }
                if end - first > 1 || stop + 1 != entry.count {
                    guard backward.insert(Self.reversedScalars(shared), value: Self.partial) else { return nil }
                    for member in unique[first..<end] where !forward.insert(member, value: Self.match) { return nil }
                } else {
                    guard backward.insert(Self.reversedScalars(entry[...]), value: Self.match) else { return nil }
                }
                first = end
            }
            self.backward = backward
            self.forward = forward.isEmpty ? nil : forward
        }

        /// UTF-8 bytes with their scalars in reverse order (as ICU reverses a string).
        private static func reversedScalars(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            if bytes.allSatisfy({ $0 < 0x80 }) { return bytes.reversed() }
            var reversed: [UInt8] = []
            reversed.reserveCapacity(bytes.count)
            var end = bytes.endIndex
            while end > bytes.startIndex {
                var start = end - 1
                while start > bytes.startIndex, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                reversed.append(contentsOf: bytes[start..<end])
                end = start
            }
            return reversed
        }

        /// A byte of a paragraph as ICU reads it: a line break is a space.
        @inline(__always)
        static func flat(_ byte: UInt8) -> UInt8 { byte == 0x0A || byte == 0x0D ? 0x20 : byte }

        /// Whether ICU drops its rules' break at `cut` (inside `text`, not its end) as ICU's filtered
        /// iterator does (`breakExceptionAt`).
        func suppressesBreak(in text: UnsafeBufferPointer<UInt8>, at cut: Int) -> Bool {
            var end = cut
            if end > 0, Self.flat(text[end - 1]) == 0x20 { end -= 1 }
            var node = 0, best: UInt8 = 0, bestStart = -1
            var index = end
            while index > 0 {
                index -= 1
                guard let child = backward.child(of: node, Self.flat(text[index])) else { break }
                node = child
                if backward.values[node] != 0 {
                    best = backward.values[node]
                    bestStart = index
                }
                if !backward.hasChildren(node) { break }
            }
            guard bestStart >= 0 else { return false }
            if best == Self.match { return true }
            guard let forward else { return false }
            node = 0
            index = bestStart
            while index < text.count {
                guard let child = forward.child(of: node, Self.flat(text[index])) else { return false }
                node = child
                index += 1
                if !forward.hasChildren(node) { return true }
            }
            return true
        }
    }

    /// A trie of byte strings, each with a value (0 for none): each node's children are a list (a
    /// node has a few), scanned in turn.
    struct ByteTrie {
        /// By node (the root is 0): its string's value, 0 if none ends there.
        private(set) var values: [UInt8] = [0]
        /// By node: its first child, its next sibling (-1 for none), and the byte that leads to it.
        private var firstChild: [Int32] = [-1]
        private var nextSibling: [Int32] = [-1]
        private var bytes: [UInt8] = [0]

        var isEmpty: Bool { values.count == 1 }

        /// Adds `string` with `value` (not 0); false if the string was there (as ICU's trie builder
        /// fails).
        mutating func insert(_ string: some Sequence<UInt8>, value: UInt8) -> Bool {
            var node = 0
            for byte in string {
                if let child = child(of: node, byte) {
                    node = child
                    continue
                }
                let made = values.count
                values.append(0)
                firstChild.append(-1)
                nextSibling.append(firstChild[node])
                bytes.append(byte)
                firstChild[node] = Int32(made)
                node = made
            }
            guard values[node] == 0 else { return false }
            values[node] = value
            return true
        }

        /// The node reached from `node` by `byte`, if any.
        @inline(__always)
        func child(of node: Int, _ byte: UInt8) -> Int? {
            var child = Int(firstChild[node])
            while child >= 0 {
                if bytes[child] == byte { return child }
                child = Int(nextSibling[child])
            }
            return nil
        }

        @inline(__always)
        func hasChildren(_ node: Int) -> Bool { firstChild[node] >= 0 }
    }
}
