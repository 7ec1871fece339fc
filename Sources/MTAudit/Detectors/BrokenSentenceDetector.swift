import MTAuditText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Flags a sentence broken apart: a full stop where the source runs on ("review. Of the turbines"), a
/// fragment of a word or two left standing as a sentence ("the House said. White."), and a full stop
/// followed by a lower-case word inside a sentence.
public struct BrokenSentenceDetector: Detector {
    public static let description = DetectorDescription(
        id: "broken-sentence",
        name: "Broken sentence",
        summary: "A sentence split in the middle, or a fragment left standing as a sentence.",
        category: .grammar,
        severity: .minor,
        rationale: """
            Machine translation and careless editing break sentences at the wrong place, leaving two \
            pieces that read as nonsense. A split is flagged when the source writes the words on both sides \
            of it together in one sentence. A fragment is flagged when it has one or two words and the \
            source has no such short sentence. Abbreviations ("Gen.", "e.g.") and initials are left alone.
            """,
        triggeringExamples: [
            DetectorExample(source: "She asked for an independent review of the turbines and left.",
                            version: "She asked for an independent review⟦. Of⟧ the turbines and left."),
            DetectorExample(source: "The White House said the call went well. Talks go on.",
                            version: "The call went well, the House said. ⟦White.⟧ Talks go on."),
            DetectorExample(source: "The council met and then it voted.", version: "The council met⟦.⟧ and then it voted."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The council met. Then it voted.", version: "The council met. Then it voted."),
            DetectorExample(source: "Did it work? Yes. It did.", version: "Did it work? Yes. It worked."),
            DetectorExample(source: "Gen. Lee met e.g. the mayor.", version: "Gen. Lee met e.g. the mayor and approx. ten others."),
            DetectorExample(source: "John F. Kennedy spoke.", version: "John F. Kennedy spoke."),
            DetectorExample(source: "Wind power grew fast. It is cheap.", version: "Windkraft wuchs schnell. Sie ist billig."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        guard context.sameLanguage else { return [] }
        return splits(context) + fragments(context) + lowerCaseAfterStop(context)
    }

    private static let joinedKey = MemoKey("broken-sentence-joined"), stopsKey = MemoKey("broken-sentence-stops")

    /// Words of the source in one sentence, side by side or across a comma: "review of", "Varga, a".
    /// Made once per source document, however many versions' contexts read it.
    private func joinedInSource(_ context: DetectionContext) -> SourceJoins {
        context.source.memo.value(Self.joinedKey, from: context.source) { SourceJoins($0) }
    }

    /// Where the source writes `first`'s key and then `second`'s in one sentence (`joined(in:)`'s
    /// entry for `first.key + " " + second.key`): the span from the end of the first to the end of
    /// the second, nil if it does not.
    static func sourceJoin(_ joins: SourceJoins, _ first: Token, _ second: Token, in source: Document) -> TextSpan? {
        guard let pairs = joins.pairs else { return joins.strings![first.key + " " + second.key] }
        // Every source key is free of spaces: a joined key has one space, between its two words, and
        // a version's key with a space in it makes one that matches none.
        let words = DocumentWords.of(source)
        guard let a = words.ids.number(of: first.key), let b = words.ids.number(of: second.key),
              let k = pairs.first(a, b) else { return nil }
        return joinedSpan(source.tokens, from: k)
    }

    /// The source's joined words (`joined(in:)`): by the ids (`DocumentWords`) of the two words, each
    /// pair's first token, rather than by a string made and hashed for each pair of words (two thirds
    /// of the rule on articles). A key with a space in it (NFKC makes one of "¨") could make the same
    /// joined string of two other words, and a source with one keeps the strings.
    final class SourceJoins: Sendable {
        let pairs: PairTable?
        let strings: [String: TextSpan]?

        init(_ source: Document) {
            let tokens = source.tokens
            let spaced = tokens.contains { $0.isWordLike && !$0.isASCII && $0.key.utf8.contains(0x20) }
            if spaced {
                (pairs, strings) = (nil, BrokenSentenceDetector.joined(in: source))
                return
            }
            let ids = DocumentWords.of(source).tokenIds
            var table = PairTable(capacity: tokens.count)
            // (A word without an id, outside every sentence's tokens, would be left out: the strings then.)
            let numbered = tokens.withUnsafeBufferPointer { tokens in
                for k in tokens.indices where tokens[k].isWordLike {
                    guard let next = BrokenSentenceDetector.joinedNext(tokens, after: k) else { continue }
                    guard ids[k] >= 0, ids[next] >= 0 else { return false }
                    table.insertFirst(ids[k], ids[next], k)
                }
                return true
            }
            (pairs, strings) = numbered ? (table, nil) : (nil, BrokenSentenceDetector.joined(in: source))
        }
    }

    /// The token joined to word `k` (a word-like token after it, or after a comma or a dash after it,
    /// in its sentence), if any.
    @inline(__always)
    static func joinedNext<C: RandomAccessCollection<Token>>(_ tokens: C, after k: C.Index) -> C.Index? where C.Index == Int {
        var next = k + 1
        if next < tokens.endIndex, isJoiner(tokens[next]) { next += 1 }
        guard next < tokens.endIndex, tokens[next].isWordLike, tokens[next].sentence == tokens[k].sentence else { return nil }
        return next
    }

    /// Whether `token` is "," or "—" (`text == ","`, which no other text equals canonically, or
    /// "—"): told by its length in bytes and its string's bits or bytes, where the comparison of
    /// strings cost 150 instructions for each word of a source.
    @inline(__always)
    static func isJoiner(_ token: Token) -> Bool {
        switch token.utf8.count {
        case 1: return KeyNumbering.equal(token.text, ",")
        case 3: return KeyNumbering.equal(token.text, "—")
        default: return false
        }
    }

    /// The span a join of word `k` covers: from its end to the end of the word joined to it.
    static func joinedSpan(_ tokens: [Token], from k: Int) -> TextSpan {
        TextSpan(start: tokens[k].span.end, end: tokens[joinedNext(tokens, after: k)!].span.end)
    }

    /// Pairs of word ids, each with the first token that wrote it: an open-addressing table of the
    /// pairs as one 64-bit word (multiplicative hash, linear probing).
    struct PairTable: Sendable {
        /// Per slot: the pair, and its token plus one (0: empty).
        private var pairs: [UInt64]
        private var tokens: [Int32]
        private let shift: UInt64

        init(capacity: Int) {
            let size = KeyNumbering.slotCount(for: capacity)
            pairs = [UInt64](filledWith: 0, count: size)
            tokens = [Int32](filledWith: 0, count: size)
            shift = UInt64(64 - size.trailingZeroBitCount)
        }

        @inline(__always)
        private func start(_ pair: UInt64) -> Int { Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> shift) }

        /// Keeps `token` for the pair (`a`, `b`) unless the pair has one.
        mutating func insertFirst(_ a: Int32, _ b: Int32, _ token: Int) {
            let pair = UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)), mask = pairs.count - 1
            var slot = start(pair)
            while tokens[slot] != 0 {
                if pairs[slot] == pair { return }
                slot = (slot + 1) & mask
            }
            pairs[slot] = pair
            tokens[slot] = Int32(token + 1)
        }

        /// The first token of the pair (`a`, `b`), if any.
        func first(_ a: Int, _ b: Int) -> Int? {
            let pair = UInt64(UInt32(truncatingIfNeeded: a)) << 32 | UInt64(UInt32(truncatingIfNeeded: b)), mask = pairs.count - 1
            var slot = start(pair)
            while tokens[slot] != 0 {
                if pairs[slot] == pair { return Int(tokens[slot]) - 1 }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// The source's joined words as strings, `"key key"`, each with the span of its first (joined as
    /// `joinedNext` joins them): the plain way, for a source with a key with a space in it (and the
    /// tests' reference for the table of ids).
    static func joined(in source: Document) -> [String: TextSpan] {
        var joined: [String: TextSpan] = [:]
        let tokens = source.tokens
        for k in tokens.indices where tokens[k].isWordLike {
            guard let next = joinedNext(tokens, after: k) else { continue }
            let key = tokens[k].key + " " + tokens[next].key
            if joined[key] == nil { joined[key] = TextSpan(start: tokens[k].span.end, end: tokens[next].span.end) }
        }
        return joined
    }

    private func splits(_ context: DetectionContext) -> [Finding] {
        let version = context.version
        // Made on first need: most versions have no sentence break to check.
        lazy var joined = joinedInSource(context)
        var findings: [Finding] = []
        for index in version.sentences.indices.dropFirst() {
            let previous = version.sentences[index - 1], sentence = version.sentences[index]
            guard previous.paragraph == sentence.paragraph,
                  let last = version.tokens[previous.tokens].last(where: \.isWordLike),
                  let first = version.tokens[sentence.tokens].first(where: \.isWordLike),
                  let stop = version.tokens[previous.tokens].last, stop.kind == .punctuation,
                  let sourceJoin = Self.sourceJoin(joined, last, first, in: context.source) else { continue }
            let span = TextSpan(start: last.span.end, end: first.span.end)
            let suggestion = context.source.text(of: sourceJoin)
            findings.append(finding(span, in: context,
                                    message: "a full stop splits “\(last.text) \(first.text)”, which the source writes in one sentence",
                                    sourceSpan: sourceJoin, suggestion: suggestion, evidence: .source))
        }
        return findings
    }

    private func fragments(_ context: DetectionContext) -> [Finding] {
        let version = context.version, source = context.source
        // The source's short sentences, read only once a version sentence of one or two words asks.
        lazy var shortSourceSentences: Set<[String]> = {
            var short: Set<[String]> = []
            for sentence in source.sentences {
                let words = source.tokens[sentence.tokens].filter(\.isWordLike).map(\.key)
                if words.count <= 3 { short.insert(words) }
            }
            return short
        }()
        var findings: [Finding] = []
        for (index, sentence) in version.sentences.enumerated() where index > 0 {
            guard version.sentences[index - 1].paragraph == sentence.paragraph else { continue }
            // The words counted in place first (to three at most): most sentences have more than two,
            // and stop here with no token copied.
            var wordCount = 0
            for k in sentence.tokens where version.tokens[k].isWordLike {
                wordCount += 1
                if wordCount > 2 { break }
            }
            guard (1...2).contains(wordCount) else { continue }
            let words = version.tokens[sentence.tokens].filter(\.isWordLike)
            guard (1...2).contains(words.count), words.allSatisfy({ $0.kind == .letters }),
                  let mark = version.terminalMark(ofSentence: index)?.mark, Document.isStatementMark(mark),
                  !shortSourceSentences.contains(words.map(\.key)),
                  words.allSatisfy({ word in source.tokens.contains { $0.key == word.key } }) else { continue }
            let text = version.text(of: sentence.span)
            findings.append(finding(sentence.span, in: context,
                                    message: "“\(text)” is a fragment left standing as a sentence; the source has its words inside a longer one",
                                    evidence: .source))
        }
        return findings
    }

    /// The matching keys of the segmenter's default abbreviations (which the lexicons' add to).
    static let defaultAbbreviationKeys = Set(Segmenter.defaultAbbreviations.map(Normalizer.matchingKey))

    private func lowerCaseAfterStop(_ context: DetectionContext) -> [Finding] {
        let version = context.version
        // The abbreviations' matching forms, made on first need: few versions have a stop before a
        // lower-case word.
        // (The default's keys made once, the lexicons' kept by the lexicons: the set of both made
        // anew cost 180,000 instructions a version.)
        lazy var known = context.lexicons.matchingKeys(.abbreviations, language: context.version.language)
        // Whether the source has a character canonically equal to an ASCII one, read once when asked.
        lazy var sourceHasASCIITwins = Self.hasASCIITwins(context.source.text)
        var findings: [Finding] = []
        let tokens = version.tokens
        // A full stop is one byte: a token of another length (most) is told by its byte range, with
        // no text read.
        for k in tokens.indices.dropFirst() where k + 1 < tokens.count && tokens[k].utf8.count == 1 && tokens[k].text == "." {
            let before = tokens[k - 1], after = tokens[k + 1]
            guard before.kind == .letters, after.kind == .letters, after.sentence == tokens[k].sentence,
                  before.span.end == tokens[k].span.start,
                  after.text.unicodeScalars.first?.properties.isLowercase == true,
                  before.text.unicodeScalars.count > 1, !before.text.contains("."),
                  case let abbreviation = before.key + ".",
                  !Self.defaultAbbreviationKeys.contains(abbreviation), !known.contains(abbreviation) else { continue }
            // The source writes the same words around the stop ("No. one" of a title): not a break.
            let around = before.text + ". " + after.text
            if Self.mayContain(context.source, before: before.text, after: after.text, sourceHasASCIITwins: sourceHasASCIITwins),
               context.source.text.contains(around) { continue }
            findings.append(finding(tokens[k].span, in: context,
                                    message: "a full stop inside a sentence, before “\(after.text)”",
                                    suggestion: "", evidence: .self))
        }
        return findings
    }

    /// False only where `source.text.contains(before + ". " + after)` (Foundation's search, by
    /// canonical equivalence) is surely false, without asking it: it reads the whole text through
    /// NSString for every candidate, and most candidates have no match at all. `before` has no full
    /// stop, neither has white space.
    ///
    /// A match of an ASCII needle is a stretch of the text whose canonical decomposition is that
    /// needle: ASCII itself, or one of the three characters that decompose to ASCII (the Greek
    /// question mark, the Greek varia, the Kelvin sign: `asciiTwins`). In a text without those, no
    /// match without the needle's own bytes, which the source's `StopIndex` finds without searching
    /// the whole source once per candidate (that made the rule quadratic in an article's length).
    static func mayContain(_ source: Document, before: String, after: String, sourceHasASCIITwins: @autoclosure () -> Bool) -> Bool {
        let found = before.utf8.withContiguousStorageIfAvailable { before -> Bool? in
            after.utf8.withContiguousStorageIfAvailable { after -> Bool? in
                guard !before.isEmpty, !after.isEmpty, before.allSatisfy({ $0 < 0x80 }), after.allSatisfy({ $0 < 0x80 }) else { return nil }
                return StopIndex.of(source).has(before, after, in: source.text)
            } ?? nil
        } ?? nil
        guard let found else { return true }
        return found || sourceHasASCIITwins()
    }

    /// The byte offsets of every ". " in a text, by the byte before the stop and the byte after the
    /// space. A needle "B. A" whose B has no full stop and whose A has no white space has its only
    /// ". " right after B, so it occurs in the text exactly where one of these stops has B's bytes
    /// before it and A's after it: only the stops of B's last and A's first byte need a look.
    final class StopIndex: Sendable {
        private let stops: [UInt16: [Int]]

        static func of(_ document: Document) -> StopIndex {
            document.memo.value(BrokenSentenceDetector.stopsKey, from: document.text) { StopIndex($0) }
        }

        init(_ text: String) {
            var stops: [UInt16: [Int]] = [:]
            var text = text
            text.withUTF8 { bytes in
                guard bytes.count >= 4 else { return }
                for p in 1..<(bytes.count - 2) where bytes[p] == UInt8(ascii: ".") && bytes[p + 1] == UInt8(ascii: " ") {
                    stops[UInt16(bytes[p - 1]) << 8 | UInt16(bytes[p + 2]), default: []].append(p)
                }
            }
            self.stops = stops
        }

        /// Whether `text` (the text indexed) has `before`, ". " and `after` side by side.
        func has(_ before: UnsafeBufferPointer<UInt8>, _ after: UnsafeBufferPointer<UInt8>, in text: String) -> Bool {
            guard let places = stops[UInt16(before[before.count - 1]) << 8 | UInt16(after[0])] else { return false }
            var text = text
            return text.withUTF8 { bytes in
                places.contains { p in
                    p >= before.count && p + 2 + after.count <= bytes.count
                        && memcmp(bytes.baseAddress! + p - before.count, before.baseAddress!, before.count) == 0
                        && memcmp(bytes.baseAddress! + p + 2, after.baseAddress!, after.count) == 0
                }
            }
        }
    }

    /// The UTF-8 of the characters that are not ASCII but decompose canonically to ASCII: U+037E
    /// (to ";"), U+1FEF (to "`"), U+212A (to "K").
    static let asciiTwins: [[UInt8]] = [[0xCD, 0xBE], [0xE1, 0xBF, 0xAF], [0xE2, 0x84, 0xAA]]

    /// Whether `text` has one of `asciiTwins`.
    static func hasASCIITwins(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { text in
            asciiTwins.contains { twin in twin.withUnsafeBufferPointer { bytes(text, contain: $0) } }
        } ?? true
    }

    /// Whether `haystack` has the bytes of `needle` (not empty) side by side.
    static func bytes(_ haystack: UnsafeBufferPointer<UInt8>, contain needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        // The C library finds the first byte word-wide (a long source is searched once per candidate),
        // and compares the rest.
        if let text = haystack.baseAddress, let bytes = needle.baseAddress {
            let last = haystack.count - needle.count
            var start = 0
            while start <= last {
                guard let found = memchr(text + start, Int32(first), last - start + 1) else { return false }
                let at = text.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(text + at, bytes, needle.count) == 0 { return true }
                start = at + 1
            }
            return false
        }
        let last = haystack.count - needle.count
        var start = 0
        while start <= last {
            guard let at = haystack[start...last].firstIndex(of: first) else { return false }
            var k = 1
            while k < needle.count && haystack[at + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
            start = at + 1
        }
        return false
    }
}
