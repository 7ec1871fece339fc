/// A reference's character n-grams for chrF sorted once, so that each hypothesis sorts its own alone:
/// `SharedNGrams.matchLanes` of a hypothesis against the reference, the same matches order for order.
///
/// Why: the radix sort of `SharedNGrams` sorts the positions of both texts together, six passes
/// over every position for each version, though the reference's half is the same for every version
/// of a source. Here each position's n-gram of up to six characters is packed into a 64-bit key,
/// its numbers plus one as digits of 10 bits from the top, so that keys sort as the n-grams do, and
/// two neighbours share as many leading characters as their keys have leading zero bits in common,
/// divided by 10. The reference's keys are sorted when its text is prepared (kept in its document's
/// memo, for every version); a hypothesis's keys are sorted on their own, and the two sorted runs are
/// merged while the runs of equal n-grams are counted, as `SharedNGrams.countRuns16` counts them.
///
/// Where a sequence ends, its n-grams read a padding digit (0 in the hypothesis, 1023 in the
/// reference), which no character's digit and not the other's padding equals: as `SharedNGrams`
/// pads, no n-gram that runs into a padding is shared. Bit 0 of a key marks the reference's.
/// Applies to alphabets of up to 1,022 characters (the two texts' distinct ones); elsewhere nil, and
/// the caller sorts (`SharedNGrams`). Texts of fewer than `maximumPositions` positions sort the
/// hypothesis bucket by bucket (`matchLanes`), longer ones by radix passes (`longMatchLanes`).
struct SortedCharacterKeys: Sendable {
    /// The digits of a key: six orders of 10 bits, from the top.
    static let orders = 6
    private static let bits = 10
    private static let top = UInt64(64 - bits)
    private static let keyMask: UInt64 = ~0 << UInt64(64 - orders * bits)
    private static let referencePadding: UInt64 = 1 << UInt64(bits) - 1
    /// The most characters a numbering may have: every number plus one below the reference's padding.
    static let maximumAlphabet = Int(referencePadding) - 1
    /// The most positions of both texts matched by sorting the hypothesis's keys bucket by bucket
    /// (`matchLanes`); from here on the hypothesis's keys are sorted by radix passes and merged with
    /// the reference's block by block (`longMatchLanes`), since a long text's buckets are large at
    /// every digit. (Below 2¹⁵, so that the short path's counts fit 16 bits.)
    static let maximumPositions = 1 << 12
    /// From this many characters on, a reference's keys are sorted by `radixSortedKeys` (six passes
    /// over every key), not bucket by bucket: a long text's buckets are large at every digit (a 100×
    /// article's 250,000 characters: ~160 instructions a key by buckets, ~70 by the passes).
    static let radixSortedCount = 1 << 10
    /// Buckets of up to this many keys are sorted by insertion.
    private static let insertionLimit = 16

    /// The reference's keys, sorted (bit 0 set), then `end`: the merge of two runs of keys reads
    /// the key after each run's last with no test of where the run ends (`countRuns`).
    private let keysThenEnd: [UInt64]
    /// Greater than every key (whose lowest bits but the side's are 0).
    private static let end = UInt64.max
    /// The reference's keys, sorted (bit 0 set).
    var keys: ArraySlice<UInt64> { keysThenEnd.dropLast() }

    /// The keys of `reference`'s characters (numbers below `alphabetSize`); nil where the alphabet is
    /// too large for the digits.
    init?(reference: [UInt32], alphabetSize: Int) {
        guard alphabetSize <= Self.maximumAlphabet else { return nil }
        var keys = [UInt64](filledWith: Self.end, count: reference.count + 1)
        if reference.count >= Self.radixSortedCount {
            keys.withUnsafeMutableBufferPointer { keys in
                reference.withUnsafeBufferPointer { reference in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * reference.count) { memory in
                        let sorted = Self.radixSortedKeys(of: reference, padding: Self.referencePadding, side: 1,
                                                          alphabetSize: alphabetSize, in: memory)
                        _ = UnsafeMutableBufferPointer(rebasing: keys[..<sorted.count]).update(fromContentsOf: sorted)
                    }
                }
            }
            keysThenEnd = keys
            return
        }
        keys.withUnsafeMutableBufferPointer { keys in
            reference.withUnsafeBufferPointer { reference in
                Self.sortedKeys(of: reference, padding: Self.referencePadding, side: 1, alphabetSize: alphabetSize,
                                into: UnsafeMutableBufferPointer(rebasing: keys[..<reference.count]))
            }
        }
        keysThenEnd = keys
    }

    /// `SharedNGrams.matchLanes(hypothesis, reference, alphabetSize:maximumOrder:)` of the reference
    /// these keys are of, for orders up to 6; nil where the alphabet or the count of positions is
    /// too large (see the type).
    func matchLanes(_ hypothesis: UnsafeBufferPointer<UInt32>, alphabetSize: Int, maximumOrder: Int) -> SIMD8<UInt32>? {
        precondition(maximumOrder >= 1 && maximumOrder <= Self.orders)
        let refCount = keysThenEnd.count &- 1
        guard alphabetSize <= Self.maximumAlphabet, hypothesis.count + refCount < Self.maximumPositions else { return nil }
        if hypothesis.isEmpty || refCount == 0 { return SIMD8() }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: hypothesis.count + 1) { hypKeys in
            Self.sortedKeys(of: hypothesis, padding: 0, side: 0, alphabetSize: alphabetSize,
                            into: UnsafeMutableBufferPointer(rebasing: hypKeys[..<hypothesis.count]))
            hypKeys[hypothesis.count] = Self.end
            return keysThenEnd.withUnsafeBufferPointer { refKeys in
                Self.countRuns(hypKeys.baseAddress!, hypothesis.count, refKeys.baseAddress!, refCount, maximumOrder: maximumOrder)
            }
        }
    }

    /// `matchLanes` for texts of any length (nil only where the alphabet is too large): the
    /// hypothesis's keys sorted by their digits from the last (`radixSortedKeys`), with no bucket
    /// sorted on its own, and the merged runs counted block by block (`blockMatches`), in 16-bit
    /// lanes where a block holds fewer than 2¹⁵ positions. For long texts (a 100× article's 250,000
    /// characters against its version's): the reference's n-grams are sorted once for every version,
    /// not once a version with the version's, and the runs are counted from the keys, with no reads
    /// of the characters at scattered positions.
    func longMatchLanes(_ hypothesis: UnsafeBufferPointer<UInt32>, alphabetSize: Int, maximumOrder: Int) -> SIMD8<UInt32>? {
        precondition(maximumOrder >= 1 && maximumOrder <= Self.orders)
        guard alphabetSize <= Self.maximumAlphabet else { return nil }
        let refCount = keysThenEnd.count &- 1
        if hypothesis.isEmpty || refCount == 0 { return SIMD8() }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * hypothesis.count + 1) { memory in
            // The sorted keys are the second half, then `end`.
            let hypKeys = Self.radixSortedKeys(of: hypothesis, padding: 0, side: 0, alphabetSize: alphabetSize,
                                               in: UnsafeMutableBufferPointer(rebasing: memory[..<(2 * hypothesis.count)]))
            memory[2 * hypothesis.count] = Self.end
            var matched = keysThenEnd.withUnsafeBufferPointer { refKeys in
                Self.blockMatches(hypKeys, UnsafeBufferPointer(rebasing: refKeys[..<refCount]), depth: 0)
            }
            matched.replace(with: 0, where: SIMD8<UInt32>(0, 1, 2, 3, 4, 5, 6, 7) .>= SIMD8(repeating: UInt32(truncatingIfNeeded: maximumOrder)))
            return matched
        }
    }

    /// The keys of `numbers` (below `alphabetSize`; a sequence's n-grams read `padding` digits past
    /// its end, and its keys have `side` in bit 0), sorted by a least-significant-digit radix sort,
    /// in `memory` (room for twice the numbers): the keys made from the last position back and put
    /// straight into the buckets of their last digit, then five stable passes over the keys, each by
    /// the digit before. Each pass reads and writes the keys in order and counts nothing: its
    /// buckets follow from one histogram of the numbers (the digit at place p of position i is the
    /// number at i + p, plus one, or the padding for the last p positions). The sorted keys: in the
    /// second half of `memory`.
    static func radixSortedKeys(of numbers: UnsafeBufferPointer<UInt32>, padding: UInt64, side: UInt64, alphabetSize: Int,
                                in memory: UnsafeMutableBufferPointer<UInt64>) -> UnsafeBufferPointer<UInt64> {
        let count = numbers.count
        var source = UnsafeMutableBufferPointer(rebasing: memory[0..<count])
        var target = UnsafeMutableBufferPointer(rebasing: memory[count..<2 &* count])
        // A digit's bucket is the digit itself, but the reference's padding's comes after every
        // number plus one. Where each bucket's next key goes (`next`) is kept by digit, the
        // padding's at the padding's digit too: every pass finds a key's place by its digit alone.
        let buckets = alphabetSize &+ 2, paddingBucket = padding == 0 ? 0 : buckets &- 1, paddingDigit = Int(padding)
        let digits = max(buckets, paddingDigit &+ 1)
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: buckets &+ digits) { tables in
            let histogram = UnsafeMutableBufferPointer(rebasing: tables[0..<buckets])
            let next = UnsafeMutableBufferPointer(rebasing: tables[buckets..<(buckets &+ digits)])
            histogram.update(repeating: 0)
            for number in numbers { histogram[Int(number) &+ 1] &+= 1 }
            /// Where each digit's bucket starts at `place`, in `next`.
            func starts(_ place: Int) {
                for bucket in 0..<buckets { next[bucket] = histogram[bucket] }
                let padded = min(place, count)
                for index in 0..<padded { next[Int(numbers[index]) &+ 1] &-= 1 }
                next[paddingBucket] &+= UInt32(truncatingIfNeeded: padded)
                var start: UInt32 = 0
                for bucket in 0..<buckets {
                    let size = next[bucket]
                    next[bucket] = start
                    start &+= size
                }
                next[paddingDigit] = next[paddingBucket]
            }
            // The last place: keys made and placed at once.
            let last = orders &- 1
            starts(last)
            var key: UInt64 = 0
            for place in 0..<orders { key |= padding << (top &- UInt64(place &* bits)) }
            // The last `last` positions read the padding at the last place; the others the number
            // `last` ahead (two loops, no test of which at each key).
            let elements = numbers.baseAddress!, keys = source.baseAddress!, padded = min(last, count)
            var index = count
            while index > count &- padded {
                index &-= 1
                key = (key >> UInt64(bits) | UInt64(elements[index] &+ 1) << top) & keyMask
                keys[Int(next[paddingDigit])] = key | side
                next[paddingDigit] &+= 1
            }
            while index > 0 {
                index &-= 1
                key = (key >> UInt64(bits) | UInt64(elements[index] &+ 1) << top) & keyMask
                let bucket = Int(elements[index &+ last]) &+ 1
                keys[Int(next[bucket])] = key | side
                next[bucket] &+= 1
            }
            for place in (0..<last).reversed() {
                starts(place)
                let shift = top &- UInt64(place &* bits)
                for key in source {
                    let digit = Int(truncatingIfNeeded: key >> shift & referencePadding)
                    target[Int(next[digit])] = key
                    next[digit] &+= 1
                }
                swap(&source, &target)
            }
            // Five passes after the first: the sorted keys are in the second half.
            return UnsafeBufferPointer(source)
        }
    }

    /// The matches of a block of keys (the hypothesis's and the reference's, sorted) that share their
    /// first `depth` digits, each followed by a greater key (the next block's, or `end`), lane k for
    /// order k + 1 (lanes past the sixth hold nothing of use): by
    /// `countRuns` when the block is under 2¹⁵ positions (its 16-bit counts cannot overflow), else
    /// as the sum of its sub-blocks by the next digit (found by binary search), but for the orders
    /// up to `depth`, whose one run is the whole block. Keys alike in every digit share every order.
    static func blockMatches(_ hyp: UnsafeBufferPointer<UInt64>, _ ref: UnsafeBufferPointer<UInt64>, depth: Int) -> SIMD8<UInt32> {
        if hyp.isEmpty || ref.isEmpty { return SIMD8() }
        if hyp.count &+ ref.count < 1 << 15 {
            return countRuns(hyp.baseAddress!, hyp.count, ref.baseAddress!, ref.count, maximumOrder: 8)
        }
        let whole = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: min(hyp.count, ref.count)))
        if depth >= orders { return whole }
        let shift = top &- UInt64(depth &* bits)
        var matched = SIMD8<UInt32>(), i = 0, j = 0
        while i < hyp.count || j < ref.count {
            // The next sub-block: the keys of the smallest digit at `depth` left.
            let prefix = min(i < hyp.count ? hyp[i] >> shift : .max, j < ref.count ? ref[j] >> shift : .max)
            func end(_ keys: UnsafeBufferPointer<UInt64>, from start: Int) -> Int {
                var low = start, high = keys.count
                while low < high {
                    let middle = (low &+ high) >> 1
                    if keys[middle] >> shift > prefix { high = middle } else { low = middle &+ 1 }
                }
                return low
            }
            let hypEnd = end(hyp, from: i), refEnd = end(ref, from: j)
            matched &+= blockMatches(UnsafeBufferPointer(rebasing: hyp[i..<hypEnd]), UnsafeBufferPointer(rebasing: ref[j..<refEnd]),
                                     depth: depth &+ 1)
            (i, j) = (hypEnd, refEnd)
        }
        for lane in 0..<depth { matched[lane] = whole[lane] }
        return matched
    }

    /// The keys of `numbers` (below `alphabetSize`), sorted, into `keys` (as many): a sequence's
    /// n-grams read `padding` digits past its end, and its keys have `side` in bit 0.
    ///
    /// Each key is made from the next position's, shifted down one digit with this position's number
    /// plus one on top, from the last position back, and put straight into the bucket of its first
    /// digit (counted first); then each bucket is sorted, by insertion when small, else by its next
    /// digit in turn (`sortBucket`).
    private static func sortedKeys(of numbers: UnsafeBufferPointer<UInt32>, padding: UInt64, side: UInt64,
                                   alphabetSize: Int, into keys: UnsafeMutableBufferPointer<UInt64>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: alphabetSize + 2) { next in
            // The first digit is a number plus one, 1...alphabetSize: where each one's bucket starts.
            next.update(repeating: 0)
            for number in numbers { next[Int(number) &+ 1] &+= 1 }
            var start: UInt32 = 0
            for digit in 0...alphabetSize {
                let count = next[digit]
                next[digit] = start
                start &+= count
            }
            var key: UInt64 = 0
            for place in 0..<orders { key |= padding << (top &- UInt64(place &* bits)) }
            for index in numbers.indices.reversed() {
                let digit = Int(numbers[index]) &+ 1
                key = (key >> UInt64(bits) | UInt64(digit) << top) & keyMask
                keys[Int(next[digit])] = key | side
                next[digit] &+= 1
            }
            // `next[digit]` is now where the digit's bucket ends.
            var low = 0
            for digit in 1..<(alphabetSize &+ 1) {
                let high = Int(next[digit])
                if high &- low > 1 { sortBucket(keys, low, high, depth: 1, alphabetSize: alphabetSize) }
                low = high
            }
        }
    }

    /// Sorts `keys[low..<high]`, which share their first `depth` digits: by insertion when they are
    /// few, else by a counting pass on the next digit and each new bucket in turn. A digit's bucket
    /// is the digit itself, but the reference's padding's comes after every number plus one.
    private static func sortBucket(_ keys: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int, depth: Int,
                                   alphabetSize: Int) {
        // Keys with every digit alike are equal but for their side, whose order counts for nothing.
        if depth >= orders { return }
        if high &- low <= insertionLimit {
            var index = low &+ 1
            while index < high {
                let key = keys[index]
                var hole = index
                while hole > low && keys[hole &- 1] > key {
                    keys[hole] = keys[hole &- 1]
                    hole &-= 1
                }
                keys[hole] = key
                index &+= 1
            }
            return
        }
        let shift = UInt64(64 &- (depth &+ 1) &* bits), buckets = alphabetSize &+ 2
        @inline(__always) func bucket(_ key: UInt64) -> Int {
            let digit = Int(key >> shift & referencePadding)
            return digit == Int(referencePadding) ? buckets &- 1 : digit
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: buckets) { next in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: high &- low) { scratch in
                next.update(repeating: 0)
                for index in low..<high { next[bucket(keys[index])] &+= 1 }
                var offset: UInt32 = 0
                for digit in 0..<buckets {
                    let count = next[digit]
                    next[digit] = offset
                    offset &+= count
                }
                for index in low..<high {
                    let key = keys[index], digit = bucket(key)
                    scratch[Int(next[digit])] = key
                    next[digit] &+= 1
                }
                for index in 0..<(high &- low) { keys[low &+ index] = scratch[index] }
                // `next[digit]` is now where the digit's bucket ends, from `low`.
                var start = low
                for digit in 0..<buckets {
                    let end = low &+ Int(next[digit])
                    if end &- start > 1 { sortBucket(keys, start, end, depth: depth &+ 1, alphabetSize: alphabetSize) }
                    start = end
                }
            }
        }
    }

    /// For each count of leading bits two keys share (0...64), the digits they share (at most 6) as
    /// the byte offset of that count's entry in `countRuns`'s table: one load at each key, not a
    /// division and a multiplication.
    private static let sharedDigitOffsets: [UInt8] = (0...64).map {
        UInt8(min($0 / bits, orders) * MemoryLayout<SIMD8<Int16>>.stride)
    }

    /// The matches of each order, from the two sorted runs merged, as `SharedNGrams.countRuns16`
    /// counts them in 16-bit lanes: the runs of the orders past the digits two neighbours share end there.
    ///
    /// The two runs (`hypCount` keys at `hyp`, `refCount` at `ref`, at least one each) are each
    /// followed by a key greater than every key of both (`end`, or the next block's): the merge
    /// takes the smaller of the two next keys, with no test of a run's end and no branch.
    private static func countRuns(_ hyp: UnsafePointer<UInt64>, _ hypCount: Int, _ ref: UnsafePointer<UInt64>, _ refCount: Int,
                                  maximumOrder: Int) -> SIMD8<UInt32> {
        typealias Counts = SIMD8<Int16>
        let lanes = Counts(0, 1, 2, 3, 4, 5, 6, 7)
        var hypInRun = Counts(), refInRun = Counts(), matched = Counts()
        // Looked up, not made at each position (a broadcast and a comparison; a branch): for each
        // count of shared digits (0...6) the lanes whose runs end (all bits set) and those that go
        // on; for each side (bit 0 of a key) what its key adds to the hypothesis's counts and to the
        // reference's. The count is not cut to the maximum order: the lanes past it, whose runs it
        // changes, are cleared at the end.
        let sides = orders &+ 1
        withUnsafeTemporaryAllocation(of: Counts.self, capacity: 2 * sides + 4) { table in
        Self.sharedDigitOffsets.withUnsafeBufferPointer { sharedDigitOffsets in
            let tableBytes = UnsafeRawPointer(table.baseAddress!), goingBytes = tableBytes + sides &* MemoryLayout<Counts>.stride
            for shared in 0..<sides {
                let ending = Counts(repeating: -1).replacing(with: 0, where: lanes .< Counts(repeating: Int16(shared)))
                table[shared] = ending
                table[sides &+ shared] = ~ending
            }
            let one = Counts(repeating: 1), increments = 2 &* sides
            (table[increments], table[increments &+ 1], table[increments &+ 2], table[increments &+ 3]) = (one, Counts(), Counts(), one)
            var i = 0, j = 0
            var previous = min(hyp[0], ref[0])
            for _ in 0..<(hypCount &+ refCount) {
                // (No two keys are equal: the side's bit tells a hypothesis's from a reference's.)
                let hypKey = hyp[i], refKey = ref[j]
                let fromHypothesis = hypKey < refKey
                let key = fromHypothesis ? hypKey : refKey
                i &+= fromHypothesis ? 1 : 0
                j &+= fromHypothesis ? 0 : 1
                // The digits the two keys share (the side's bit counts as none): 63 / 10 = 6 when all
                // do; looked up by the bits they share, as where its entries lie in the table.
                let offset = Int(sharedDigitOffsets[(previous ^ key).leadingZeroBitCount])
                let ending = tableBytes.load(fromByteOffset: offset, as: Counts.self)
                let going = goingBytes.load(fromByteOffset: offset, as: Counts.self)
                // (The smaller count written out, not `pointwiseMin`: a second caller of its specialization
                // made the compiler call it, not inline it, in `SharedNGrams.countRuns16` too.)
                matched &+= hypInRun.replacing(with: refInRun, where: refInRun .< hypInRun) & ending
                let side = increments &+ 2 &* Int(truncatingIfNeeded: key & 1)
                hypInRun = hypInRun & going &+ table[side]
                refInRun = refInRun & going &+ table[side &+ 1]
                previous = key
            }
        }
        }
        matched &+= hypInRun.replacing(with: refInRun, where: refInRun .< hypInRun)
        // The lanes past the maximum order counted runs of nothing.
        matched.replace(with: 0, where: lanes .>= Counts(repeating: Int16(truncatingIfNeeded: maximumOrder)))
        return SIMD8<UInt32>(truncatingIfNeeded: matched)
    }
}
