/// Distinct UTF-8 byte strings, numbered in the order they were added (their rows), with a hash
/// table that finds a string's row.
///
/// Made for the word lists' 376,000 distinct words: the words lie end to end in one byte buffer
/// instead of a String each, and a look-up hashes bytes instead of a String (SipHash after an NFC
/// check). Byte equality is String equality only between strings in NFC: `WordFrequencies` keeps both
/// sides so.
///
/// The table is megabytes large, so a look-up's cost is its cache misses: each slot holds its string's
/// first eight bytes, and a word of eight bytes or fewer (most words of a text) is found, or found
/// missing, with one.
struct ByteStringTable: Sendable {
    /// The strings given, end to end (a string given twice included): string `i`'s bytes are
    /// `bytes[bounds[i]..<bounds[i + 1]]`.
    private let bytes: [UInt8]
    private let bounds: [Int32]
    /// The first string given of each row.
    private let firstString: [Int32]
    /// Open addressing with linear probing.
    private let slots: [Slot]

    /// A string's place in the table.
    private struct Slot {
        /// The string's first eight bytes (see `head(of:)`).
        var head: UInt64 = 0
        /// The string's row + 1; 0 for an empty slot.
        var rowPlusOne: UInt32 = 0
        /// 24 bits of the string's hash, then its length (up to 255): see `check(_:hash:)`.
        var check: UInt32 = 0
    }

    /// The table of the distinct strings among those given (`bytes`, cut at `bounds`: string `i` is
    /// `bytes[bounds[i]..<bounds[i + 1]]`), and the row of each string given. Rows are numbered in
    /// the order of the strings' first appearance.
    ///
    /// Every string is hashed first, then placed in a tight loop: the half million placements in a
    /// table of megabytes each wait for memory, and that loop lets the processor wait for several at
    /// once (placing each word as it was read took three times as long).
    static func deduplicating(_ bytes: [UInt8], bounds: [Int32]) -> (table: ByteStringTable, rows: [Int32]) {
        let count = bounds.count - 1
        var hashes = [UInt64](repeating: 0, count: count)
        bytes.withUnsafeBufferPointer { bytes in
            for string in 0..<count {
                hashes[string] = hash(UnsafeBufferPointer(rebasing: bytes[Int(bounds[string])..<Int(bounds[string + 1])]))
            }
        }
        // A load of at most 0.9 (0.72 for the word lists, which list a fifth of their words twice).
        var size = 16
        while size * 9 < count * 10 { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        var rows = [Int32](repeating: 0, count: count)
        var firstString: [Int32] = []
        let mask = size - 1
        func range(of string: Int) -> Range<Int32> { bounds[string]..<bounds[string + 1] }
        bytes.withUnsafeBufferPointer { bytes in
            for string in 0..<count {
                let key = UnsafeBufferPointer(rebasing: bytes[Int(bounds[string])..<Int(bounds[string + 1])])
                let hash = hashes[string], head = head(of: key), check = check(key, hash: hash)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry.rowPlusOne == 0 {
                        rows[string] = Int32(firstString.count)
                        slots[slot] = Slot(head: head, rowPlusOne: UInt32(firstString.count + 1), check: check)
                        firstString.append(Int32(string))
                        break
                    }
                    let row = Int(entry.rowPlusOne) - 1
                    if entry.check == check && entry.head == head && tailsEqual(bytes, range(of: Int(firstString[row])), range(of: string)) {
                        rows[string] = Int32(row)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        return (ByteStringTable(bytes: bytes, bounds: bounds, firstString: firstString, slots: slots), rows)
    }

    private init(bytes: [UInt8], bounds: [Int32], firstString: [Int32], slots: [Slot]) {
        (self.bytes, self.bounds, self.firstString, self.slots) = (bytes, bounds, firstString, slots)
    }

    /// The number of distinct strings: rows `0..<count`.
    var count: Int { firstString.count }

    /// The bytes of `row`.
    func bytes(ofRow row: Int) -> ArraySlice<UInt8> {
        let string = Int(firstString[row])
        return bytes[Int(bounds[string])..<Int(bounds[string + 1])]
    }

    /// The string of `row`.
    func string(ofRow row: Int) -> String {
        String(decoding: bytes(ofRow: row), as: UTF8.self)
    }

    /// The row of `string` (compared byte by byte); nil when the table does not hold it.
    func row(of string: String) -> Int? {
        string.utf8.withContiguousStorageIfAvailable { row(of: $0) } ?? Array(string.utf8).withUnsafeBufferPointer { row(of: $0) }
    }

    /// The row of the string of `key`'s bytes; nil when the table does not hold it.
    func row(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        let head = Self.head(of: key), check = Self.check(key, hash: hash)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry.rowPlusOne == 0 { return nil }
            let row = Int(entry.rowPlusOne) - 1
            if entry.check == check && entry.head == head && (key.count <= 8 || tailEqual(key, row: row)) { return row }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `key`, whose first eight bytes are `row`'s, is `row`'s string (their lengths are
    /// checked up to 255 bytes only).
    private func tailEqual(_ key: UnsafeBufferPointer<UInt8>, row: Int) -> Bool {
        let string = Int(firstString[row])
        let start = Int(bounds[string]), end = Int(bounds[string + 1])
        return end - start == key.count && bytes.withUnsafeBufferPointer { bytes in
            UnsafeBufferPointer(rebasing: bytes[(start + 8)..<end]).elementsEqual(key[8...])
        }
    }

    /// Whether strings `a` and `b` of `bytes`, whose first eight bytes are equal, are equal.
    private static func tailsEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int32>, _ b: Range<Int32>) -> Bool {
        a.count == b.count && (a.count <= 8
            || bytes[Int(a.lowerBound + 8)..<Int(a.upperBound)].elementsEqual(bytes[Int(b.lowerBound + 8)..<Int(b.upperBound)]))
    }

    /// The first eight bytes of `key`, byte `i` in bits `8i..<8i + 8`, zeros after a shorter key.
    private static func head(of key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for (index, byte) in key.prefix(8).enumerated() { head |= UInt64(byte) << (8 * index) }
        return head
    }

    /// The high 24 bits of `hash`, then `key`'s length (255 for any longer): equal heads and checks
    /// are equal strings, but for bytes after the eighth.
    private static func check(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(min(key.count, 255))
    }

    /// FNV-1a over the bytes, then a multiply-xorshift so that the low bits (the slot) depend on every
    /// byte as much as the high ones (the check). Words are short: a byte at a time is fast enough.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        return hash ^ hash >> 33
    }
}
