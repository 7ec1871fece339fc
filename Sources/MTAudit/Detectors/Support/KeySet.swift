/// A set of a text's word keys, for the name rules' "does this text write the word?": a
/// `KeyNumbering` whose numbers are not read, so that keys are hashed by their UTF-8 bytes (FNV-1a)
/// rather than by the standard library's seeded SipHash, several times dearer for a short word; a
/// text's keys are put in (and asked for) once for each of its words.
///
/// The keys it holds and is asked for are `base` forms (a word's matching key, decomposed, its marks
/// stripped), whose bytes are the same for every spelling of one word.
struct KeySet: Sendable {
    private var numbering: KeyNumbering

    /// A set with room for `capacity` keys before it grows.
    init(minimumCapacity capacity: Int = 0) { numbering = KeyNumbering(capacity: capacity) }

    mutating func insert(_ key: String) { _ = numbering.number(key) }

    func contains(_ key: String) -> Bool { numbering.number(of: key) != nil }

    /// Whether the key of UTF-8 `bytes`, whose FNV-1a hash is `hash`, is in the set.
    func contains(bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool { numbering.number(ofBytes: bytes, hash: hash) != nil }

    /// Whether one of the keys satisfies `predicate` (in no particular order).
    func contains(where predicate: (String) -> Bool) -> Bool { numbering.keys.contains(where: predicate) }
}
