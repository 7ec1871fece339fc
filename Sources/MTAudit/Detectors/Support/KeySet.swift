/// A set of a text's word keys, for the name rules' "does this text write the word?": open
/// addressing over an FNV-1a hash of each key's UTF-8 bytes. The standard library's set hashes each
/// word with a seeded SipHash, which costs several times more for a short word, and a text's keys
/// are put in (and asked for) once for each of its words.
///
/// Equal strings hash alike only when their bytes are equal: the keys it holds and is asked for are
/// `base` forms (a word's matching key, decomposed, its marks stripped), whose bytes are the same
/// for every spelling of one word. Candidates of equal hash are compared as strings.
struct KeySet: Sendable {
    /// The keys, in the order they came, with their hashes.
    private var keys: [String] = []
    private var hashes: [UInt64] = []
    /// For each slot, 0 when empty, else 1 + the place of its key in `keys`; a power of two of
    /// slots, at most half of them taken. (Numbers, not strings, so that making and freeing the
    /// table touches no string.)
    private var table: [Int32]

    var count: Int { keys.count }

    /// A set with room for `capacity` keys before it grows.
    init(minimumCapacity capacity: Int = 0) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        table = Array(repeating: 0, count: size)
        keys.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    /// The FNV-1a hash of `key`'s UTF-8 bytes.
    static func hash(_ key: String) -> UInt64 {
        func fold(_ bytes: some Sequence<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
        return key.utf8.withContiguousStorageIfAvailable(fold) ?? fold(key.utf8)
    }

    /// The slot holding `key`, or the empty one where it would go.
    private func slot(of key: String, hash: UInt64) -> (index: Int, found: Bool) {
        let mask = table.count - 1
        var index = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while table[index] != 0 {
            let place = Int(table[index]) - 1
            if hashes[place] == hash && keys[place] == key { return (index, true) }
            index = (index + 1) & mask
        }
        return (index, false)
    }

    mutating func insert(_ key: String) {
        let hash = Self.hash(key)
        let (index, found) = slot(of: key, hash: hash)
        guard !found else { return }
        keys.append(key)
        hashes.append(hash)
        table[index] = Int32(keys.count)
        if keys.count * 2 > table.count { grow() }
    }

    /// Twice the slots, every key's place put in again.
    private mutating func grow() {
        table = Array(repeating: 0, count: table.count * 2)
        let mask = table.count - 1
        for (place, hash) in hashes.enumerated() {
            var index = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while table[index] != 0 { index = (index + 1) & mask }
            table[index] = Int32(place + 1)
        }
    }

    func contains(_ key: String) -> Bool {
        slot(of: key, hash: Self.hash(key)).found
    }

    /// Whether one of the keys satisfies `predicate` (in no particular order).
    func contains(where predicate: (String) -> Bool) -> Bool {
        keys.contains(where: predicate)
    }
}
