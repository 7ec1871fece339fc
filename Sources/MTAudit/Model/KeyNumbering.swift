import Foundation
import MTAuditText

/// Numbers for keys (0, 1, 2, … in order of first appearance), equal keys alike: an open-addressing
/// table over the keys' UTF-8 bytes (FNV-1a hashes, linear probing), where a `[String: Int]` hashed
/// each key with SipHash, several times the cost of the short words it numbers.
///
/// Keys are told apart by their bytes, which is how Swift compares strings (canonical equivalence)
/// for keys in one normal form: matching keys (NFKC_Casefold) and their `base` forms (ASCII, or NFD).
struct KeyNumbering {
    /// The keys numbered so far, each at its number.
    private(set) var keys: [String] = []
    /// Per slot (a power of two of them, at least twice the keys): the upper half of the key's hash,
    /// then its number plus one (0: empty).
    private var slots: [UInt64]

    /// A numbering with room for `capacity` keys before it grows.
    init(capacity: Int = 0) {
        keys.reserveCapacity(capacity)
        slots = [UInt64](filledWith: 0, count: Self.slotCount(for: capacity))
    }

    /// The slots of a table with room for `capacity` keys: a power of two, at least twice the keys.
    static func slotCount(for capacity: Int) -> Int {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        return size
    }

    /// A table of `count` slots (a power of two) holding `keys` at their numbers, each placed by
    /// `hash`: how a table grows, every key placed again. (`DistortionDetector.LinkKeys` keeps a
    /// table of this layout with a hash of its own.)
    static func slots(placing keys: [String], count: Int, hash: (String) -> UInt64) -> [UInt64] {
        var slots = [UInt64](filledWith: 0, count: count)
        let mask = count - 1
        for (number, key) in keys.enumerated() {
            let hash = hash(key)
            var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
        }
        return slots
    }

    /// The number of `key`, numbering it if it is new.
    mutating func number(_ key: String) -> Int { number(key, hash: Self.hash(key)) }

    /// The number of `key`, whose hash (`FNV1a.hash` of its bytes) is `hash`, numbering it if it is
    /// new: for a caller that has the hash already (a document's `keyHashes`).
    mutating func number(_ key: String, hash: UInt64) -> Int {
        let (found, slot, tag) = find(key, hash: hash)
        if let found { return found }
        let number = keys.count
        keys.append(key)
        slots[slot] = tag | UInt64(number + 1)
        if 2 * keys.count > slots.count { grow() }
        return number
    }

    /// The number of `key`, if it has one.
    func number(of key: String) -> Int? { find(key, hash: Self.hash(key)).found }

    /// The number of `key`, whose hash (`FNV1a.hash` of its bytes) is `hash`, if it has one.
    func number(of key: String, hash: UInt64) -> Int? { find(key, hash: hash).found }

    /// The number of the key whose UTF-8 bytes are `bytes` and whose hash (`FNV1a.hash(bytes)`) is
    /// `hash`, if it has one: for a caller that holds a slice of a longer key's bytes and has hashed
    /// it for a filter already, with no string made of it. (The probe is `find`'s, written out again:
    /// one probe taking a comparison closure cost 2.5M more instructions on the 1,517 pairs.)
    func number(ofBytes bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let tag = hash & 0xFFFF_FFFF_0000_0000, mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(entry & 0xFFFF_FFFF) - 1
                if Self.equal(keys[number], bytes) { return number }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The number of `key` if it is in the table; otherwise the empty slot where it would go. And the
    /// upper half of its hash, which the slot keeps.
    private func find(_ key: String, hash: UInt64) -> (found: Int?, slot: Int, tag: UInt64) {
        let tag = hash & 0xFFFF_FFFF_0000_0000, mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (nil, slot, tag) }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(entry & 0xFFFF_FFFF) - 1
                if Self.equal(keys[number], key) { return (number, slot, tag) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Twice the slots, every key placed again.
    private mutating func grow() {
        slots = Self.slots(placing: keys, count: 2 * slots.count, hash: Self.hash)
    }

    static func hash(_ key: String) -> UInt64 {
        key.utf8.withContiguousStorageIfAvailable { FNV1a.hash($0) } ?? FNV1a.hash(key.utf8)
    }

    private static func equal(_ a: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        a.utf8.withContiguousStorageIfAvailable { x in equal(x, bytes) } ?? a.utf8.elementsEqual(bytes)
    }

    /// Whether two keys are the same bytes (not merely the same characters, as `==` tells): how the
    /// table tells keys apart, and what a key's `base` depends on.
    ///
    /// First by the strings' own bits, which are equal for two small strings of the same bytes (a
    /// word of up to fifteen bytes, most keys, is held in them) and for one string's copies: equal
    /// bits are equal bytes, so a found key (most comparisons) needs no pass over its bytes. Bits
    /// that differ say nothing (a large string may hold a short word), and the bytes are compared.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self) || bytesEqual(a, b)
    }

    /// Whether two keys are the same bytes, compared byte for byte: `equal` past its screen.
    private static func bytesEqual(_ a: String, _ b: String) -> Bool {
        a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in equal(x, y) }
        }.flatMap { $0 } ?? a.utf8.elementsEqual(b.utf8)
    }

    /// Whether `x` and `y` are the same bytes. Keys are short: up to 16 bytes are compared as two
    /// overlapping words (or a few bytes), in line, where a call of `memcmp` cost more than the
    /// comparison (the tables compare a key for most look-ups).
    @inline(__always)
    private static func equal(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = x.count
        guard count == y.count else { return false }
        guard count > 0 else { return true }
        let p = UnsafeRawPointer(x.baseAddress!), q = UnsafeRawPointer(y.baseAddress!)
        switch count {
        case 8...16:
            return p.loadUnaligned(as: UInt64.self) == q.loadUnaligned(as: UInt64.self)
                && p.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == q.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            return p.loadUnaligned(as: UInt32.self) == q.loadUnaligned(as: UInt32.self)
                && p.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == q.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        case 1..<4:
            for index in 0..<count where x[index] != y[index] { return false }
            return true
        default:
            return memcmp(p, q, count) == 0
        }
    }
}

/// The 64-bit FNV-1a hash of bytes: the one hash of the tables that key words by their UTF-8 bytes
/// (`KeyNumbering`, `KeyFilter`, the metrics' word numbering), and the segmenter's (`KeyHash`, whose
/// steps this takes, over any sequence of bytes). Words are short: a byte at a time is fast enough.
enum FNV1a {
    @inline(__always)
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = KeyHash.offsetBasis
        for byte in bytes { hash = KeyHash.step(hash, byte) }
        return hash
    }
}
