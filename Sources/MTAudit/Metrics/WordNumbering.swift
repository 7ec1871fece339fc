/// Gives each distinct word of two texts a number (0, 1, 2, … in order of first appearance), so that
/// word n-grams are counted and words compared as integers. Words are told apart as Swift compares
/// strings (canonically equivalent spellings are one word); where that is byte equality (see
/// `ByteWords.comparesByBytes`, nearly always) words are numbered by their bytes, with no `String`
/// made or hashed.
enum WordNumbering {
    static func ids(_ a: ByteWords, _ b: ByteWords) -> (a: [UInt32], b: [UInt32], count: Int) {
        guard a.comparesByBytes && b.comparesByBytes else { return idsByStrings(a, b) }
        var table = ByteWordTable(capacity: a.count + b.count)
        let aIDs = a.ranges.map { table.id(a.utf8, $0) }
        let bIDs = b.ranges.map { table.id(b.utf8, $0) }
        return (aIDs, bIDs, table.count)
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

/// An open-addressing table from a word's bytes to its number: FNV-1a hashes, linear probing, the
/// words' bytes kept in one buffer.
private struct ByteWordTable {
    /// Per slot: the word's number plus one (0: empty).
    private var slots: [UInt32]
    private var hashes: [UInt64]
    private let mask: Int
    /// The distinct words' bytes, one after another, and where each starts (one more for the end).
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    var count: Int { starts.count - 1 }

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    mutating func id(_ utf8: [UInt8], _ range: Range<Int>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range { hash = (hash ^ UInt64(utf8[index])) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if hashes[slot] == hash && bytes[starts[id]..<starts[id + 1]].elementsEqual(utf8[range]) { return UInt32(id) }
            slot = (slot + 1) & mask
        }
        let id = UInt32(count)
        bytes.append(contentsOf: utf8[range])
        starts.append(bytes.count)
        slots[slot] = id + 1
        hashes[slot] = hash
        return id
    }
}
