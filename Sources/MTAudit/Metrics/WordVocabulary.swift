/// A reference's words numbered (0, 1, 2, … in order of first appearance), with the table that finds
/// a word's number by its bytes: made once for a source, whose every version's words are then
/// numbered by hashing their own words alone (`ids(continuing:)`), not the reference's again.
///
/// Numbering the reference first, where `WordNumbering.ids(hypothesis, reference)` numbers the
/// hypothesis first, gives other numbers but makes the same words equal, which is all the metrics
/// read of them (n-gram matches; TER's edits and shifts, which compare numbers and order by positions).
///
/// Immutable and `Sendable`: a source document's memo keeps it for every line and thread. A class:
/// each metric reads it from its text's lazy form, and a copy of a struct of five arrays retained
/// and released all five at every read.
final class WordVocabulary: Sendable {
    /// The reference's words.
    let words: ByteWords
    /// The number of each of the reference's words.
    let ids: [UInt32]
    /// How many distinct words the reference has.
    let count: Int
    /// The table's slots, then its places, in one array (one allocation, not two; the numbers, which
    /// TER takes as an array of their own, are the third). Per slot (`slotCount` of them, a power of
    /// two, at least twice the words): the upper half of the word's hash, then its number plus one
    /// (0: empty). Per number, after the slots: its first word, as its two byte offsets into
    /// `words.utf8` in one number (the start in the low half), then, for a word of up to eight bytes,
    /// its bytes as one number (`shortValue`), which a look-up compares with no read of the
    /// reference's bytes (room for every word's two). Empty when the words do not compare by bytes.
    private let table: [UInt64]
    private let slotCount: Int

    init(_ words: ByteWords) {
        self.words = words
        guard words.comparesByBytes else {
            // Numbered as strings, with the hypothesis's words, each time (`WordNumbering.ids`).
            (ids, count, table, slotCount) = ([], 0, [], 0)
            return
        }
        precondition(words.utf8.count <= Int(UInt32.max), "word offsets beyond 32 bits")
        var size = 16
        while size < 2 * words.count { size <<= 1 }
        // Both arrays made at their sizes (`Array(unsafeUninitializedCapacity:)` looks up their
        // storage's metadata every call) and written unchecked, with no test of uniqueness a word.
        var table = [UInt64](filledWith: 0, count: size + 2 * words.count), ids = [UInt32](filledWith: 0, count: words.count)
        var count = 0
        words.utf8.withUnsafeBufferPointer { bytes in
            table.withUnsafeMutableBufferPointer { table in
                ids.withUnsafeMutableBufferPointer { ids in
                    let slots = UnsafeMutableBufferPointer(start: table.baseAddress, count: size)
                    let places = UnsafeMutableBufferPointer(start: table.baseAddress! + size, count: table.count - size)
                    for (index, range) in words.ranges.enumerated() {
                        let (hash, value) = Self.hash(bytes, range)
                        let (id, slot) = Self.find(range, in: bytes, hash: hash, value: value, slots: UnsafeBufferPointer(slots),
                                                   places: UnsafeBufferPointer(places), bytes: bytes)
                        if let id {
                            ids[index] = id
                        } else {
                            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(count &+ 1)
                            places[2 &* count] = UInt64(range.lowerBound) | UInt64(range.upperBound) &<< 32
                            places[2 &* count &+ 1] = value
                            ids[index] = UInt32(count)
                            count &+= 1
                        }
                    }
                }
            }
        }
        (self.ids, self.count, self.table, self.slotCount) = (ids, count, table, size)
    }

    /// The number of the word at `range` of `wordBytes` (whose `hash` and `value` are `hash(_:_:)`'s)
    /// if the table has it, and the slot where the search for it ended (empty when it has not).
    @inline(__always)
    private static func find(_ range: Range<Int>, in wordBytes: UnsafeBufferPointer<UInt8>, hash: UInt64, value: UInt64,
                             slots: UnsafeBufferPointer<UInt64>, places: UnsafeBufferPointer<UInt64>,
                             bytes: UnsafeBufferPointer<UInt8>) -> (id: UInt32?, slot: Int) {
        let tag = hash & 0xFFFF_FFFF_0000_0000, mask = slots.count &- 1, length = range.count
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] & 0xFFFF_FFFF) &- 1
            if slots[slot] & 0xFFFF_FFFF_0000_0000 == tag {
                let offsets = places[2 &* id]
                let start = Int(truncatingIfNeeded: offsets & 0xFFFF_FFFF), end = Int(truncatingIfNeeded: offsets &>> 32)
                // A short word is its length and value (kept in the table); a longer one its bytes.
                if end &- start == length
                    && (length <= 8 ? places[2 &* id &+ 1] == value
                        : ByteWordTable.equal(UnsafeBufferPointer(rebasing: bytes[start..<end]),
                                              UnsafeBufferPointer(rebasing: wordBytes[range]))) {
                    return (UInt32(id), slot)
                }
            }
            slot = (slot &+ 1) & mask
        }
        return (nil, slot)
    }

    /// The hash of the word at `range` of `bytes` and, for a word of up to eight bytes (most words),
    /// its bytes as one number (the first in the lowest bits): such a word is hashed by a few
    /// multiplications of that number, and compared by it (with its length), where the general hash
    /// (`ByteWordTable.hash`) reads its bytes by their count, in up to three loads, and mixes them. A
    /// table hashes all its words by this one function, and numbers the same words alike.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (hash: UInt64, value: UInt64) {
        let length = range.count
        guard length <= 8 else { return (ByteWordTable.hash(UnsafeBufferPointer(rebasing: bytes[range])), 0) }
        let value = shortValue(bytes, range.lowerBound, length)
        var hash = (value ^ UInt64(truncatingIfNeeded: length) &<< 59) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash &>> 32
        hash &*= 0xD6E8_FEB8_6659_FD93
        return (hash ^ hash &>> 29, value)
    }

    /// The `length` (at most 8) bytes at `start` of `bytes` as one number, the first in the lowest
    /// bits: one load of the eight bytes from `start`, or, near the end, of the last eight, shifted.
    @inline(__always)
    static func shortValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> UInt64 {
        let keep: UInt64 = length >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: length &* 8)) &- 1
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        if start &+ 8 <= bytes.count { return raw.loadUnaligned(fromByteOffset: start, as: UInt64.self) & keep }
        if bytes.count >= 8 {
            // The word lies in the last eight bytes, `skip` bytes in.
            let skip = start &- (bytes.count &- 8)
            return raw.loadUnaligned(fromByteOffset: bytes.count &- 8, as: UInt64.self) &>> UInt64(truncatingIfNeeded: skip &* 8) & keep
        }
        var value: UInt64 = 0
        for index in 0..<length { value |= UInt64(bytes[start &+ index]) &<< UInt64(truncatingIfNeeded: index &* 8) }
        return value
    }

    /// The numbers of `hypothesis`'s words, going on from the reference's (a word the reference has
    /// takes its number, another the next from `count` on); the reference's numbers; and how many
    /// distinct words the two have. `WordNumbering.ids` where the words do not compare by bytes.
    func ids(continuing hypothesis: ByteWords) -> (hypothesis: [UInt32], reference: [UInt32], count: Int) {
        withIDs(continuing: hypothesis) { hyp, ref, count in
            // The vocabulary's own numbers shared, unless the words were numbered again as strings.
            (Array(hyp), ids.withUnsafeBufferPointer { $0.baseAddress == ref.baseAddress } ? ids : Array(ref), count)
        }
    }

    /// `ids(continuing:)` handed to `body` in buffers, valid only while it runs: the hypothesis's
    /// numbers are written into the call's temporary memory (on the stack when small), with no array
    /// made, for the metrics that read them once (n-gram matches; TER's test of equal words).
    func withIDs<Result>(continuing hypothesis: ByteWords,
                         _ body: (_ hypothesis: UnsafeBufferPointer<UInt32>, _ reference: UnsafeBufferPointer<UInt32>, _ count: Int) -> Result)
        -> Result {
        withIDs(continuing: hypothesis, numberingNewWords: true, body)
    }

    /// `withIDs(continuing:)` with every word the reference lacks numbered alike, `count` (and the
    /// count of numbers one more where there is such a word), with no table of them made: what the
    /// metrics read of the numbers is only which of the hypothesis's words equal which of the
    /// reference's (chrF++'s and BLEU's n-gram matches, whose n-grams with a word the reference
    /// lacks match nothing however it is numbered; TER's edits and shifts, which compare a
    /// hypothesis's words with the reference's alone). A third of a version's words are such, and
    /// numbering them apart cost about a third of the numbering.
    func withReferenceIDs<Result>(continuing hypothesis: ByteWords,
                                  _ body: (_ hypothesis: UnsafeBufferPointer<UInt32>, _ reference: UnsafeBufferPointer<UInt32>,
                                           _ count: Int) -> Result)
        -> Result {
        withIDs(continuing: hypothesis, numberingNewWords: false, body)
    }

    /// `withIDs(continuing:)`, or `withReferenceIDs(continuing:)` where not `numberingNewWords`.
    @inline(__always)
    private func withIDs<Result>(continuing hypothesis: ByteWords, numberingNewWords: Bool,
                                 _ body: (_ hypothesis: UnsafeBufferPointer<UInt32>, _ reference: UnsafeBufferPointer<UInt32>,
                                          _ count: Int) -> Result)
        -> Result {
        guard slotCount != 0 && hypothesis.comparesByBytes else {
            let (hypothesisIDs, referenceIDs, count) = WordNumbering.ids(hypothesis, words)
            return hypothesisIDs.withUnsafeBufferPointer { hyp in
                referenceIDs.withUnsafeBufferPointer { ref in body(hyp, ref, count) }
            }
        }
        // The words the reference lacks are numbered in a table of the call's own: its places (two
        // per word), the numbers (two a slot's room) and its slots in one temporary allocation. The
        // slots are sized and cleared for those words alone, once the reference's table has found
        // the others (about two thirds of a version's words): clearing a table sized for every word
        // cost about as much as looking the words up. Till then each miss's two places hold its hash
        // and its word's index, read before the places are written.
        // The slots are a second temporary allocation, made once the misses are counted: a temporary
        // allocation is on the stack only up to 1,024 bytes (past that the runtime cannot tell on
        // this platform that the stack has room), which room for slots for every word passed in one
        // from 26 words on, and each went to the heap (~400 instructions).
        let wordCount = hypothesis.count
        // (No places where the new words are not numbered.)
        let idsStart = numberingNewWords ? 2 * wordCount : 0, slotsStart = idsStart + (wordCount + 1) / 2
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: slotsStart) { memory in
        hypothesis.utf8.withUnsafeBufferPointer { hypBytes in
        words.utf8.withUnsafeBufferPointer { refBytes in
        table.withUnsafeBufferPointer { table in
        self.ids.withUnsafeBufferPointer { refIDs in
            let slots = UnsafeBufferPointer(start: table.baseAddress, count: slotCount)
            let places = UnsafeBufferPointer(start: table.baseAddress! + slotCount, count: table.count - slotCount)
            let newPlaces = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: memory[..<idsStart]))
                .bindMemory(to: Int.self)
            let ids = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: memory[idsStart..<slotsStart]))
                .bindMemory(to: UInt32.self)
            var misses = 0
            for (index, range) in hypothesis.ranges.enumerated() {
                let (hash, value) = Self.hash(hypBytes, range)
                if let id = Self.find(range, in: hypBytes, hash: hash, value: value, slots: slots, places: places, bytes: refBytes).id {
                    ids[index] = id
                } else if !numberingNewWords {
                    ids[index] = UInt32(count)
                    misses &+= 1
                } else {
                    newPlaces[2 &* misses] = Int(truncatingIfNeeded: hash)
                    newPlaces[2 &* misses &+ 1] = index
                    misses &+= 1
                }
            }
            if !numberingNewWords {
                return body(UnsafeBufferPointer(rebasing: ids[..<wordCount]), refIDs, misses > 0 ? count + 1 : count)
            }
            var size = 16
            while size < 2 * misses { size <<= 1 }
            let newCount = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size) { newSlots in
                newSlots.initialize(repeating: 0)
                var newWords = ByteWordTable(hypBytes, UnsafeBufferPointer(start: nil, count: 0), slots: newSlots, places: newPlaces)
                hypothesis.ranges.withUnsafeBufferPointer { ranges in
                    for miss in 0..<misses {
                        // Read before `id` writes the places of its new word (at most the miss's own).
                        let hash = UInt64(truncatingIfNeeded: newPlaces[2 &* miss]), index = newPlaces[2 &* miss &+ 1]
                        ids[index] = UInt32(count) &+ newWords.id(text: 0, ranges[index], hash: hash)
                    }
                }
                return newWords.count
            }
            return body(UnsafeBufferPointer(rebasing: ids[..<wordCount]), refIDs, count + newCount)
        }
        }
        }
        }
        }
    }
}
