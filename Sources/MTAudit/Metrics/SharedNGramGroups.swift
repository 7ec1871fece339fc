/// `SharedNGrams.matchLanes` by groups instead of a sort: for words (BLEU's and chrF++'s n-grams).
///
/// The positions of both sequences are split into groups that share their first element, then each
/// group into groups that share their second, and so on, order after order (a most-significant-first
/// radix partition): a group of order k is the positions of one k-gram, and adds the smaller of its
/// hypothesis and reference counts to order k's matches. A group that one sequence alone has can
/// match nothing more at the longer orders: it is dropped. A group of one position of each is
/// followed to its end directly. A sentence's words are mostly distinct, so after the first order
/// nearly every group is such a pair or is dropped, and the sort's passes over every position and
/// key at every order are not made. (The characters of a text and its version share most of their
/// n-grams, in large groups: there the sort and its one pass over runs cost less, and chrF's
/// characters keep `SharedNGrams`.) The same matches, order for order.
enum SharedNGramGroups {
    /// `SharedNGrams.matchLanes`: `hyp` and `ref` hold numbers below `alphabetSize`; lane k holds
    /// the matches of order k + 1, 0 past the maximum order.
    static func matchLanes(_ hyp: [UInt32], _ ref: [UInt32], alphabetSize: Int, maximumOrder: Int) -> SIMD8<UInt32> {
        hyp.withUnsafeBufferPointer { hyp in
            ref.withUnsafeBufferPointer { ref in
                matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder)
            }
        }
    }

    /// `matchLanes` of a sequence of `count` elements against itself, known from its length alone:
    /// every n-gram it has is matched, `count - n + 1` of order n (none past its length).
    static func sameSequenceLanes(_ count: Int, maximumOrder: Int) -> SIMD8<UInt32> {
        precondition(maximumOrder <= SIMD8<UInt32>.scalarCount, "orders beyond 8 are not supported")
        var lanes = SIMD8<UInt32>()
        for order in 1...max(1, maximumOrder) where order <= maximumOrder && count >= order {
            lanes[order - 1] = UInt32(count - order + 1)
        }
        return lanes
    }

    /// `matchLanes` of numbers the caller holds in buffers (a version's, numbered into temporary
    /// memory with no array made).
    static func matchLanes(_ hyp: UnsafeBufferPointer<UInt32>, _ ref: UnsafeBufferPointer<UInt32>,
                           alphabetSize: Int, maximumOrder: Int) -> SIMD8<UInt32> {
        precondition(maximumOrder <= SIMD8<UInt32>.scalarCount, "orders beyond 8 are not supported")
        if hyp.isEmpty || ref.isEmpty || maximumOrder < 1 { return SIMD8() }
        // Both sequences one after the other, each element plus one and each sequence followed by
        // `maximumOrder` times its padding (0 after the hypothesis, `alphabetSize + 1` after the
        // reference): an n-gram near a sequence's end reads its padding where it has no elements,
        // which no element and not the other's padding equals, so its group holds one sequence's
        // positions alone.
        let refStart = hyp.count + maximumOrder
        let paddedCount = refStart + ref.count + maximumOrder, total = hyp.count + ref.count
        let keys = alphabetSize + 2
        let groupCapacity = total / 2 + 1  // a group holds a position of each sequence at least
        // 64-bit: each key's counts (the hypothesis's in the low half, the reference's in the high
        // half), zero between groups. 32-bit: the padded sequences, the keys a group has, each
        // position's key in its group; and the positions and group ends of an order and of the next.
        let sequencesCount = paddedCount + keys + total, groupsCount = 2 * total + 2 * groupCapacity
        return withMemory(keys: keys, sequences: sequencesCount, groups: groupsCount) { tally, sequences, groupMemory in
            var next = 0
            func take(_ count: Int, _ memory: UnsafeMutablePointer<UInt32>) -> UnsafeMutablePointer<UInt32> {
                defer { next += count }
                return memory + next
            }
            let padded = take(paddedCount, sequences), present = take(keys, sequences), groupKeys = take(total, sequences)
            next = 0
            var positions = take(total, groupMemory), nextPositions = take(total, groupMemory)
            var ends = take(groupCapacity, groupMemory), nextEnds = take(groupCapacity, groupMemory)
            tally.initialize(repeating: 0, count: keys)
            let refOne: UInt64 = 1 << 32
            for index in 0..<hyp.count {
                let key = hyp[index] &+ 1
                padded[index] = key
                tally[Int(key)] &+= 1
            }
            (padded + hyp.count).initialize(repeating: 0, count: maximumOrder)
            for index in 0..<ref.count {
                let key = ref[index] &+ 1
                padded[refStart &+ index] = key
                tally[Int(key)] &+= refOne
            }
            (padded + refStart + ref.count).initialize(repeating: UInt32(truncatingIfNeeded: alphabetSize + 1), count: maximumOrder)
            var matched = SIMD8<UInt32>()
            let dropped = UInt64.max
            // Order 1: every key's counts at once; the groups of the keys both sequences have
            // (not the paddings'), their positions placed by key.
            var groups = 0, placed = 0, order1 = 0 as UInt32
            for key in 1...alphabetSize {
                let counts = tally[key]
                let hypCount = UInt32(truncatingIfNeeded: counts), refCount = UInt32(truncatingIfNeeded: counts >> 32)
                let shared = min(hypCount, refCount)
                order1 &+= shared
                if shared > 0 && maximumOrder > 1 {
                    tally[key] = UInt64(placed)
                    placed &+= Int(hypCount &+ refCount)
                    ends[groups] = UInt32(truncatingIfNeeded: placed)
                    groups &+= 1
                } else {
                    tally[key] = dropped
                }
            }
            matched[0] = order1
            if groups > 0 {
                for index in 0..<hyp.count {
                    let key = Int(padded[index]), place = tally[key]
                    if place != dropped { positions[Int(place)] = UInt32(truncatingIfNeeded: index); tally[key] = place &+ 1 }
                }
                for index in refStart..<refStart + ref.count {
                    let key = Int(padded[index]), place = tally[key]
                    if place != dropped { positions[Int(place)] = UInt32(truncatingIfNeeded: index); tally[key] = place &+ 1 }
                }
            }
            tally.update(repeating: 0, count: keys)
            // Each order's groups (of positions sharing `offset` elements) split by the element at `offset`.
            var offset = 1
            while offset < maximumOrder && groups > 0 {
                let keepsGroups = offset &+ 1 < maximumOrder
                var nextGroups = 0, written = 0, start = 0, sharedAtOffset = 0 as UInt32
                for group in 0..<groups {
                    let end = Int(ends[group])
                    defer { start = end }
                    if end &- start == 2 {
                        // One position of each: they share n-grams as far as their elements agree.
                        let first = Int(positions[start]), second = Int(positions[start &+ 1])
                        var order = offset
                        while order < maximumOrder && padded[first &+ order] == padded[second &+ order] {
                            matched[order] &+= 1
                            order &+= 1
                        }
                        continue
                    }
                    // Each key's counts, and the keys present, in order of first appearance.
                    var kinds = 0
                    for index in start..<end {
                        let position = Int(positions[index])
                        let key = padded[position &+ offset]
                        groupKeys[index] = key
                        if tally[Int(key)] == 0 { present[kinds] = key; kinds &+= 1 }
                        tally[Int(key)] &+= position < refStart ? 1 : refOne
                    }
                    // Each key's matches; where the next order can match, where its positions go.
                    var keeps = false
                    for kind in 0..<kinds {
                        let key = Int(present[kind])
                        let counts = tally[key]
                        let hypCount = UInt32(truncatingIfNeeded: counts), refCount = UInt32(truncatingIfNeeded: counts >> 32)
                        let shared = min(hypCount, refCount)
                        sharedAtOffset &+= shared
                        if shared > 0 && keepsGroups {
                            tally[key] = UInt64(written)
                            written &+= Int(hypCount &+ refCount)
                            nextEnds[nextGroups] = UInt32(truncatingIfNeeded: written)
                            nextGroups &+= 1
                            keeps = true
                        } else {
                            tally[key] = dropped
                        }
                    }
                    if keeps {
                        for index in start..<end {
                            let key = Int(groupKeys[index]), place = tally[key]
                            if place != dropped {
                                nextPositions[Int(place)] = positions[index]
                                tally[key] = place &+ 1
                            }
                        }
                    }
                    for kind in 0..<kinds { tally[Int(present[kind])] = 0 }
                }
                matched[offset] &+= sharedAtOffset
                swap(&positions, &nextPositions)
                swap(&ends, &nextEnds)
                groups = nextGroups
                offset &+= 1
            }
            return matched
        }
    }

    /// Temporary memory for `matchLanes`: room for `keys` 64-bit counts, and for `sequences` and
    /// `groups` 32-bit numbers, handed to `body`. One allocation where it is on the stack, else three:
    /// a temporary allocation is on the stack only up to 1,024 bytes (past that the runtime cannot
    /// tell on this platform that the stack has room), which most sentences' words passed in one,
    /// and each went to the heap (~400 instructions); in three, a sentence's are on the stack.
    @inline(__always)
    private static func withMemory<Result>(keys: Int, sequences: Int, groups: Int,
                                           _ body: (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt32>,
                                                    UnsafeMutablePointer<UInt32>) -> Result) -> Result {
        let byteCount = 8 * keys + 4 * (sequences + groups)
        if byteCount <= 1024 {
            return withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 8) { raw in
                let narrow = (raw.baseAddress! + 8 * keys).bindMemory(to: UInt32.self, capacity: sequences + groups)
                return body(raw.baseAddress!.bindMemory(to: UInt64.self, capacity: keys), narrow, narrow + sequences)
            }
        }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: keys) { tally in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: sequences) { sequenceMemory in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: groups) { groupMemory in
                    body(tally.baseAddress!, sequenceMemory.baseAddress!, groupMemory.baseAddress!)
                }
            }
        }
    }
}
