/// A set of keys kept as one bit for each key's hash (a Bloom filter of one hash): whether a word may
/// be one of the keys, told by reading a bit rather than hashing the word for a table of strings.
/// A word whose bit is clear is none of the keys; one whose bit is set may be, and is looked up.
/// Most words of a text are in no lexicon table, so most look-ups end at the bit.
struct KeyFilter: Sendable {
    private var bits: [UInt64]

    /// The filter's size in bits.
    static let size = 1 << 16

    init(_ keys: some Sequence<String>) {
        bits = [UInt64](repeating: 0, count: Self.size / 64)
        for key in keys {
            let slot = Self.slot(key)
            bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }

    /// The bit of `key`: an FNV-1a hash of its UTF-8 bytes, folded. Keys in one normal form (matching
    /// keys, their `base` forms) have equal bytes when they are equal strings.
    static func slot(_ key: String) -> Int {
        key.utf8.withContiguousStorageIfAvailable { slot(ofBytes: $0) } ?? slot(ofBytes: key.utf8)
    }

    /// The bit of a key of UTF-8 `bytes`: for a caller that reads the bytes in place for more than this.
    static func slot(ofBytes bytes: some Sequence<UInt8>) -> Int { slot(hash: FNV1a.hash(bytes)) }

    /// The bit of a key whose FNV-1a hash (`FNV1a.hash`) is `hash`.
    static func slot(hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash ^ (hash >> 32)) & UInt64(size - 1)) }

    /// False when `key` is surely none of the keys.
    func mayContain(_ key: String) -> Bool { mayContain(slot: Self.slot(key)) }

    /// False when the key of bit `slot` (`slot(_:)`) is surely none of the keys.
    func mayContain(slot: Int) -> Bool { bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0 }
}
