import Foundation

/// Character-trigram models of the languages of the word lists. They tell how much a word that no
/// list holds looks like each language: "texanischen" and "Renngemeinschaft" look German, not English.
///
/// Each language's model counts the trigrams of its listed words, with `^` and `$` marking the
/// word's ends. A word's score in a language is the mean log probability of its trigrams (add-½
/// smoothing).
///
/// The models share one table of trigrams, each with its count in every language: a word's trigrams
/// are hashed once, however many languages it is scored in, and a word listed in several languages
/// is cut into trigrams once at start-up.
public struct TrigramLanguageModel: Sendable {
    /// The languages modelled, in the word lists' order.
    private let languages: [String]
    private let languageIndex: [String: Int]
    /// Each trigram seen in any list, by its packed scalars.
    private let trigrams: TrigramTable
    /// Counts by trigram then language: `counts[trigram * languages.count + language]`.
    private let counts: [Float]
    /// Each language's count of trigrams.
    private let totals: [Float]

    /// Trained on the built-in word lists, on first use.
    public static let builtIn = TrigramLanguageModel(WordFrequencies.builtIn)

    public init(_ frequencies: WordFrequencies) {
        let languages = frequencies.languages
        var trigrams = TrigramTable()
        var counts: [Float] = []
        var totals = [Float](repeating: 0, count: languages.count)
        var wordTrigrams: [Int] = []
        for row in 0..<frequencies.rowCount {
            wordTrigrams.removeAll(keepingCapacity: true)
            Self.forEachTrigram(utf8: frequencies.wordBytes(atRow: row)) { trigram in
                let (index, inserted) = trigrams.insert(trigram)
                if inserted { counts.append(contentsOf: repeatElement(0, count: languages.count)) }
                wordTrigrams.append(index)
            }
            for listing in frequencies.listings(ofRow: row) {
                let language = Int(listing.language)
                for index in wordTrigrams { counts[index * languages.count + language] += 1 }
                totals[language] += Float(wordTrigrams.count)
            }
        }
        self.languages = languages
        languageIndex = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1, $0) })
        self.trigrams = trigrams
        self.counts = counts
        self.totals = totals
    }

    /// The mean log probability of `word`'s trigrams in `language` (higher is likelier).
    public func score(_ word: String, in language: String) -> Double {
        guard let index = languageIndex[language] else { return -.infinity }
        return score(trigramIndices(word), language: index)
    }

    /// The language `word` looks most like, and by how much more than `language` (nats per trigram).
    public func bestAlternative(to language: String, for word: String) -> (language: String, margin: Double)? {
        let indices = trigramIndices(word)
        let own = languageIndex[language].map { score(indices, language: $0) } ?? -.infinity
        let others = languages.indices.filter { languages[$0] != language }.map { (languages[$0], score(indices, language: $0)) }
        guard let best = others.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else { return nil }
        return (best.0, best.1 - own)
    }

    /// The table index of each of `word`'s trigrams, nil for one no list has.
    private func trigramIndices(_ word: String) -> [Int?] {
        var indices: [Int?] = []
        Self.forEachTrigram(word) { indices.append(trigrams.index(of: $0)) }
        return indices
    }

    private func score(_ indices: [Int?], language: Int) -> Double {
        guard !indices.isEmpty else { return -.infinity }
        var sum = 0.0
        let denominator = Double(totals[language]) + 30_000
        for index in indices {
            let count = index.map { counts[$0 * languages.count + language] } ?? 0
            sum += log((Double(count) + 0.5) / denominator)
        }
        return sum / Double(indices.count)
    }

    /// Calls `body` with each trigram of `word`, `^` marking its start and `$` its end.
    private static func forEachTrigram(_ word: String, _ body: (UInt64) -> Void) {
        var cutter = TrigramCutter()
        for scalar in word.unicodeScalars { body(cutter.next(scalar.value)) }
        if let last = cutter.last { body(last) }
    }

    /// `forEachTrigram(_:_:)` for a word given as UTF-8 bytes (well formed): the half million listed
    /// words are cut without making a String of each.
    private static func forEachTrigram(utf8 word: ArraySlice<UInt8>, _ body: (UInt64) -> Void) {
        var cutter = TrigramCutter()
        var index = word.startIndex
        while index < word.endIndex {
            let lead = word[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
            for continuation in word[(index + 1)..<(index + length)] { value = value << 6 | UInt32(continuation & 0x3F) }
            body(cutter.next(value))
            index += length
        }
        if let last = cutter.last { body(last) }
    }

    /// Packs a word's trigrams scalar by scalar: 21 bits a scalar, the first trigram starting with
    /// 0x02 and `^`, the last ending with `$`.
    private struct TrigramCutter {
        private var previous: (UInt64, UInt64) = (0x02, 0x5E)
        private var empty = true

        /// The trigram that `scalar` ends.
        mutating func next(_ scalar: UInt32) -> UInt64 {
            let value = UInt64(scalar)
            defer { previous = (previous.1, value) }
            empty = false
            return previous.0 << 42 | previous.1 << 21 | value
        }

        /// The trigram that ends the word, nil for an empty word.
        var last: UInt64? { empty ? nil : previous.0 << 42 | previous.1 << 21 | 0x24 }
    }

    /// The trigrams' indices, numbered in the order they were added, in an open-addressing table: a
    /// model is trained on 3.4 million trigrams, and a packed trigram needs no SipHash.
    private struct TrigramTable: Sendable {
        /// Linear probing; each slot is a trigram and its index, or -1 for none.
        private var slots = [Slot](repeating: Slot(), count: 1 << 16)
        private(set) var count = 0

        private struct Slot {
            var trigram: UInt64 = 0
            var index: Int32 = -1
        }

        func index(of trigram: UInt64) -> Int? {
            let index = slots[slot(of: trigram)].index
            return index < 0 ? nil : Int(index)
        }

        /// The index of `trigram`, the next one if it is new.
        mutating func insert(_ trigram: UInt64) -> (index: Int, inserted: Bool) {
            let slot = slot(of: trigram)
            if slots[slot].index >= 0 { return (Int(slots[slot].index), false) }
            slots[slot] = Slot(trigram: trigram, index: Int32(count))
            count += 1
            if count * 2 > slots.count { grow() }
            return (count - 1, true)
        }

        /// The slot of `trigram`, or the empty slot where it belongs.
        private func slot(of trigram: UInt64) -> Int {
            let mask = slots.count - 1
            var slot = Self.hash(trigram) & mask
            while slots[slot].index >= 0 && slots[slot].trigram != trigram { slot = (slot + 1) & mask }
            return slot
        }

        private mutating func grow() {
            let old = slots
            slots = [Slot](repeating: Slot(), count: old.count * 2)
            for entry in old where entry.index >= 0 { slots[slot(of: entry.trigram)] = entry }
        }

        /// A multiply-xorshift: the packed scalars' bits are mixed into the low bits (the slot).
        private static func hash(_ trigram: UInt64) -> Int {
            var hash = trigram &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            return Int(truncatingIfNeeded: hash)
        }
    }
}
