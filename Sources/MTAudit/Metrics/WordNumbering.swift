/// Gives each distinct word of two texts a number (0, 1, 2, … in order of first appearance), so that
/// word n-grams are counted and words compared as integers. Words are told apart as Swift compares
/// strings (canonically equivalent spellings are one word); where that is byte equality (see
/// `ByteWords.comparesByBytes`, nearly always) words are numbered by their bytes, with no `String`
/// made or hashed.
enum WordNumbering {
    static func ids(_ a: ByteWords, _ b: ByteWords) -> (a: [UInt32], b: [UInt32], count: Int) {
        guard a.comparesByBytes && b.comparesByBytes else { return idsByStrings(a, b) }
        return a.utf8.withUnsafeBufferPointer { aBytes in
            b.utf8.withUnsafeBufferPointer { bBytes in
                var table = ByteWordTable(texts: [aBytes, bBytes], capacity: a.count + b.count)
                let aIDs = a.ranges.map { table.id(text: 0, $0) }
                let bIDs = b.ranges.map { table.id(text: 1, $0) }
                return (aIDs, bIDs, table.count)
            }
        }
    }

    private static func idsByStrings(_ a: ByteWords, _ b: ByteWords) -> (a: [UInt32], b: [UInt32], count: Int) {
        var ids: [String: UInt32] = Dictionary(minimumCapacity: a.count + b.count)
        func number(_ words: ByteWords) -> [UInt32] {
            words.strings.map { word in
                if let id = ids[word] { return id }
                let id = UInt32(ids.count)
                ids[word] = id
                return id
            }
        }
        let aIDs = number(a), bIDs = number(b)
        return (aIDs, bIDs, ids.count)
    }
}

/// An open-addressing table from a word's bytes to its number: FNV-1a hashes, linear probing. A
/// word is kept as the place of its first occurrence in one of the texts, whose bytes the table
/// reads (valid while the texts' buffers are: within `WordNumbering.ids`), not copied.
private struct ByteWordTable {
    private let texts: [UnsafeBufferPointer<UInt8>]
    /// Per slot: the word's number plus one (0: empty), and the word's hash.
    private var slots: [UInt32]
    private var hashes: [UInt64]
    private let mask: Int
    /// Each distinct word's first occurrence: which text, and its bytes there.
    private var words: [(text: Int, range: Range<Int>)] = []

    var count: Int { words.count }

    init(texts: [UnsafeBufferPointer<UInt8>], capacity: Int) {
        self.texts = texts
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
        words.reserveCapacity(capacity)
    }

    /// The number of the word at `range` of text `text`.
    mutating func id(text: Int, _ range: Range<Int>) -> UInt32 {
        let bytes = UnsafeBufferPointer(rebasing: texts[text][range])
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if hashes[slot] == hash {
                let word = words[id]
                if word.range.count == bytes.count && UnsafeBufferPointer(rebasing: texts[word.text][word.range]).elementsEqual(bytes) {
                    return UInt32(id)
                }
            }
            slot = (slot + 1) & mask
        }
        let id = UInt32(words.count)
        words.append((text, range))
        slots[slot] = id + 1
        hashes[slot] = hash
        return id
    }
}
