/// How often each character trigram occurs in the words of each language of a `WordListTable`, with
/// `^` and `$` marking a word's ends: the counts of `TrigramLanguageModel`.
///
/// One table of trigrams, each with its count in every language: a word's trigrams are hashed once,
/// however many languages it is scored in, and a word listed in several languages is cut into
/// trigrams once. `LexiconEmbedder` counts the built-in lists at build time.
public struct TrigramCounts: Sendable, Equatable {
    public let languageCount: Int
    /// Each trigram's index, numbered in the order the trigrams were met, by open addressing with
    /// linear probing (a load of at most one half): a power of two of 16-byte slots, each the packed
    /// trigram in nine septets, three zeros, then its index + 1 in four septets (0 for an empty slot).
    public let slots: Blob
    /// Counts by trigram then language, four septets each: trigram `t`'s count in language `l` is
    /// number `t * languageCount + l`.
    public let counts: Blob
    /// Each language's count of trigrams, as the bit pattern of a float, in five septets.
    public let totals: Blob
    /// `totals`, as floats.
    public let totalValues: [Float]
    @usableFromInline let mask: Int

    /// The counts of the given parts, as `parts` lists them.
    public init(languageCount: Int, parts: [Blob]) {
        precondition(parts.count == 3, "not the parts of trigram counts")
        self.languageCount = languageCount
        (slots, counts, totals) = (parts[0], parts[1], parts[2])
        let slotCount = slots.count / 16
        precondition(slotCount > 0 && slotCount & (slotCount - 1) == 0 && totals.count == 5 * languageCount)
        mask = slotCount - 1
        totalValues = Septets.decode(totals, width: 5).map { Float(bitPattern: UInt32($0)) }
    }

    /// The parts of the counts, in the order `init(languageCount:parts:)` takes them.
    public var parts: [Blob] { [slots, counts, totals] }

    public static func == (a: TrigramCounts, b: TrigramCounts) -> Bool {
        a.languageCount == b.languageCount && a.parts == b.parts
    }

    /// Counts the trigrams of the words of `table`, by language.
    public init(_ table: WordListTable) {
        let languageCount = table.languages.count
        var indices: [UInt64: Int] = [:]
        var trigrams: [UInt64] = []
        var counts: [Float] = []
        var totals = [Float](repeating: 0, count: languageCount)
        var wordTrigrams: [Int] = []
        for row in 0..<table.rowCount {
            wordTrigrams.removeAll(keepingCapacity: true)
            Self.forEachTrigram(utf8: table.words.bytes(ofRow: row)) { trigram in
                let index = indices[trigram] ?? {
                    trigrams.append(trigram)
                    indices[trigram] = trigrams.count - 1
                    counts.append(contentsOf: repeatElement(0, count: languageCount))
                    return trigrams.count - 1
                }()
                wordTrigrams.append(index)
            }
            for listing in table.listings(ofRow: row) {
                let language = Int(listing.language)
                for index in wordTrigrams { counts[index * languageCount + language] += 1 }
                totals[language] += Float(wordTrigrams.count)
            }
        }
        var size = 16
        while size < trigrams.count * 2 { size *= 2 }
        var slots = [UInt8](repeating: 0, count: size * 16)
        for (index, trigram) in trigrams.enumerated() {
            var slot = Self.hash(trigram) & (size - 1)
            while slots[(slot * 16 + 12)..<(slot * 16 + 16)].contains(where: { $0 != 0 }) { slot = (slot + 1) & (size - 1) }
            var entry: [UInt8] = []
            Septets.append(trigram, width: 9, to: &entry)
            entry += [0, 0, 0]
            Septets.append(UInt64(index + 1), width: 4, to: &entry)
            slots.replaceSubrange((slot * 16)..<(slot * 16 + 16), with: entry)
        }
        self.init(languageCount: languageCount, parts: [
            Blob(slots),
            Blob(Septets.encode(counts.lazy.map { count in
                precondition(count < 16_777_216, "a count is exact as a float")
                return UInt64(count)
            }, width: 4)),
            Blob(Septets.encode(totals.lazy.map { UInt64($0.bitPattern) }, width: 5)),
        ])
    }

    /// The index of `trigram` (packed as `forEachTrigram` passes it); nil for one no list has.
    public func index(of trigram: UInt64) -> Int? {
        let low = Septets.spread56(trigram), high = UInt8(truncatingIfNeeded: trigram >> 56)
        let slots = self.slots.base
        var slot = Self.hash(trigram) & mask
        while true {
            let entry = slots + slot &* 16
            let indexPlusOne = Septets.read4(entry + 12)
            if indexPlusOne == 0 { return nil }
            if UInt64(littleEndian: entry.loadUnaligned(as: UInt64.self)) == low && entry.load(fromByteOffset: 8, as: UInt8.self) == high {
                return Int(indexPlusOne) - 1
            }
            slot = (slot + 1) & mask
        }
    }

    /// The count of trigram `index` in language `language`.
    @inlinable public func count(trigram index: Int, language: Int) -> Float {
        Float(Septets.read4(counts.base + 4 * (index * languageCount + language)))
    }

    /// A multiply-xorshift: the packed scalars' bits are mixed into the low bits (the slot).
    private static func hash(_ trigram: UInt64) -> Int {
        var hash = trigram &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
        return Int(truncatingIfNeeded: hash)
    }

    /// Calls `body` with each trigram of `word`, `^` marking its start and `$` its end.
    public static func forEachTrigram(_ word: String, _ body: (UInt64) -> Void) {
        var cutter = TrigramCutter()
        for scalar in word.unicodeScalars { body(cutter.next(scalar.value)) }
        if let last = cutter.last { body(last) }
    }

    /// `forEachTrigram(_:_:)` for a word given as UTF-8 bytes (well formed): the half million listed
    /// words are cut without making a String of each.
    public static func forEachTrigram(utf8 word: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Void) {
        var cutter = TrigramCutter()
        UTF8Scalars.forEach(in: word) { body(cutter.next($0)) }
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
}

/// The scalars of well-formed UTF-8, decoded without making a String.
public enum UTF8Scalars {
    /// Calls `body` with the value of each scalar of `bytes`, which must be well formed.
    public static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
            for continuation in bytes[(index + 1)..<(index + length)] { value = value << 6 | UInt32(continuation & 0x3F) }
            body(value)
            index += length
        }
    }
}
