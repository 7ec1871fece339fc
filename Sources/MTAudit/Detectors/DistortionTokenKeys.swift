/// What `DistortionLinkTable.number(baseOf:_:)` reads of each word of a document before it looks the
/// key up (its base's hash, whether the key is plain and its head, or the base made of it), read
/// once per document and kept in its memo: a source audited against many versions (a line per
/// version of one source, most of the pairs) has its words read once, not once per version.
///
/// The distortion rule keeps these for a source of one sentence, whose one link reads every word
/// of it for every version; a longer text's links each read a few of its sentences, most of them
/// skipped, and read their words in place.
final class DistortionTokenKeys: @unchecked Sendable {
    typealias Mark = DistortionDetector.Mark

    /// By token, two words (a word-like token's; 0 for another): the hash of its key's base
    /// (`DistortionKeyHash`), and what is known of it: for a plain key (its own base), the facts
    /// `number(baseOf:_:)` learns from its bytes; else `madeBase`, whether the base is the key
    /// (`==`, `baseIsKey`), and the base's place in `bases`. Memory of its own, written once as the
    /// keys are made and only read after (so unchecked, and shared by threads as it is): read by
    /// pointer in the links' loops, with no array's buffer retained and released at each read.
    private let entries: UnsafeMutablePointer<UInt64>
    /// The bases made of keys that are not their own, in order of their tokens.
    private let bases: [String]
    /// The word tokens by their keys' bits (the two words of the string): per slot (a power of two
    /// of them, at least twice the words), the bits and the token's index plus one (0 empty), the
    /// first token of each key. Two strings of the same bits are the same bytes (a small string
    /// holds its bytes in them, a large one points at them): a version's key found here is the
    /// token's key, numbered as it is, with no pass over its bytes. (A key held in a large string
    /// of its own is not found, and is read as any other.)
    private let byBits: UnsafeMutablePointer<UInt64>
    private let byBitsMask: Int

    /// The bit of a token whose base is made (no plain key's facts set it: their heads are ASCII).
    static let madeBase: UInt64 = 1 << 63
    /// The bit of a made base that is `==` its key.
    static let baseIsKey: UInt64 = 1 << 62

    private static let memoKey = MemoKey("distortion-token-keys")

    /// The keys of `document`'s words, read on the first ask and kept by the document.
    static func of(_ document: Document) -> DistortionTokenKeys {
        document.memo.value(memoKey) { DistortionTokenKeys(document) }
    }

    private init(_ document: Document) {
        let count = document.tokens.count
        let entries = UnsafeMutablePointer<UInt64>.allocate(capacity: max(2 * count, 1))
        entries.initialize(repeating: 0, count: max(2 * count, 1))
        var bases: [String] = []
        document.tokens.withUnsafeBufferPointer { tokens in
            for index in 0..<count where tokens[index].isWordLike {
                let key = tokens[index].key
                if let (hash, known) = Mark.plainFacts(of: key) {
                    (entries[2 * index], entries[2 * index + 1]) = (hash, known)
                } else {
                    let base = base(key)
                    entries[2 * index] = DistortionKeyHash.hash(base)
                    entries[2 * index + 1] = Self.madeBase | (base == key ? Self.baseIsKey : 0) | UInt64(bases.count)
                    bases.append(base)
                }
            }
        }
        (self.entries, self.bases) = (entries, bases)
        let slotCount = KeyNumbering.slotCount(for: count)
        let byBits = UnsafeMutablePointer<UInt64>.allocate(capacity: 3 * slotCount)
        byBits.initialize(repeating: 0, count: 3 * slotCount)
        document.tokens.withUnsafeBufferPointer { tokens in
            for index in 0..<count where tokens[index].isWordLike {
                let bits = unsafeBitCast(tokens[index].key, to: (UInt64, UInt64).self)
                var slot = Self.slot(of: bits, mask: slotCount - 1)
                while byBits[3 * slot + 2] != 0 {
                    if byBits[3 * slot] == bits.0 && byBits[3 * slot + 1] == bits.1 { break }
                    slot = (slot + 1) & (slotCount - 1)
                }
                if byBits[3 * slot + 2] == 0 { (byBits[3 * slot], byBits[3 * slot + 1], byBits[3 * slot + 2]) = (bits.0, bits.1, UInt64(index + 1)) }
            }
        }
        (self.byBits, byBitsMask) = (byBits, slotCount - 1)
    }

    deinit {
        entries.deallocate()
        byBits.deallocate()
    }

    /// The first slot of a key of `bits`.
    @inline(__always)
    private static func slot(of bits: (UInt64, UInt64), mask: Int) -> Int {
        var hash = (bits.0 ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash ^= bits.1 &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
    }

    /// The first word token whose key is `key`'s very string (the same bits: the same bytes), if any.
    @inline(__always)
    func token(keyedAs key: String) -> Int? {
        let bits = unsafeBitCast(key, to: (UInt64, UInt64).self)
        var slot = Self.slot(of: bits, mask: byBitsMask)
        while true {
            let entry = byBits[3 * slot + 2]
            if entry == 0 { return nil }
            if byBits[3 * slot] == bits.0 && byBits[3 * slot + 1] == bits.1 { return Int(truncatingIfNeeded: entry) - 1 }
            slot = (slot + 1) & byBitsMask
        }
    }

    /// What is kept of token `index`: the hash of its key's base, and the facts of a plain key or,
    /// for a made base, the base itself and whether it is `==` the key.
    @inline(__always)
    func entry(_ index: Int) -> (hash: UInt64, facts: UInt64, base: String?) {
        let hash = entries[2 * index], facts = entries[2 * index + 1]
        guard facts & Self.madeBase != 0 else { return (hash, facts, nil) }
        return (hash, facts, bases[Int(truncatingIfNeeded: facts & 0xFFFF_FFFF)])
    }

    /// Whether token `index`'s key is `==` its base (a plain key always is).
    func baseIsKey(_ index: Int) -> Bool {
        let facts = entries[2 * index + 1]
        return facts & Self.madeBase == 0 || facts & Self.baseIsKey != 0
    }
}
