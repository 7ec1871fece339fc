import MTAuditText

/// Flags a stretch of an aligned sentence whose content words are not the source's: what the version
/// says there strays from what the source says, and the other versions do not say it either.
public struct DistortionDetector: Detector {
    /// A word this common in the language (articles, auxiliaries, "said", "new") is a matter of
    /// wording; only rarer words, names and numbers carry what a sentence says.
    static let contentWordZipf: Float = 4.5
    /// A stretch with this many content words astray (both sides together) rewrites a passage: major.
    static let majorWords = 6
    /// Links this alike (plain Dice of their words) render one another; below, a pair of sentences is
    /// only compared when each text is that one sentence.
    static let minimumSimilarity = 0.2

    public static let description = DetectorDescription(
        id: "distortion",
        name: "Distortion",
        summary: "A stretch of a sentence that says something the source does not: its content words are neither the source's nor the other versions'.",
        category: .mistranslation,
        severity: .minor,
        rationale: """
            A translation can be fluent and still say something else: a verb turned into its \
            opposite, a place or an object replaced, a clause invented. The other rules look for \
            names, numbers and dates; this one grades what is left. Within each pair of aligned \
            sentences (in one language: a round trip or a rewrite), the words are aligned in order, \
            and each stretch between two shared words is compared: a content word (rarer than the \
            language's commonest words, or a name or number) of the version that the source \
            sentence does not have anywhere, and that no other version writes in its sentence, or a \
            content word of the source that the version's sentence lacks, is astray. Each stretch \
            with a word astray is one finding, as an MQM annotator marks each error span: minor, \
            major when six content words or more are astray in it (a passage rewritten). A fair \
            paraphrase changes few content words and scores high; a distortion changes many. Words \
            that merely move, other forms of a word ("approve" for "approved") and common words \
            ("the", "said", "would") are not counted. Where another rule's finding touches the \
            stretch (a number changed, a name replaced, a passage left out), the audit keeps that \
            finding and drops this one, so that one error is not counted twice. Content words are \
            told by the language's word list; a language without one is not checked.
            """,
        triggeringExamples: [
            DetectorExample(source: "The council approved the harbour budget after a long debate.",
                            version: "The council ⟦rejected⟧ the harbour budget after a long debate."),
            DetectorExample(source: "Divers found the wreck near the lighthouse on the northern reef.",
                            version: "Divers found the wreck near the ⟦old brewery by⟧ the ⟦eastern canal⟧."),
            DetectorExample(source: "Police said the council approved the budget after a long debate.",
                            version: "Police said the council ⟦abolished⟧ the budget after a long debate."),
            DetectorExample(source: "The ferry carried pilgrims and grain across the strait every morning despite the storms.",
                            version: "The ferry carried pilgrims and grain across the strait every morning⟦⟧."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The council approved the harbour budget after a long debate.",
                            version: "After a long debate, the council approved the harbour budget."),
            DetectorExample(source: "The council approved the harbour budget after a long debate.",
                            version: "The council has approved the harbour budget following a long debate."),
            DetectorExample(source: "The council approved the harbour budget.", version: "Le conseil a approuvé le budget du port."),
            DetectorExample(source: "他在公园里散步了很久。", version: "他在公园里散了很长时间的步。"),
            DetectorExample(source: "The mayor opened the bridge.", version: "The mayor inaugurated the bridge.",
                            otherVersions: ["The mayor inaugurated the bridge."]),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        let frequencies = WordFrequencies.builtIn
        guard context.sameLanguage else { return [] }
        let single = context.source.sentences.count == 1 && context.version.sentences.count == 1
        var findings: [Finding] = []
        // (The word rows are read at the first link whose words differ: a version left as it was has none.)
        var rows: (version: DocumentWordRows, source: DocumentWordRows)?
        // The language whose word list tells which words carry content, and its index, found with the
        // rows (a version left as it was needs neither).
        var listed: (language: String, index: Int)?
        // The source's words as the link table reads them, read once for every version, for a source of
        // one sentence (`DistortionTokenKeys`): made with the rows.
        var sourceKeys: DistortionTokenKeys?
        for link in context.alignment.links {
            guard let first = link.version.first, single || context.alignment.similarity[first] >= Self.minimumSimilarity else { continue }
            let versionTokens = context.version.tokens, sourceTokens = context.source.tokens
            // Sentences that write the same words in the same order (keys equal byte for byte, and so
            // their base keys) have no word that the other lacks: nothing can stray, and the link is
            // done before any word is listed or numbered (a sentence left as it was).
            if Self.sameWords(context.version, link.version, context.source, link.source) { continue }
            if rows == nil {
                // Which words carry content is read from the language's word list: without one
                // (Chinese, Japanese, languages the lists do not cover), the rule stays silent. (No
                // link before this one has found anything.) The language's index found once: it says
                // whether the lists know the language, and reads them.
                guard let language = Comparability.listedLanguage(of: context.version, guess: context.versionLanguageGuess),
                      let languageIndex = frequencies.languageIndex(of: language) else { return [] }
                listed = (language, languageIndex)
                rows = (DocumentWordRows.of(context.version), DocumentWordRows.of(context.source))
                if context.source.sentences.count == 1 { sourceKeys = DistortionTokenKeys.of(context.source) }
            }
            let (versionRows, sourceRows) = rows!, (language, languageIndex) = listed!
            // (A constant for the link's closures, which hold a captured variable in a box and retain
            // what it holds at each read.)
            let linkSourceKeys = sourceKeys
            // The link's words (`TokenAligner.words`), their numbers and which are astray, in one
            // temporary allocation (on the stack for a few sentences' words) rather than five arrays:
            // room for a word per token of each side in each of the three parts.
            let versionRoom = TokenAligner.tokenCount(context.version, link.version)
            let room = versionRoom + TokenAligner.tokenCount(context.source, link.source)
            // The link's table of keys (`DistortionLinkTable`) in a temporary allocation of its own,
            // with room for every word it may number: the link's, and the other versions' words in
            // its place (numbered only for a link with a word astray).
            let keyRoom = room + Self.othersTokenCount(link, in: context)
            // (And, for a source whose words are read once, the link number of each of its tokens.)
            let sourceTokenRoom = linkSourceKeys == nil ? 0 : sourceTokens.count
            // The table's words and the words' parts in one allocation, the parts' words after the
            // table's (rebound to `Int`, of the same size): a link's room is past what is allocated on
            // the stack, and one allocation costs half of two.
            let tableWords = DistortionLinkTable.wordCount(capacity: keyRoom), partWords = 3 * room + sourceTokenRoom + 1
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: tableWords + partWords) { allRoom in
                let tableRoom = UnsafeMutableBufferPointer(start: allRoom.baseAddress!, count: tableWords)
                // (The parts made from the base address: slices of the buffer are read through generic code.)
                UnsafeMutableBufferPointer(start: allRoom.baseAddress! + tableWords, count: partWords).withMemoryRebound(to: Int.self) { buffer in
                    let base = buffer.baseAddress!
                    func part(_ start: Int, _ count: Int) -> UnsafeMutableBufferPointer<Int> { UnsafeMutableBufferPointer(start: base + start, count: count) }
                    let versionCount = TokenAligner.words(context.version, link.version, into: part(0, versionRoom))
                    let sourceCount = TokenAligner.words(context.source, link.source, into: part(versionRoom, room - versionRoom))
                    let versionWords = UnsafeBufferPointer(part(0, versionCount)), sourceWords = UnsafeBufferPointer(part(versionRoom, sourceCount))
                    // A word counts as there in another form too ("approve" for "approved"). Each base key
                    // is numbered once, for the alignment and for telling which texts write it.
                    var facts = DistortionLinkTable(room: tableRoom, capacity: keyRoom)
                    let versionNumbers = part(room, versionCount), sourceNumbers = part(room + versionCount, sourceCount)
                    if let linkSourceKeys {
                        // A source whose words are read once is numbered first, from there (the numbers
                        // tell keys apart, whichever comes first), with each token's number: a version's
                        // word of a source token's very key string is that token's number, marked, with
                        // no pass over its bytes (most words of a version of the same language).
                        let numberOfToken = part(3 * room, sourceTokenRoom)
                        numberOfToken.update(repeating: -1)
                        facts.number(words: sourceWords, of: sourceTokens, in: linkSourceKeys, Mark.source, into: sourceNumbers, numberOfToken: numberOfToken)
                        facts.number(words: versionWords, of: versionTokens, Mark.version, sharingKeysWith: linkSourceKeys, numberOfToken: numberOfToken,
                                     into: versionNumbers)
                    } else {
                        facts.number(words: versionWords, of: versionTokens, Mark.version, into: versionNumbers)
                        facts.number(words: sourceWords, of: sourceTokens, Mark.source, into: sourceNumbers)
                    }
                    func isContent(_ index: Int, of document: Document, _ rows: DocumentWordRows, _ number: Int, keys: DistortionTokenKeys? = nil) -> Bool {
                        // The token's fields read in place, with no copy of the token.
                        let kind = document.tokens[index].kind
                        if kind == .number { return true }
                        guard kind == .letters else { return false }
                        // The token's row when its key is the numbered key (most are), read in the language
                        // found once; else a look-up. (Told by the document's keys where they are read.)
                        let isKey = keys.map { $0.baseIsKey(index) } ?? facts.isKey(number, document.tokens[index].key)
                        // (`rows.zipf(ofToken:key:in:languageIndex:)` written out on the frequencies read once
                        // for the rule: through it, each word read the shared frequencies anew, a copy of them
                        // retained and released.)
                        let row = rows.rows[index]
                        let zipf = isKey
                            ? (row == DocumentWordRows.notLetters ? frequencies.zipf(document.tokens[index].key, in: language)
                                : frequencies.zipf(ofRow: row, language: languageIndex))
                            : frequencies.zipf(facts.key(number), in: language)
                        return zipf < Self.contentWordZipf
                    }
                    // Whether a word is astray does not depend on the alignment: a content word that the
                    // other sentence does not write, as such or in another form, and (for the version's) that
                    // no other version writes, or (for the source's) that the other versions render. Only the
                    // stretch a word falls in does. So each word is told first, before the other versions'
                    // words are numbered and before the alignment (the costliest step): a link with no word
                    // astray is done there. A word written on the other side as such is none (most words):
                    // a byte of the table's marks tells, with no content looked up.
                    // By place, the version's words, then the source's (from `versionCount` on): which are
                    // astray (1), which not (0). (Cleared at the first word astray: a link with none clears none.)
                    let astray = part(2 * room, versionCount + sourceCount)
                    var strays = 0
                    for place in 0..<versionCount {
                        let number = versionNumbers[place]
                        if facts.marks(number) & Mark.source == 0, isContent(versionWords[place], of: context.version, versionRows, number),
                           !facts.has(Mark.source, number) {
                            if strays == 0 { astray.update(repeating: 0) }
                            astray[place] = 1; strays += 1
                        }
                    }
                    for place in 0..<sourceCount {
                        let number = sourceNumbers[place]
                        if facts.marks(number) & Mark.version == 0, isContent(sourceWords[place], of: context.source, sourceRows, number, keys: linkSourceKeys),
                           !facts.has(Mark.version, number) {
                            if strays == 0 { astray.update(repeating: 0) }
                            astray[versionCount + place] = 1; strays += 1
                        }
                    }
                    guard strays > 0 else { return }
                    // The words the other versions write in these sentences' place: where they agree with
                    // this version, its wording is no distortion.
                    var othersRender = false
                    for v in link.version {
                        for (other, alignment) in zip(context.otherVersions, context.otherAlignments) {
                            guard let s = alignment.sourceOf[v], alignment.similarity[v] >= SentenceAlignment.evidenceSimilarity else { continue }
                            othersRender = true
                            // (The tokens read in place: a copy of each retained and released its text and key.)
                            let range = other.sentences[s].tokens
                            other.tokens.withUnsafeBufferPointer { tokens in
                                for index in range where tokens[index].isWordLike {
                                    _ = facts.number(baseOf: tokens[index].key, Mark.others)
                                }
                            }
                        }
                    }
                    // (No key is the others' when no other version renders these sentences: none is had.)
                    if othersRender {
                        for place in 0..<versionCount where astray[place] != 0 && facts.has(Mark.others, versionNumbers[place]) {
                            astray[place] = 0; strays -= 1
                        }
                        for place in 0..<sourceCount where astray[versionCount + place] != 0 && !facts.has(Mark.others, sourceNumbers[place]) {
                            astray[versionCount + place] = 0; strays -= 1
                        }
                    }
                    guard strays > 0 else { return }
                    let pairs = TokenAligner().align(UnsafeBufferPointer(versionNumbers), UnsafeBufferPointer(sourceNumbers), keys: facts.keys())
                    // The stretches between consecutive shared words (a chain rising in both sentences; words
                    // in each other's place are no shared words), and after the last (`DistortionAnchors`).
                    // (Each stretch as ranges of places: slices of the buffers are read through generic code.)
                    var previous = (version: -1, source: -1)
                    var anchors = DistortionAnchors(pairs, versionCount: versionCount, sourceCount: sourceCount)
                    while let anchor = anchors.next() {
                        defer { previous = anchor }
                        let versionGap = (previous.version + 1)..<anchor.version
                        let sourceGap = (previous.source + 1)..<anchor.source
                        // (Counted, not listed: only their number is needed.)
                        var added = 0, lost = 0
                        for place in versionGap where astray[place] != 0 { added += 1 }
                        for place in sourceGap where astray[versionCount + place] != 0 { lost += 1 }
                        guard added > 0 || lost > 0 else { continue }
                        let span: TextSpan
                        if !versionGap.isEmpty {
                            let (from, to) = (versionWords[versionGap.lowerBound], versionWords[versionGap.upperBound - 1])
                            span = context.version.tokens[from].span.union(context.version.tokens[to].span)
                        } else {
                            let at = previous.version >= 0 ? context.version.tokens[versionWords[previous.version]].span.end
                                : context.version.tokens[versionCount > 0 ? versionWords[0] : 0].span.start
                            span = .point(at)
                        }
                        let sourceSpan = sourceGap.isEmpty ? nil
                            : context.source.tokens[sourceWords[sourceGap.lowerBound]].span.union(context.source.tokens[sourceWords[sourceGap.upperBound - 1]].span)
                        findings.append(Self.finding(span, sourceSpan, in: context, severity: added + lost >= Self.majorWords ? .major : nil))
                    }
                }
            }
        }
        return findings
    }

    /// The tokens of the other versions' sentences that render `link`'s version sentences (the
    /// sentences whose words a link with a word astray numbers as the others'): room enough for
    /// their words in the link's table. (0 for a lone version.)
    static func othersTokenCount(_ link: SentenceAlignment.Link, in context: DetectionContext) -> Int {
        guard !context.otherVersions.isEmpty else { return 0 }
        var count = 0
        for v in link.version {
            for (other, alignment) in zip(context.otherVersions, context.otherAlignments) {
                guard let s = alignment.sourceOf[v], alignment.similarity[v] >= SentenceAlignment.evidenceSimilarity else { continue }
                count += other.sentences[s].tokens.count
            }
        }
        return count
    }

    /// Whether `version`'s sentences `versionSentences` and `source`'s `sourceSentences` write the
    /// same words (word-like tokens, `TokenAligner.words`) in the same order, their keys the same
    /// bytes: the two lists of words compared, read in place with no list made
    /// (`SentenceWords.sameWordCount`, whose walk reads the tokens through buffers).
    static func sameWords(_ version: Document, _ versionSentences: Range<Int>, _ source: Document, _ sourceSentences: Range<Int>) -> Bool {
        func tokenRange(_ document: Document, _ sentences: Range<Int>) -> Range<Int> {
            guard let first = sentences.first, let last = sentences.last else { return 0..<0 }
            return document.sentences[first].tokens.lowerBound..<document.sentences[last].tokens.upperBound
        }
        return SentenceWords.sameWordCount(tokenRange(version, versionSentences), of: version,
                                           tokenRange(source, sourceSentences), of: source) != nil
    }

    /// The finding of a stretch: the version's words at `span` (a point where it writes none) stand
    /// where the source says what `sourceSpan` covers (nil: nothing). What `finding(_:in:message:...)`
    /// makes, with each text read out of its document once (for the message, the excerpt and the
    /// suggestion alike) and the message written into room made for it at once.
    static func finding(_ span: TextSpan, _ sourceSpan: TextSpan?, in context: DetectionContext, severity: Severity?) -> Finding {
        let versionText = context.version.text(of: span)
        let sourceText = sourceSpan.map { context.source.text(of: $0) }
        let message: String
        if span.isEmpty {
            message = joined("the source’s “", sourceText ?? "", "” is not rendered here")
        } else if let sourceText {
            message = joined("“", versionText, "” stands where the source says “", sourceText, "”")
        } else {
            message = joined("“", versionText, "” has no counterpart in the source")
        }
        let description = Self.description
        return Finding(rule: description.id, category: description.category, severity: severity ?? description.severity,
                       message: message, span: Excerpt(start: span.start, end: span.end, text: versionText),
                       sourceSpan: sourceSpan.map { Excerpt(start: $0.start, end: $0.end, text: sourceText!) },
                       suggestion: sourceText, evidence: .source)
    }

    /// `a + b + c + d + e`, written byte by byte into one allocation of their summed length: the
    /// same string. (Appending to a string checks each join for a character that spans it, and the
    /// message's curly quotes sent every join there: several times the cost of the bytes.)
    static func joined(_ a: String, _ b: String, _ c: String, _ d: String = "", _ e: String = "") -> String {
        let count = a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count
        // (Each part's bytes read where they are: a tuple of the parts to read them through
        // `withUTF8`, which mutates, was a copy of each retained and destroyed.)
        return String(unsafeUninitializedCapacity: count) { output in
            var at = Self.write(a, into: output, at: 0)
            at = Self.write(b, into: output, at: at)
            at = Self.write(c, into: output, at: at)
            at = Self.write(d, into: output, at: at)
            return Self.write(e, into: output, at: at)
        }
    }

    /// Copies `part`'s bytes into `output` from `at` on; where they end.
    @inline(__always)
    private static func write(_ part: String, into output: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        if let written = part.utf8.withContiguousStorageIfAvailable({ Self.copy($0, into: output, at: at) }) { return at + written }
        var part = part
        return at + part.withUTF8 { Self.copy($0, into: output, at: at) }
    }

    /// Copies `bytes` into `output` from `at` on; their count.
    private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        if !bytes.isEmpty { (output.baseAddress! + at).initialize(from: bytes.baseAddress!, count: bytes.count) }
        return bytes.count
    }

    /// The keys of a link in arrays of their own: the plain form of `DistortionLinkTable` (which the
    /// rule numbers its links in), against which the tests check it. The keys of a link (base keys,
    /// numbered as `KeyNumbering` numbers them) and what is known of each, read once and kept:
    /// which texts write it (`Mark`), whether it is long enough to share a stem, and its first bytes,
    /// as bits of one word per key number. (A struct with mutating methods, not nested functions: a
    /// variable a nested function captures lives in a box whose every access is checked at run
    /// time. One array of facts, grown as keys are numbered, rather than one per fact.)
    struct LinkKeys {
        /// The keys, each at its number.
        private(set) var keys: [String]
        /// By key number: `Mark` bits, and a plain long key's first four bytes from bit 32 on (`Mark.hasHead`)
        /// and its fifth in bits 8 to 15 (`Mark.hasFifth`).
        private(set) var marks: [UInt64]
        /// The numbering's table, as `KeyNumbering` keeps it (a power of two of slots, at least twice
        /// the keys; per slot the upper half of the key's hash, then its number plus one, 0 empty),
        /// written out here so that a key hashed already (`number(baseOf:_:)`) is not hashed again,
        /// and with a hash of its own (`DistortionKeyHash`, a few multiplications for a word): the
        /// numbers are those `KeyNumbering` gives, in order of first appearance.
        private var slots: [UInt64]

        init(capacity: Int) {
            keys = []
            keys.reserveCapacity(capacity)
            marks = []
            marks.reserveCapacity(capacity)
            slots = [UInt64](filledWith: 0, count: KeyNumbering.slotCount(for: capacity))
        }

        /// Empties the tables for another link, as `init(capacity:)` makes them, in the arrays' own
        /// room where it is enough (the table of slots in its own only where its size is the same).
        mutating func reset(capacity: Int) {
            keys.removeAll(keepingCapacity: true)
            keys.reserveCapacity(capacity)
            marks.removeAll(keepingCapacity: true)
            marks.reserveCapacity(capacity)
            let count = KeyNumbering.slotCount(for: capacity)
            if slots.count == count {
                slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            } else {
                slots = [UInt64](filledWith: 0, count: count)
            }
        }

        func key(_ number: Int) -> String { keys[number] }

        /// The number of `key` (a base key), written by the texts of `mark` (numbered if it is new).
        mutating func number(_ key: String, _ mark: UInt64) -> Int {
            number(key, hash: DistortionKeyHash.hash(key), facts: 0, mark)
        }

        /// `number(base(key), mark)` for a token's key: one pass over its bytes hashes it and tells
        /// whether it is its own base with letters of a byte each (ASCII without a full stop, a
        /// carriage return or a final "'s": `isPlainStem`, most keys). Such a key is numbered as it is,
        /// and what `learn` would read of it (its length, its head) is read from the same bytes;
        /// another key's base is made and numbered as `number(_:_:)` numbers it.
        @inline(__always)
        mutating func number(baseOf key: String, _ mark: UInt64) -> Int {
            if let (hash, facts) = Mark.plainFacts(of: key) { return number(key, hash: hash, facts: facts, mark) }
            return number(base(key), mark)
        }

        /// The number of `key`, whose hash (`DistortionKeyHash`) is `hash`; a new key's marks are `facts` and `mark`.
        /// (Inlined: called for every word of a link.)
        @inline(__always)
        private mutating func number(_ key: String, hash: UInt64, facts: UInt64, _ mark: UInt64) -> Int {
            let tag = hash & 0xFFFF_FFFF_0000_0000, mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { break }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let number = Int(entry & 0xFFFF_FFFF) - 1
                    if KeyNumbering.equal(keys[number], key) {
                        marks[number] |= mark
                        return number
                    }
                }
                slot = (slot + 1) & mask
            }
            let number = keys.count
            keys.append(key)
            marks.append(facts | mark)
            slots[slot] = tag | UInt64(number + 1)
            if 2 * keys.count > slots.count { grow() }
            return number
        }

        /// Twice the slots, every key placed again.
        private mutating func grow() {
            slots = KeyNumbering.slots(placing: keys, count: 2 * slots.count, hash: DistortionKeyHash.hash)
        }

        /// Reads what `has` asks of key `number` once (`Mark.lengthFacts`). (A key numbered by
        /// `number(baseOf:_:)` as its own base is learnt there.)
        private mutating func learn(_ number: Int) {
            guard marks[number] & Mark.lengthKnown == 0 else { return }
            marks[number] |= Mark.lengthFacts(of: keys[number])
        }

        /// Whether the texts of `mark` write key `number`, as such or as another form: some key
        /// numbered with `mark` (the words of those texts, each distinct key once) shares its stem.
        mutating func has(_ mark: UInt64, _ number: Int) -> Bool {
            guard marks[number] & mark == 0 else { return true }
            learn(number)
            guard marks[number] & Mark.isLong != 0 else { return false }
            let facts = marks[number]
            let plain = facts & Mark.hasHead != 0, head = facts >> 32
            // A plain key's first byte (its head's lowest): see below.
            let first = UInt8(truncatingIfNeeded: head)
            for other in marks.indices where marks[other] & mark != 0 {
                if marks[other] & Mark.lengthKnown == 0 {
                    if plain, Mark.beginsOtherwise(keys[other], than: first) { continue }
                    learn(other)
                }
                let otherFacts = marks[other]
                guard otherFacts & Mark.isLong != 0 else { continue }
                if plain && otherFacts & Mark.hasHead != 0 {
                    if Mark.plainKeysShareStem(facts, otherFacts) { return true }
                    continue
                }
                if sharesStem(keys[other], keys[number]) { return true }
            }
            return false
        }
    }

    /// What is known of a key in a link, as bits of one word per key number (`LinkKeys.marks`): which
    /// texts write it, and (once learnt) whether it is long enough to share a stem and its head.
    enum Mark {
        static let version: UInt64 = 1, source: UInt64 = 2, others: UInt64 = 4
        /// Its length has been read; it is long enough to share a stem.
        static let lengthKnown: UInt64 = 8, isLong: UInt64 = 16
        /// A long key is plain, its first four bytes in the upper half.
        static let hasHead: UInt64 = 32
        /// A plain key has a fifth byte, held in the bits of `fifth`.
        static let hasFifth: UInt64 = 64, fifth: UInt64 = 0xFF00

        /// What a plain key of four bytes or more (`bytes`) holds of itself: `hasHead` and its first
        /// four bytes in the upper half, and `hasFifth` and its fifth byte where it has one.
        static func plainHead(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let head = UInt64(UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt32.self))
            return hasHead | head << 32 | (bytes.count >= 5 ? hasFifth | UInt64(bytes[4]) << 8 : 0)
        }
        /// Not a mark: what `plainFacts(of:)` tells of a key that is not plain.
        static let notPlain: UInt64 = .max

        /// The hash of a plain key (its own base: ASCII without a full stop, a carriage return or a
        /// final "'s") and what `lengthFacts` would read of it (its length, its head), from one pass
        /// over its bytes; nil for another key.
        @inline(__always)
        static func plainFacts(of key: String) -> (hash: UInt64, facts: UInt64)? {
            let scanned = key.utf8.withContiguousStorageIfAvailable { bytes -> (hash: UInt64, facts: UInt64) in
                let (hash, plain) = DistortionKeyHash.scan(bytes)
                let count = bytes.count
                guard plain,
                      !(count >= 2 && bytes[count - 1] == UInt8(ascii: "s") && bytes[count - 2] == UInt8(ascii: "'")) else { return (hash, notPlain) }
                // As `lengthFacts` reads a plain key: fewer than four bytes, short; else long, with its head.
                guard count >= 4 else { return (hash, lengthKnown) }
                return (hash, lengthKnown | isLong | plainHead(bytes))
            }
            guard let scanned, scanned.facts != notPlain else { return nil }
            return scanned
        }

        /// What a link learns of `key` when it is first asked about (`lengthKnown`, and `isLong` with,
        /// for a plain key, its head): whether it is long enough to share a stem (only words of four
        /// letters or more do: "a" and "in" begin too many words) and, for a plain key (`isPlainStem`,
        /// whose letters are its bytes), its first four bytes and its fifth. Two plain keys of four
        /// letters or more share a stem only if one begins the other or they share five letters
        /// (`sharesStem`), and either way their first four bytes are equal: keys whose heads differ
        /// share none, with no call to `sharesStem` (`plainKeysShareStem`).
        static func lengthFacts(of key: String) -> UInt64 {
            // A key of fewer than four bytes has fewer than four scalars: told by its count alone.
            guard key.utf8.count >= 4 else { return lengthKnown }
            // A plain key's letters are its bytes: four or more of them, and its head read in place.
            let head = key.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
                isPlainStem(bytes) ? plainHead(bytes) : nil
            } ?? nil
            if let head { return lengthKnown | isLong | head }
            return TokenAligner.scalarCount(key) >= 4 ? lengthKnown | isLong : lengthKnown
        }

        /// Whether `key`, not learnt yet, surely shares no stem with a plain key whose first byte is
        /// `first`: a key whose first byte is a printable ASCII byte other than a full stop and an
        /// apostrophe begins its `base` too (`base` drops full stops, a final "'s" and marks), and if
        /// that byte is not `first`, the two share no stem (`sharesStem` compares the bases from their
        /// first letters), told with no pass over its bytes. Most keys are.
        @inline(__always)
        static func beginsOtherwise(_ key: String, than first: UInt8) -> Bool {
            // (The byte read by subscript: `first` of the view is a generic call.)
            let utf8 = key.utf8
            guard !utf8.isEmpty, case let byte = utf8[utf8.startIndex] else { return false }
            return byte > 0x20 && byte < 0x80 && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "'") && byte != first
        }

        /// Whether two plain long keys (`facts` and `otherFacts`, both with `hasHead`) share a stem:
        /// with the same first four bytes, when the shorter has four (one begins the other) or else
        /// when their fifth bytes are equal (five letters shared), told by the facts alone.
        @inline(__always)
        static func plainKeysShareStem(_ facts: UInt64, _ otherFacts: UInt64) -> Bool {
            guard otherFacts >> 32 == facts >> 32 else { return false }
            return facts & otherFacts & hasFifth == 0 || (facts ^ otherFacts) & fifth == 0
        }
    }
}
