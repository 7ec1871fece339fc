/// A set of a text's word keys, for the name rules' "does this text write the word?": a
/// `KeyNumbering` whose numbers are not read, so that keys are hashed by their UTF-8 bytes (FNV-1a)
/// rather than by the standard library's seeded SipHash, several times dearer for a short word; a
/// text's keys are put in (and asked for) once for each of its words.
///
/// The keys it holds and is asked for are `base` forms (a word's matching key, decomposed, its marks
/// stripped), whose bytes are the same for every spelling of one word.
///
/// The keys' hashes are also kept as bits of a small Bloom filter (one bit of 256 per key, from the
/// hash's top byte, which the table's slot does not read): a set of a few dozen keys (the
/// honorifics) asked about every cut of every unknown word turns most away at the bit, before the
/// table's probe.
struct KeySet: Sendable {
    private var numbering: KeyNumbering
    /// (Four words inline, not a `SIMD4`, whose 32-byte alignment made every object holding a set an
    /// aligned allocation.)
    private var filter = InlineArray<4, UInt64>(repeating: 0)

    /// A set with room for `capacity` keys before it grows.
    init(minimumCapacity capacity: Int = 0) { numbering = KeyNumbering(capacity: capacity) }

    mutating func insert(_ key: String) {
        let hash = KeyNumbering.hash(key)
        _ = numbering.number(key, hash: hash)
        let bit = Self.bit(hash)
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    func contains(_ key: String) -> Bool { numbering.number(of: key) != nil }

    /// Whether the key of UTF-8 `bytes`, whose FNV-1a hash is `hash`, is in the set.
    func contains(bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
        mayContain(hash: hash) && numbering.number(ofBytes: bytes, hash: hash) != nil
    }

    /// False when no key of the set has the FNV-1a hash `hash`: its filter bit is clear.
    @inline(__always)
    func mayContain(hash: UInt64) -> Bool {
        let bit = Self.bit(hash)
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The filter bit of a key of hash `hash`: its top byte.
    @inline(__always)
    private static func bit(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 56) }

    /// Whether one of the keys satisfies `predicate` (in no particular order).
    func contains(where predicate: (String) -> Bool) -> Bool { numbering.keys.contains(where: predicate) }
}
