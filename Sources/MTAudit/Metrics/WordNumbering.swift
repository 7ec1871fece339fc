import Foundation

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
                // The table's slots and places, for both texts, in one allocation.
                let capacity = a.count + b.count
                var size = 16
                while size < 2 * capacity { size <<= 1 }
                let slotBytes = size * MemoryLayout<UInt64>.stride
                let memory = UnsafeMutableRawPointer.allocate(byteCount: slotBytes + 2 * capacity * MemoryLayout<Int>.stride,
                                                              alignment: MemoryLayout<UInt64>.alignment)
                defer { memory.deallocate() }
                let slots = UnsafeMutableBufferPointer(start: memory.bindMemory(to: UInt64.self, capacity: size), count: size)
                slots.initialize(repeating: 0)
                let places = UnsafeMutableBufferPointer(start: (memory + slotBytes).bindMemory(to: Int.self, capacity: 2 * capacity),
                                                        count: 2 * capacity)
                var table = ByteWordTable(aBytes, bBytes, slots: slots, places: places)
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

/// An open-addressing table from a word's bytes to its number: hashes of eight bytes at a time,
/// linear probing. A word is kept as the place of its first occurrence in one of the two texts, whose
/// bytes the table reads (valid while the texts' buffers are: within `WordNumbering.ids` or
/// `WordVocabulary`'s numbering), not copied. Its storage
/// is the caller's (allocated for the words of both texts), read and written unchecked. Its hash
/// and comparison serve `WordVocabulary` too.
struct ByteWordTable {
    private let first: UnsafeBufferPointer<UInt8>, second: UnsafeBufferPointer<UInt8>
    /// Per slot (a power of two of them, at least twice the words): the upper half of the word's
    /// hash, then its number plus one (0: empty).
    private let slots: UnsafeMutableBufferPointer<UInt64>
    private let mask: Int
    /// Each distinct word's first occurrence, as byte offsets: in the first text, or in the second
    /// past the first's length (two numbers per word, room for every word of both texts).
    private let places: UnsafeMutableBufferPointer<Int>
    private(set) var count = 0

    init(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>,
         slots: UnsafeMutableBufferPointer<UInt64>, places: UnsafeMutableBufferPointer<Int>) {
        (self.first, self.second) = (first, second)
        (self.slots, self.places) = (slots, places)
        mask = slots.count - 1
    }

    /// The bytes at `start..<end`, offsets as `places` holds them.
    private func bytes(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        start < first.count ? UnsafeBufferPointer(rebasing: first[start..<end])
            : UnsafeBufferPointer(rebasing: second[start - first.count..<end - first.count])
    }

    /// The number of the word at `range` of the first text (`text` 0) or the second (1).
    mutating func id(text: Int, _ range: Range<Int>) -> UInt32 {
        let offset = text == 0 ? 0 : first.count
        return id(text: text, range, hash: Self.hash(bytes(range.lowerBound + offset, range.upperBound + offset)))
    }

    /// `id(text:_:)` of a word whose hash (`hash(_:)` of its bytes) the caller has made.
    @inline(__always)
    mutating func id(text: Int, _ range: Range<Int>, hash: UInt64) -> UInt32 {
        let offset = text == 0 ? 0 : first.count
        let word = bytes(range.lowerBound + offset, range.upperBound + offset)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] & 0xFFFF_FFFF) &- 1
            if slots[slot] & 0xFFFF_FFFF_0000_0000 == tag {
                let other = bytes(places[2 &* id], places[2 &* id &+ 1])
                if Self.equal(other, word) { return UInt32(id) }
            }
            slot = (slot &+ 1) & mask
        }
        let id = count
        places[2 &* id] = range.lowerBound &+ offset
        places[2 &* id &+ 1] = range.upperBound &+ offset
        count &+= 1
        slots[slot] = tag | UInt64(id &+ 1)
        return UInt32(id)
    }

    /// A hash of the bytes and their count, eight bytes at a time (loaded unaligned, within the
    /// bytes), mixed at the end so that its upper half (the tag) and lower bits (the slot) both vary.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return mix(hash) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index &+ 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            index &+= 8
        }
        if index < bytes.count { hash = (hash ^ tail(raw, from: index, to: bytes.count)) &* 0x9E37_79B9_7F4A_7C15 }
        return mix(hash)
    }

    /// The fewer than eight bytes at `start..<end` as one number (the first in the lowest bits): at
    /// most three loads, none past `end`.
    @inline(__always)
    private static func tail(_ raw: UnsafeRawPointer, from start: Int, to end: Int) -> UInt64 {
        var value: UInt64 = 0, index = start, shift: UInt64 = 0
        if end &- index >= 4 {
            value = UInt64(raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
            index &+= 4
            shift = 32
        }
        if end &- index >= 2 {
            value |= UInt64(raw.loadUnaligned(fromByteOffset: index, as: UInt16.self)) << shift
            index &+= 2
            shift &+= 16
        }
        if index < end { value |= UInt64(raw.load(fromByteOffset: index, as: UInt8.self)) << shift }
        return value
    }

    /// A final mix (splitmix64's).
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var hash = value
        hash = (hash ^ hash >> 30) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ hash >> 27) &* 0x94D0_49BB_1331_11EB
        return hash ^ hash >> 31
    }

    /// Whether two runs of bytes are equal, eight bytes at a time.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let aBase = a.baseAddress, let bBase = b.baseAddress else { return true }
        let aRaw = UnsafeRawPointer(aBase), bRaw = UnsafeRawPointer(bBase)
        var index = 0
        while index &+ 8 <= a.count {
            if aRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self) != bRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index &+= 8
        }
        return index == a.count || tail(aRaw, from: index, to: a.count) == tail(bRaw, from: index, to: a.count)
    }
}
