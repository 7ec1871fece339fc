import MTAuditText

/// Flags a direct quotation rendered with other words: a quote must be reproduced, not paraphrased.
/// Compared in one language (rewrites, round trips), quotation by quotation within aligned sentences.
public struct QuoteAlteredDetector: Detector {
    /// Quotations sharing less than this share of their words (Dice) are altered.
    static let minimumOverlap = 0.6

    public static let description = DetectorDescription(
        id: "quote-altered",
        name: "Quote altered",
        summary: "A quotation of the source rendered with different words inside the quote marks.",
        category: .mistranslation,
        severity: .minor,
        rationale: """
            Quotation marks promise the speaker's own words. A reworded quote puts words in someone's \
            mouth, and a reversed one misinforms. Quotations in any marks (“ ” " « » „ “ 「 」) are paired \
            in order within aligned sentences. A pair is flagged when fewer than 60% of their words are \
            shared (Dice). \
            Translations are not compared, since their quotes are translated. The default severity is \
            minor, because two independent translations of a foreign quote legitimately differ. Where \
            versions are rewrites of one text, raise it (`rules: {quote-altered: major}` in \
            .mtaudit.yml).
            """,
        triggeringExamples: [
            DetectorExample(source: "The mayor called it “a promise to our grandchildren that the tide will keep its lights on”.",
                            version: "The mayor called it “⟦a gamble with our grandchildren that the tide may never repay⟧”."),
            DetectorExample(source: "“We will build it,” she said on Monday.",
                            version: "“⟦We may yet stop it⟧,” she said on Monday."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The mayor called it “a promise to our grandchildren”.",
                            version: "She described the plan as \"a promise to our grandchildren\"."),
            DetectorExample(source: "“We will build it,” she said.", version: "She said: «We will build it.»"),
            DetectorExample(source: "“We will build it,” she said.", version: "«Nous le construirons», a-t-elle dit."),
        ]
    )

    public init() {}

    /// (Closing marks in a short array, not a set: one or two compares per scalar instead of a hash.)
    static let pairs: [(open: Unicode.Scalar, close: [Unicode.Scalar])] = [
        ("\u{201C}", ["\u{201D}"]), ("\u{201E}", ["\u{201C}", "\u{201D}"]), ("«", ["»"]), ("\u{300C}", ["\u{300D}"]),
        ("\"", ["\""]),
    ]

    public func findings(in context: DetectionContext) -> [Finding] {
        guard context.sameLanguage, Self.mayOpenQuote(context.version.text) else { return [] }
        var findings: [Finding] = []
        for (index, sentence) in context.version.sentences.enumerated() {
            guard let sourceIndex = context.alignment.sourceOf[index],
                  context.alignment.similarity[index] >= SentenceAlignment.evidenceSimilarity else { continue }
            // The version's quotations first: a sentence without one (most) reads none of the source's.
            let versionQuotes = Self.quotations(in: context.version, sentence.span)
            guard !versionQuotes.isEmpty else { continue }
            let sourceQuotes = Self.quotations(in: context.source, context.source.sentences[sourceIndex].span)
            for (quote, original) in zip(versionQuotes, sourceQuotes) {
                let words = Self.words(context.version, quote), originalWords = Self.words(context.source, original)
                guard !words.isEmpty, !originalWords.isEmpty else { continue }
                let shared = Self.sharedCount(words, originalWords)
                let dice = 2 * Double(shared) / Double(words.count + originalWords.count)
                guard dice < Self.minimumOverlap else { continue }
                let written = context.source.text(of: original)
                findings.append(finding(quote, in: context,
                                        message: "the quotation reads “\(context.version.text(of: quote))”; the source quotes “\(written)”",
                                        sourceSpan: original, suggestion: written, evidence: .source))
            }
        }
        return findings
    }

    /// The spans inside quote marks in `span`, in order, marks excluded and trimmed of a final comma
    /// or stop that some styles put inside the quote.
    static func quotations(in document: Document, _ span: TextSpan) -> [TextSpan] {
        let scalars = document.scalars
        var found: [TextSpan] = []
        var i = span.start
        while i < span.end {
            // Most scalars open no quote: a switch tells, before the pairs (and their sets) are read.
            guard opensQuote(scalars[i]), let pair = pairs.first(where: { $0.open == scalars[i] }) else { i += 1; continue }
            var j = i + 1
            while j < span.end, !pair.close.contains(scalars[j]) { j += 1 }
            guard j < span.end else { break }
            var end = j
            while end > i + 1, [",", ".", "!", "?", " "].contains(scalars[end - 1]) { end -= 1 }
            if end > i + 1 { found.append(TextSpan(start: i + 1, end: end)) }
            i = j + 1
        }
        return found
    }

    /// False when `text` has no opening mark of `pairs`, and so no quotation: told from its UTF-8
    /// bytes, where each mark is a fixed sequence ("\"" 22, « C2 AB, “ E2 80 9C, „ E2 80 9E, 「 E3 80 8C)
    /// that no other scalar's bytes hold, with no scalar fetched. (Most texts, with curly apostrophes
    /// or accents but no quote, stop here.) A test checks it against the scalars.
    static func mayOpenQuote(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(hasOpeningMark) ?? Array(text.utf8).withUnsafeBufferPointer(hasOpeningMark)
    }

    /// Whether UTF-8 `bytes` hold the bytes of an opening mark of `pairs` (see `mayOpenQuote`).
    /// Eight bytes at a time are passed over while they hold neither a `"` nor a byte beyond ASCII
    /// (every other mark's bytes are): byte by byte, the scan cost about 10 instructions a byte of
    /// every version. The bytes of a word that may hold one are read one by one as before (a mark's
    /// lead bytes, read back, lie in the buffer wherever the scan skipped).
    private static func hasOpeningMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = ones &* 0x22
        var k = 0
        var readUpTo = 0
        while k < bytes.count {
            if k >= readUpTo {
                // A word with no byte of 0x80 or more and no 0x22 (`x - ones` borrows into a byte's
                // high bit only below a zero byte of `x`, the word with the quotes cleared).
                while k + 8 <= bytes.count {
                    let word = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                    let x = word ^ quotes
                    guard word & highs == 0, (x &- ones) & ~x & highs == 0 else { break }
                    k += 8
                }
                readUpTo = k + 8
                if k >= bytes.count { break }
            }
            let byte = bytes[k]
            k += 1
            if byte == 0x22 { return true }
            // A mark's last byte, after its lead bytes.
            switch byte {
            case 0xAB: if k >= 2 && bytes[k - 2] == 0xC2 { return true }
            case 0x9C, 0x9E: if k >= 3 && bytes[k - 2] == 0x80 && bytes[k - 3] == 0xE2 { return true }
            case 0x8C: if k >= 3 && bytes[k - 2] == 0x80 && bytes[k - 3] == 0xE3 { return true }
            default: break
            }
        }
        return false
    }

    /// Whether `scalar` is the opening mark of one of `pairs`: “ „ « 「 and the straight ". (A switch:
    /// asked of every scalar; a test checks it against `pairs`.)
    static func opensQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x201C, 0x201E, 0xAB, 0x300C, 0x22: return true
        default: return false
        }
    }

    private static func words(_ document: Document, _ span: TextSpan) -> [String] {
        document.tokens(in: span).filter(\.isWordLike).map(\.key)
    }

    /// The number of words `a` and `b` share, each word as often as both hold it.
    ///
    /// The words the two begin and end with alike are counted first, in place: a word there is one
    /// of each, shared whatever the rest holds, so only the words between are counted in a
    /// dictionary (a quotation kept as the source writes it, the commonest, needs none: a dictionary
    /// of its words cost about 15,000 instructions).
    static func sharedCount(_ a: [String], _ b: [String]) -> Int {
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        var shared = start + (a.count - endA)
        guard endA > start, endB > start else { return shared }
        var counts: [String: Int] = [:]
        for word in b[start..<endB] { counts[word, default: 0] += 1 }
        for word in a[start..<endA] where (counts[word] ?? 0) > 0 {
            counts[word]! -= 1
            shared += 1
        }
        return shared
    }
}
