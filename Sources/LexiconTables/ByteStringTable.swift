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
///
/// Every part is a `Blob` of septets (but the strings, which are UTF-8 already), so that the built-in
/// table is compiled in and read in place (see `Blob`).
public struct ByteStringTable: Sendable, Equatable {
    /// The distinct strings end to end, in row order: row `r`'s bytes are
    /// `bytes[bounds[r]..<bounds[r + 1]]`.
    public let bytes: Blob
    /// `count + 1` offsets into `bytes`, four septets each.
    public let bounds: Blob
    /// Open addressing with linear probing, a power of two of slots of `slotSize` bytes: the string's
    /// first eight bytes spread over ten (see `spreadHead(of:)`), its row + 1 in four septets (0 for an
    /// empty slot), then its check in two (see `check(_:hash:)`).
    public let slots: Blob

    public static let slotSize = 16

    /// The number of distinct strings: rows `0..<count`.
    public let count: Int
    @usableFromInline let mask: Int

    /// The table of the given parts, as `parts` lists them.
    public init(bytes: Blob, bounds: Blob, slots: Blob) {
        (self.bytes, self.bounds, self.slots) = (bytes, bounds, slots)
        count = bounds.count / 4 - 1
        let slotCount = slots.count / Self.slotSize
        precondition(count >= 0 && slotCount > count && slotCount & (slotCount - 1) == 0, "not the parts of a table")
        mask = slotCount - 1
    }

    /// The parts of the table, in the order `init(bytes:bounds:slots:)` takes them.
    public var parts: [Blob] { [bytes, bounds, slots] }

    /// The table of the distinct strings among those given (`bytes`, cut at `bounds`: string `i` is
    /// `bytes[bounds[i]..<bounds[i + 1]]`), and the row of each string given. Rows are numbered in
    /// the order of the strings' first appearance.
    ///
    /// Every string is hashed first, then placed in a tight loop: the half million placements in a
    /// table of megabytes each wait for memory, and that loop lets the processor wait for several at
    /// once (placing each word as it was read took three times as long).
    ///
    /// The table has slots for a load of at most 0.9 of the distinct strings (0.72 for the word lists):
    /// when strings are given twice, the distinct ones are placed again in a smaller table.
    public static func deduplicating(_ bytes: [UInt8], bounds: [Int32]) -> (table: ByteStringTable, rows: [Int32]) {
        let (table, rows) = placing(bytes, bounds: bounds)
        guard slotCount(for: table.count) < table.slots.count / slotSize else { return (table, rows) }
        let distinct = Array(table.bytes.buffer)
        let distinctBounds = (0...table.count).map { Int32(Septets.read4(table.bounds.base + 4 * $0)) }
        return (placing(distinct, bounds: distinctBounds).table, rows)
    }

    /// The number of slots for `count` strings: a power of two, for a load of at most 0.9.
    private static func slotCount(for count: Int) -> Int {
        var size = 16
        while size * 9 < count * 10 { size *= 2 }
        return size
    }

    /// `deduplicating(_:bounds:)` in a table with room for every string given.
    private static func placing(_ bytes: [UInt8], bounds: [Int32]) -> (table: ByteStringTable, rows: [Int32]) {
        let count = bounds.count - 1
        var hashes = [UInt64](repeating: 0, count: count)
        bytes.withUnsafeBufferPointer { bytes in
            for string in 0..<count {
                hashes[string] = hash(UnsafeBufferPointer(rebasing: bytes[Int(bounds[string])..<Int(bounds[string + 1])]))
            }
        }
        let size = slotCount(for: count)
        var slots = [UInt8](repeating: 0, count: size * slotSize)
        var rows = [Int32](repeating: 0, count: count)
        var firstString: [Int32] = []
        let mask = size - 1
        func range(of string: Int) -> Range<Int32> { bounds[string]..<bounds[string + 1] }
        bytes.withUnsafeBufferPointer { bytes in
            slots.withUnsafeMutableBytes { slots in
                for string in 0..<count {
                    let key = UnsafeBufferPointer(rebasing: bytes[Int(bounds[string])..<Int(bounds[string + 1])])
                    let hash = hashes[string], (low, high) = spreadHead(of: key), check = check(key.count, hash: hash)
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let entry = slots.baseAddress! + slot * slotSize
                        let rowPlusOne = Septets.read4(entry + 10)
                        if rowPlusOne == 0 {
                            rows[string] = Int32(firstString.count)
                            entry.storeBytes(of: low.littleEndian, as: UInt64.self)
                            entry.storeBytes(of: high.littleEndian, toByteOffset: 8, as: UInt16.self)
                            var row: [UInt8] = []
                            Septets.append(UInt64(firstString.count + 1), width: 4, to: &row)
                            for (index, byte) in row.enumerated() { entry.storeBytes(of: byte, toByteOffset: 10 + index, as: UInt8.self) }
                            entry.storeBytes(of: check.littleEndian, toByteOffset: 14, as: UInt16.self)
                            firstString.append(Int32(string))
                            break
                        }
                        let row = Int(rowPlusOne) - 1
                        if matches(entry, low: low, high: high, check: check)
                            && tailsEqual(bytes, range(of: Int(firstString[row])), range(of: string)) {
                            rows[string] = Int32(row)
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        // The distinct strings alone, in row order.
        var distinct: [UInt8] = [], distinctBounds: [UInt64] = [0]
        distinct.reserveCapacity(bytes.count)
        for string in firstString {
            distinct.append(contentsOf: bytes[Int(bounds[Int(string)])..<Int(bounds[Int(string) + 1])])
            distinctBounds.append(UInt64(distinct.count))
        }
        let table = ByteStringTable(bytes: Blob(distinct), bounds: Blob(Septets.encode(distinctBounds, width: 4)), slots: Blob(slots))
        return (table, rows)
    }

    /// The bytes of `row`.
    @inlinable public func bytes(ofRow row: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(Septets.read4(bounds.base + 4 * row)), end = Int(Septets.read4(bounds.base + 4 * row + 4))
        return UnsafeBufferPointer(start: (bytes.base + start).assumingMemoryBound(to: UInt8.self), count: end - start)
    }

    /// The string of `row`.
    public func string(ofRow row: Int) -> String {
        String(decoding: bytes(ofRow: row), as: UTF8.self)
    }

    /// The row of `string` (compared byte by byte); nil when the table does not hold it.
    public func row(of string: String) -> Int? {
        string.utf8.withContiguousStorageIfAvailable { row(of: $0) } ?? Array(string.utf8).withUnsafeBufferPointer { row(of: $0) }
    }

    /// The row of the string of `key`'s bytes; nil when the table does not hold it.
    public func row(of key: UnsafeBufferPointer<UInt8>) -> Int? { row(of: key, hash: Self.hash(key)) }

    /// `row(of:)` of a key whose `hash(_:)` is `hash`.
    private func row(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let (low, high) = Self.spreadHead(of: key), check = Self.check(key.count, hash: hash)
        let slots = self.slots.base
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots + slot &* Self.slotSize
            let rowPlusOne = Septets.read4(entry + 10)
            if rowPlusOne == 0 { return nil }
            let row = Int(rowPlusOne) - 1
            if Self.matches(entry, low: low, high: high, check: check) && (key.count <= 8 || tailEqual(key, row: row)) { return row }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the slot at `entry` holds the spread head and the check given.
    private static func matches(_ entry: UnsafeRawPointer, low: UInt64, high: UInt16, check: UInt16) -> Bool {
        UInt16(littleEndian: entry.loadUnaligned(fromByteOffset: 14, as: UInt16.self)) == check
            && UInt64(littleEndian: entry.loadUnaligned(as: UInt64.self)) == low
            && UInt16(littleEndian: entry.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) == high
    }

    /// Whether `key`, whose first eight bytes are `row`'s, is `row`'s string.
    private func tailEqual(_ key: UnsafeBufferPointer<UInt8>, row: Int) -> Bool {
        let string = bytes(ofRow: row)
        return string.count == key.count && string[8...].elementsEqual(key[8...])
    }

    /// Whether strings `a` and `b` of `bytes`, whose first eight bytes are equal, are equal.
    private static func tailsEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int32>, _ b: Range<Int32>) -> Bool {
        a.count == b.count && (a.count <= 8
            || bytes[Int(a.lowerBound + 8)..<Int(a.upperBound)].elementsEqual(bytes[Int(b.lowerBound + 8)..<Int(b.upperBound)]))
    }

    /// The first eight bytes of `key` (byte `i` in bits `8i..<8i + 8`, zeros after a shorter key), as
    /// a slot holds them: the low 56 bits spread over eight septets, the high 8 over two.
    private static func spreadHead(of key: UnsafeBufferPointer<UInt8>) -> (low: UInt64, high: UInt16) {
        var head: UInt64 = 0
        for (index, byte) in key.prefix(8).enumerated() { head |= UInt64(byte) << (8 * index) }
        let top = head >> 56
        return (Septets.spread56(head), UInt16(top & 0x7F) | UInt16(top >> 7) << 8)
    }

    /// `key`'s length (127 for any longer), then seven bits of its hash: equal heads and checks are
    /// equal strings, but for bytes after the eighth.
    private static func check(_ length: Int, hash: UInt64) -> UInt16 {
        UInt16(min(length, 127)) | UInt16(truncatingIfNeeded: hash >> 57) << 8
    }

    /// FNV-1a over the bytes, then a multiply-xorshift so that the low bits (the slot) depend on every
    /// byte as much as the high ones (the check). Words are short: a byte at a time is fast enough.
    public static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        return hash ^ hash >> 33
    }
}
