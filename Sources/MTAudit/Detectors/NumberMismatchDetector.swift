import MTAuditText

/// Flags a number changed between the source and the version's aligned sentence ("€14 million" where
/// the source says 40, "March 19" for March 12, "2002" for 2020), read across number forms: 1,000 and
/// 1.000 and 1000 are one number, 3.5 and 3,5 another.
public struct NumberMismatchDetector: Detector {
    public static let description = DetectorDescription(
        id: "number-mismatch",
        name: "Number mismatch",
        summary: "A number in the version that differs from the one the source gives in that sentence.",
        category: .mistranslation,
        severity: .critical,
        rationale: """
            A changed amount, date, count or year misinforms, and a reader has no way to notice. Numbers \
            are compared per aligned sentence, with thousands separators and decimal commas read \
            alike, and numbers in words ("five", "50 thousand") and in Chinese or Japanese characters \
            ("一千", "三百五十万", "3万") read by the number-words lexicon. A number the source has elsewhere is not flagged, since sentences may be split or \
            merged. Each finding suggests the source's number.
            """,
        triggeringExamples: [
            DetectorExample(source: "The array will cost €40 million.", version: "The array will cost €⟦14 million⟧."),
            DetectorExample(source: "The vote was on March 12, 2024.", version: "The vote was on March ⟦19⟧, 2024."),
            DetectorExample(source: "It was the 3,000th match of the club.", version: "It was the club's ⟦2,000⟧th match."),
            DetectorExample(source: "He paid 1.250 euros for the flat.", version: "He paid ⟦1,350⟧ euros for the flat."),
            DetectorExample(source: "Protests took place in nine states.", version: "Protests took place in ⟦six⟧ states."),
            DetectorExample(source: "The town has 5 million people.", version: "The town has ⟦four million⟧ people."),
            DetectorExample(source: "工厂去年生产了三百五十万辆汽车。", version: "The factory built ⟦2.5 million⟧ cars last year."),
            DetectorExample(source: "门票一千二百日元。", version: "Tickets cost ⟦1,500⟧ yen."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "It cost 1,000 euros.", version: "It cost 1.000 euros."),
            DetectorExample(source: "Growth was 3.5 percent.", version: "Growth was 3,5 percent."),
            DetectorExample(source: "The vote was 7 to 2. It passed in 2024.", version: "It passed in 2024 by 7 votes to 2."),
            DetectorExample(source: "Costs rose.", version: "Costs rose in 18 towns."),
            DetectorExample(source: "The nation lost 50 thousand soldiers.", version: "The nation lost 50,000 soldiers."),
            DetectorExample(source: "Five people left.", version: "5 people left."),
            DetectorExample(source: "工厂去年生产了三百五十万辆汽车。", version: "The factory built 3.5 million cars last year."),
            DetectorExample(source: "门票一千日元。", version: "Tickets cost 1,000 yen."),
            DetectorExample(source: "他们一起在二〇二四年去了北京。", version: "In 2024 they went to Beijing together."),
            DetectorExample(source: "日本の人口は1億2000万人だ。", version: "Japan has 120 million people."),
            DetectorExample(source: "他们等了三四天。", version: "They waited three or four days."),
            DetectorExample(source: "去年的总额达到126万亿元。", version: "Last year the total reached 126 trillion yuan."),
            DetectorExample(source: "The wheels were iron. In 1767 rails came.", version: "The wheels were iron, and in 1767 rails came."),
        ]
    )

    /// The most numbers a version's whole text may write for its values to be searched in a list
    /// rather than a set.
    static let fewNumbers = 16

    /// Sentences this alike say the same thing, so a changed number needs no shared neighbour.
    static let closeSimilarity = 0.6

    /// The words just before and after `span` (matching forms).
    static func neighbours(of span: TextSpan, in document: Document) -> Set<String> {
        let tokens = document.tokens
        // The first token at or after the span's start; then outwards from there.
        let low = document.tokens(in: span).startIndex
        var result: Set<String> = []
        if let before = tokens[..<low].last(where: { $0.isWordLike && $0.span.end <= span.start }) { result.insert(before.key) }
        if let after = tokens[low...].first(where: { $0.isWordLike && $0.span.start >= span.end }) { result.insert(after.key) }
        return result
    }

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        let sourceWords = NumberWords.cached(context.lexicons, language: context.source.language)
        let versionWords = NumberWords.cached(context.lexicons, language: context.version.language)
        func numbers(_ document: Document, _ words: NumberWords, _ span: TextSpan) -> [(value: String, span: TextSpan)] {
            Self.numbers(in: document, span: span, words: words)
        }
        let versionText = TextSpan(start: 0, end: context.version.length)
        // The source's numbers, whole and sentence by sentence, read once per source document
        // however many versions (and feed lines) it is compared with, and only once a version
        // sentence writes a number (most versions write none, and need none of the source's).
        lazy var source = SourceNumbers.of(context.source, words: sourceWords, lexicons: context.lexicons)
        let versionWhole = numbers(context.version, versionWords, versionText)
        // Whether the version writes a value anywhere: a short list of numbers (most versions write
        // a few) is searched as it is, with no set hashed and made per pair; a long one (an article's)
        // through a set made once.
        lazy var versionValues = versionWhole.count > Self.fewNumbers ? Set(versionWhole.map(\.value)) : []
        func versionEverywhereContains(_ value: String) -> Bool {
            versionWhole.count > Self.fewNumbers ? versionValues.contains(value) : versionWhole.contains { $0.value == value }
        }
        func numbers(ofSourceSentence index: Int) -> [(value: String, span: TextSpan)] { source.sentences[index] }
        func numbers(ofVersionSentence sentence: Sentence) -> [(value: String, span: TextSpan)] {
            sentence.span == versionText ? versionWhole : Self.numbers(in: context.version, span: sentence.span, words: versionWords, whole: versionWhole)
        }
        var findings: [Finding] = []
        for (index, sentence) in context.version.sentences.enumerated() {
            guard let sourceIndex = context.alignment.sourceOf[index] else { continue }
            // In one language a weak match is no evidence that the sentences say the same thing.
            if context.sameLanguage && context.alignment.similarity[index] < SentenceAlignment.evidenceSimilarity { continue }
            // A sentence without numbers has none the source lacks: nothing to find there.
            let versionNumbers = numbers(ofVersionSentence: sentence)
            guard !versionNumbers.isEmpty else { continue }
            var missing = numbers(ofSourceSentence: sourceIndex)
            if missing.allSatisfy({ versionEverywhereContains($0.value) }) {
                // Sentences merged or split: the neighbours' numbers that the version lacks may be the ones.
                let neighbours = [sourceIndex - 1, sourceIndex + 1].filter { context.source.sentences.indices.contains($0) }
                missing += neighbours.flatMap { numbers(ofSourceSentence: $0) }
                    .filter { !versionEverywhereContains($0.value) }
            }
            var extra: [(value: String, span: TextSpan)] = []
            for number in versionNumbers {
                if let match = missing.firstIndex(where: { $0.value == number.value }) {
                    missing.remove(at: match)
                } else {
                    extra.append(number)
                }
            }
            for number in extra where !source.values.contains(number.value) {
                guard !missing.isEmpty else { continue }
                // The source's number that stands for this one shares a neighbouring word with it ("July
                // 13" and "July 18", "2020 census" and "2002 census"); in a close rendering, any will do,
                // the one of most similar length first.
                let around = Self.neighbours(of: number.span, in: context.version)
                let sharing = missing.indices.filter {
                    !Self.neighbours(of: missing[$0].span, in: context.source).isDisjoint(with: around)
                }
                let close = !context.sameLanguage || context.alignment.similarity[index] >= Self.closeSimilarity
                let pool = sharing.isEmpty ? (close ? Array(missing.indices) : []) : sharing
                guard let best = pool.min(by: { a, b in
                    (abs(missing[a].value.count - number.value.count), a) < (abs(missing[b].value.count - number.value.count), b)
                }) else { continue }
                let replaced = missing.remove(at: best)
                let written = context.source.text(of: replaced.span)
                findings.append(finding(number.span, in: context,
                                        message: "“\(context.version.text(of: number.span))” where the source says “\(written)”",
                                        sourceSpan: replaced.span, suggestion: written, evidence: .source))
            }
        }
        return findings
    }

    /// A source's numbers: the whole text's values, and each sentence's numbers (a sentence is asked for as the
    /// aligned one and again as a neighbour of the sentences before and after it). Made once per
    /// document for the number words of its language in one set of lexicons.
    private final class SourceNumbers: Sendable {
        let lexicons: Int
        /// The values of the whole text's numbers.
        let values: Set<String>
        let sentences: [[(value: String, span: TextSpan)]]

        private init(_ document: Document, words: NumberWords, lexicons: Int) {
            self.lexicons = lexicons
            let text = TextSpan(start: 0, end: document.length)
            let whole = NumberMismatchDetector.numbers(in: document, span: text, words: words)
            values = Set(whole.map(\.value))
            // A sentence that spans the whole text (a one-sentence text) has the whole text's numbers.
            sentences = document.sentences.map { $0.span == text ? whole : NumberMismatchDetector.numbers(in: document, span: $0.span, words: words, whole: whole) }
        }

        private static let memoKey = MemoKey("source-numbers")

        /// `document`'s numbers with `words`, the number words of its language in `lexicons`.
        static func of(_ document: Document, words: NumberWords, lexicons: Lexicons) -> SourceNumbers {
            let id = lexicons.derived.id
            let kept = document.memo.value(memoKey) { SourceNumbers(document, words: words, lexicons: id) }
            // (Documents are audited with one set of lexicons: another set's numbers are read anew.)
            return kept.lexicons == id ? kept : SourceNumbers(document, words: words, lexicons: id)
        }
    }

    /// `numbers(in: document, span: span, words: words)` for a sentence's `span`, read off `whole`,
    /// the whole text's numbers (with the same words): those inside the span, when none of the
    /// whole's numbers reaches across the span's start or end (nearly always), rather than each
    /// sentence's tokens and digits read a second time.
    ///
    /// The reading of the whole text reaches the span's first token and first digit where the
    /// reading of the span starts, unless a number begun before it runs into it; and it reads on
    /// past the span's end only as part of a number that runs out of it (digits, a multiplier
    /// after a number), except for a numeral in characters, whose scalars are read up to the end
    /// of the span: it could run on where the scalar after the span is a numeral character or a
    /// digit, and there the span is read.
    static func numbers(in document: Document, span: TextSpan, words: NumberWords, whole: [(value: String, span: TextSpan)]) -> [(value: String, span: TextSpan)] {
        // The first number ending after the span's start (the whole's numbers are apart and in order).
        var low = 0, high = whole.count
        while low < high {
            let middle = (low + high) / 2
            if whole[middle].span.end <= span.start { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < whole.count && whole[end].span.start < span.end {
            guard whole[end].span.start >= span.start && whole[end].span.end <= span.end else {
                return numbers(in: document, span: span, words: words)
            }
            end += 1
        }
        if !words.isEmpty, span.end < document.length, document.length != document.text.utf8.count {
            let after = document.scalars[span.end]
            if words.isNumeralCharacter(after) || isDecimalDigit(after) { return numbers(in: document, span: span, words: words) }
        }
        return low == end ? [] : Array(whole[low..<end])
    }

    /// The numbers written in `span` of `document`, in digits or words, each with its value in one
    /// form: digits, and a "." before decimals.
    static func numbers(in document: Document, span: TextSpan, words: NumberWords = NumberWords([])) -> [(value: String, span: TextSpan)] {
        // An ASCII text (one byte a scalar; most) is read on its bytes, with no array of its scalars
        // made: it has no numeral in characters (those are beyond ASCII). Another text's scalars are
        // read from the document's memo once, for the digits and the numerals.
        let ascii = document.length == document.text.utf8.count
        let scalars = ascii ? [] : document.scalars
        let numbers = ascii ? asciiDigits(in: document.text, span: span) : digits(in: scalars, span: span)
        guard !words.isEmpty else { return numbers }
        // The numbers in digits, in the text's order: the tokens, in the same order, walk along them
        // to find the one starting where each starts.
        let inDigits = numbers
        var nextDigits = 0
        func digitsStarting(at start: Int) -> String? {
            while nextDigits < inDigits.count && inDigits[nextDigits].span.start < start { nextDigits += 1 }
            return nextDigits < inDigits.count && inDigits[nextDigits].span.start == start ? inDigits[nextDigits].value : nil
        }
        // Words: "five", "fifty thousand", and digits followed by a multiplier ("50 thousand").
        // The tokens other than punctuation, by index: a copy of each token would retain and release
        // its text and key.
        let all = document.tokens, hashes = document.keyHashes
        // (A span of the whole text, the version's and the source's first reading, holds every
        // token: no search, nor a walk to the last token to find its end.)
        let inSpan = span.start == 0 && span.end == document.length ? all.indices : document.tokens(in: span).indices
        // Without digits, a span holds a number only where a word is a number word or characters may
        // make a numeral: most spans have neither, and are done here, before any list is made. (Each
        // word told by the hash its document keeps of its key.)
        if inDigits.isEmpty, !inSpan.contains(where: {
            all[$0].kind == .ideographic || (all[$0].kind != .punctuation && words.meaning(of: all[$0].key, hash: hashes[$0]) != nil)
        }) {
            return numbers
        }
        var indices: [Int] = []
        indices.reserveCapacity(inSpan.count)
        for k in inSpan where all[k].kind != .punctuation { indices.append(k) }
        let tokens = TokenIndices(all: all, indices: indices)
        // Each token's number word, looked up once (a multiplier is also asked of the token before it).
        let meanings = tokens.indices.map { words.meaning(of: all[$0].key, hash: hashes[$0]) }
        // The numbers read from words and numerals, in the text's order and apart from one another
        // (each is read from the token after the last one's end); the numbers in digits that one
        // covers are left out at the end, in one pass over both lists.
        var read: [(value: String, span: TextSpan)] = []
        var k = 0
        while k < tokens.count {
            var value: Double?
            var end = k
            if let digit = digitsStarting(at: tokens[k].span.start), let number = Self.parsedValue(digit) {
                value = number
            } else if case .value(let number)? = meanings[k] {
                value = number
            }
            // Numerals in characters ("一千二百", "三百五十万", "二〇二四"), whatever words the segmenter
            // cut them into, and after digits ("3万"). One character inside a longer word ("一起",
            // together) is no number.
            if !ascii, tokens[k].kind == .ideographic || value != nil {
                let start = tokens[k].kind == .ideographic ? tokens[k].span.start : tokens[k].span.end
                var end = start
                // Digits 0–9 count inside such a numeral once a unit of ten thousand came ("1億2000万").
                var seenLarge = false
                while end < span.end {
                    let scalar = scalars[end]
                    if words.isNumeralCharacter(scalar) {
                        seenLarge = seenLarge || words.isLargeUnit(scalar)
                    } else if !(seenLarge && scalar.properties.numericType == .decimal) {
                        break
                    }
                    end += 1
                }
                let standsAlone = end - start >= 2 || (tokens[k].kind == .ideographic && tokens[k].span == TextSpan(start: start, end: end))
                    || (tokens[k].kind != .ideographic && end > start)
                if end > start, standsAlone,
                   let number = words.characterNumeral(scalars[start..<end], lead: tokens[k].kind == .ideographic ? nil : value) {
                    read.append((Self.format(number), TextSpan(start: tokens[k].span.start, end: end)))
                    k += 1
                    while k < tokens.count, tokens[k].span.start < end { k += 1 }
                    continue
                }
            }
            guard var total = value else { k += 1; continue }
            var multiplied = false
            while end + 1 < tokens.count, case .multiplier(let factor)? = meanings[end + 1] {
                total *= factor
                end += 1
                multiplied = true
            }
            let isWord = meanings[k] != nil
            if isWord || multiplied {
                read.append((Self.format(total), tokens[k].span.union(tokens[end].span)))
            }
            k = end + 1
        }
        guard !read.isEmpty else { return numbers }
        var kept = read, next = 0
        for number in numbers {
            while next < read.count && read[next].span.end <= number.span.start { next += 1 }
            if !(next < read.count && read[next].span.overlaps(number.span)) { kept.append(number) }
        }
        return kept.sorted { $0.span < $1.span }
    }

    /// `Double(value)` of a number's value: one of ASCII digits alone, up to 15 (most), read as an
    /// integer, which a double holds exactly (below 2^53), as the text parser rounds it; another
    /// through the parser.
    static func parsedValue(_ value: String) -> Double? {
        var value = value
        if value.utf8.count <= 15, let integer = value.withUTF8({ bytes -> UInt64? in
            guard !bytes.isEmpty else { return nil }
            var integer: UInt64 = 0
            for byte in bytes {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                integer = integer * 10 + UInt64(byte - 0x30)
            }
            return integer
        }) {
            return Double(integer)
        }
        return Double(value)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e18 ? String(Int64(value)) : String(value)
    }

    /// Some of a document's tokens, by index into `all`, read as tokens: `tokens[k].span` reads one
    /// field of one token, with no token copied.
    private struct TokenIndices {
        let all: [Token]
        let indices: [Int]

        var count: Int { indices.count }
        subscript(k: Int) -> Token { all[indices[k]] }
    }

    /// The numbers written in digits.
    static func digits(in document: Document, span: TextSpan) -> [(value: String, span: TextSpan)] {
        document.length == document.text.utf8.count ? asciiDigits(in: document.text, span: span)
            : digits(in: document.scalars, span: span)
    }

    /// `digits(in:span:)` of an ASCII text, read on its UTF-8 bytes (each a scalar): the same digits
    /// and separators (the others are beyond ASCII), the same values.
    private static func asciiDigits(in text: String, span: TextSpan) -> [(value: String, span: TextSpan)] {
        guard let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> [(value: String, span: TextSpan)] in
            // (Most spans, a sentence, hold no digit: passed eight bytes at a time, no run found.)
            asciiDigitRuns(bytes, in: span)
                .map { (asciiValue(UnsafeBufferPointer(rebasing: bytes[$0])), TextSpan(start: $0.lowerBound, end: $0.upperBound)) }
        }) else {
            return digits(in: Array(text.unicodeScalars), span: span)
        }
        return found
    }

    /// `digitRuns(in:)` of ASCII `bytes`, with digits 0–9 and separators "," and ".": the same runs,
    /// the stretches between them (most of a text) passed eight bytes at a time (`nextASCIIDigit`)
    /// rather than a byte at a time through the closures.
    static func asciiDigitRuns(_ bytes: UnsafeBufferPointer<UInt8>, in span: TextSpan) -> [Range<Int>] {
        @inline(__always) func isDigit(_ at: Int) -> Bool { bytes[at] >= 0x30 && bytes[at] <= 0x39 }
        var runs: [Range<Int>] = []
        var i = span.start
        while true {
            i = nextASCIIDigit(bytes, in: i..<span.end)
            guard i < span.end else { break }
            var end = i
            while end < span.end, isDigit(end)
                    || ((bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: ".")) && end + 1 < span.end && isDigit(end + 1)) {
                end += 1
            }
            runs.append(i..<end)
            i = end
        }
        return runs
    }

    /// The place of the first digit 0–9 in `range` of `bytes`, or the range's end: eight bytes at a
    /// time, as one 64-bit word, where a byte XOR "0" is below 10 exactly when the byte is a digit,
    /// and the usual test for a byte below a bound finds one; then the word's bytes one by one.
    @inline(__always)
    static func nextASCIIDigit(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress else { return range.upperBound }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var at = range.lowerBound
        while range.upperBound - at >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self) ^ (ones &* 0x30)
            if (word &- ones &* 10) & ~word & highs != 0 { break }
            at += 8
        }
        while at < range.upperBound && !(bytes[at] >= 0x30 && bytes[at] <= 0x39) { at += 1 }
        return at
    }

    /// `value` of a number written in ASCII `bytes`: one of digits alone (most) is its digits without
    /// leading zeros, as `value` makes it, read from the bytes with no array of scalars made.
    static func asciiValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return separatedASCIIValue(bytes) ?? value(ArraySlice(bytes.map { Unicode.Scalar($0) }))
        }
        var start = 0
        while bytes.count - start > 1 && bytes[start] == 0x30 { start += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
    }

    /// `value` of ASCII digits with separators "," and "." ("1,000", "3.5", "1,250.50"), read from
    /// the bytes: the same groups and marks, and the same choice of the decimal mark, with no arrays
    /// of scalars, groups and marks made (about 10,000 instructions a number). Nil for another byte.
    static func separatedASCIIValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var commas = 0, stops = 0, lastMark = -1
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ",") {
                commas += 1
                lastMark = index
            } else if byte == UInt8(ascii: ".") {
                stops += 1
                lastMark = index
            } else if byte < 0x30 || byte > 0x39 {
                return nil
            }
        }
        guard lastMark >= 0 else { return nil }
        // Mixed marks: the last is the decimal one. One mark once: decimal unless three digits follow.
        let mixed = commas > 0 && stops > 0
        let repeated = (bytes[lastMark] == UInt8(ascii: ",") ? commas : stops) > 1
        let decimal = mixed || (!repeated && bytes.count - lastMark - 1 != 3)
        // The integer's digits are those before the decimal mark (every digit without one), less
        // leading zeros but the last; the fraction's those after it, less trailing zeros.
        let integerEnd = decimal ? lastMark : bytes.count
        var integerDigits = 0
        for index in 0..<integerEnd where bytes[index] != UInt8(ascii: ",") && bytes[index] != UInt8(ascii: ".") { integerDigits += 1 }
        var fractionEnd = bytes.count
        if decimal { while fractionEnd > lastMark + 1 && bytes[fractionEnd - 1] == 0x30 { fractionEnd -= 1 } }
        let fraction = decimal ? UnsafeBufferPointer(rebasing: bytes[(lastMark + 1)..<fractionEnd]) : UnsafeBufferPointer(rebasing: bytes[0..<0])
        return String(unsafeUninitializedCapacity: integerDigits + 1 + fraction.count) { buffer in
            var written = 0, skipping = true, remaining = integerDigits
            for index in 0..<integerEnd where bytes[index] != UInt8(ascii: ",") && bytes[index] != UInt8(ascii: ".") {
                if skipping && remaining > 1 && bytes[index] == 0x30 {
                    remaining -= 1
                    continue
                }
                skipping = false
                buffer[written] = bytes[index]
                written += 1
            }
            guard !fraction.isEmpty else { return written }
            buffer[written] = UInt8(ascii: ".")
            written += 1
            for byte in fraction {
                buffer[written] = byte
                written += 1
            }
            return written
        }
    }

    /// The numbers written in digits in `span` of a document whose scalars are `scalars`.
    private static func digits(in scalars: [Unicode.Scalar], span: TextSpan) -> [(value: String, span: TextSpan)] {
        scalars.withUnsafeBufferPointer { scalars in
            digitRuns(in: span) { isDecimalDigit(scalars[$0]) } isSeparator: {
                scalars[$0] == "," || scalars[$0] == "." || scalars[$0] == "\u{202F}" || scalars[$0] == "\u{00A0}"
            }.map { (value(ArraySlice(scalars[$0])), TextSpan(start: $0.lowerBound, end: $0.upperBound)) }
        }
    }

    /// The runs of digits in `span`, each a digit followed by digits, or by a separator with a digit
    /// after it, told at each place by `isDigit` and `isSeparator`: for the scalars of any text, and for
    /// the bytes of an ASCII one.
    @inline(__always)
    private static func digitRuns(in span: TextSpan, isDigit: (Int) -> Bool, isSeparator: (Int) -> Bool) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var i = span.start
        while i < span.end {
            // To the next digit: most places hold none.
            while i < span.end && !isDigit(i) { i += 1 }
            guard i < span.end else { break }
            var end = i
            while end < span.end, isDigit(end) || (isSeparator(end) && end + 1 < span.end && isDigit(end + 1)) { end += 1 }
            runs.append(i..<end)
            i = end
        }
        return runs
    }

    /// Whether `scalar` is a decimal digit of any script. ASCII, and the ranges that hold no decimal
    /// digit and most other text (Latin to Hebrew; punctuation to the Han and Yi blocks; Hangul to
    /// the halfwidth forms: Chinese, Japanese and Korean scalar by scalar), are answered without a
    /// property look-up (a test checks every scalar of the ranges).
    @inline(__always)
    static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) }
        if value < 0x660 || (0x2000..<0xA620).contains(value) || (0xAC00..<0xFF10).contains(value) { return false }
        return scalar.properties.numericType == .decimal
    }

    /// One form for a written number: "1,000", "1.000" and "1 000" give "1000"; "3,5" and "3.5" give
    /// "3.5"; "1,250.50" gives "1250.5".
    static func value(_ written: ArraySlice<Unicode.Scalar>) -> String {
        // Most numbers are ASCII digits alone: their value is those digits without leading zeros (as
        // below, with one group and no separator), made from the bytes.
        if written.allSatisfy({ (0x30...0x39).contains($0.value) }) {
            var bytes = written.map { UInt8($0.value) }[...]
            while bytes.count > 1 && bytes.first == 0x30 { bytes.removeFirst() }
            return String(decoding: bytes, as: UTF8.self)
        }
        var groups: [String] = [""]
        var separators: [Unicode.Scalar] = []
        for scalar in written {
            if (0x30...0x39).contains(scalar.value) {
                // An ASCII digit is its own value's digit: no property look-up, no number printed.
                groups[groups.count - 1].unicodeScalars.append(scalar)
            } else if let digit = scalar.properties.numericValue, scalar.properties.numericType == .decimal {
                groups[groups.count - 1] += String(Int(digit))
            } else {
                separators.append(scalar)
                groups.append("")
            }
        }
        var integer = groups.joined()
        var fraction = ""
        let marks = separators.filter { $0 == "." || $0 == "," }
        if let last = marks.last {
            let mixed = Set(marks).count > 1
            let repeated = marks.filter { $0 == last }.count > 1
            // Mixed marks: the last is the decimal one ("1,250.50", "1.250,50"). One mark once: decimal
            // unless three digits follow ("3.5", but "1,000").
            let decimal = mixed || (!repeated && groups.last!.count != 3)
            if decimal && separators.last == last {
                integer = groups.dropLast().joined()
                fraction = groups.last!
            }
        }
        while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? integer : integer + "." + fraction
    }
}
