@testable import MTAudit
import Testing

/// chrF's character matches of long texts from a reference's keys sorted once
/// (`SortedCharacterKeys.longMatchLanes`: the hypothesis's keys sorted by radix passes, the runs
/// counted block by block) are those the radix sort of both texts counts (`SharedNGrams`); and the
/// keys the passes sort (`radixSortedKeys`) are those a plain sort gives.
@Suite("Long character keys")
struct Metrics10LongCharacterKeysTests {
    /// The keys of `numbers` as the type documents them, made one by one and sorted by the library.
    private static func plainKeys(_ numbers: [UInt32], padding: UInt64, side: UInt64) -> [UInt64] {
        numbers.indices.map { index in
            var key: UInt64 = side
            for place in 0..<6 {
                let digit = index + place < numbers.count ? UInt64(numbers[index + place]) + 1 : padding
                key |= digit << UInt64(54 - 10 * place)
            }
            return key
        }.sorted()
    }

    /// A sequence of `count` numbers below `alphabet`, skewed (a few common ones, as letters are).
    private static func sequence(_ count: Int, _ alphabet: Int, using generator: inout SplitMix) -> [UInt32] {
        (0..<count).map { _ in
            UInt32.random(in: 0..<UInt32(Bool.random(using: &generator) ? min(3, alphabet) : alphabet), using: &generator)
        }
    }

    /// `longMatchLanes`, or nil where the keys decline.
    private static func longLanes(_ hyp: [UInt32], _ ref: [UInt32], referenceAlphabet: Int, alphabetSize: Int,
                                  maximumOrder: Int) -> SIMD8<UInt32>? {
        guard let keys = SortedCharacterKeys(reference: ref, alphabetSize: referenceAlphabet) else { return nil }
        return hyp.withUnsafeBufferPointer { keys.longMatchLanes($0, alphabetSize: alphabetSize, maximumOrder: maximumOrder) }
    }

    @Test("Radix-sorted keys are the plain sort's, for either side and padding")
    func radixSortedKeys() {
        var generator = SplitMix(seed: 101)
        for round in 0..<300 {
            let alphabet = [Int.random(in: 1...4, using: &generator), Int.random(in: 5...80, using: &generator),
                            Int.random(in: 300...1022, using: &generator)][round % 3]
            let numbers = Self.sequence(Int.random(in: 0...(round % 7 == 0 ? 3000 : 60), using: &generator), alphabet, using: &generator)
            for (padding, side) in [(UInt64(0), UInt64(0)), (UInt64(1023), UInt64(1))] {
                let sorted = numbers.withUnsafeBufferPointer { numbers in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * numbers.count) { memory in
                        Array(SortedCharacterKeys.radixSortedKeys(of: numbers, padding: padding, side: side,
                                                                  alphabetSize: alphabet, in: memory))
                    }
                }
                #expect(sorted == Self.plainKeys(numbers, padding: padding, side: side), "\(numbers) \(alphabet)")
            }
        }
    }

    @Test("A long reference's keys (sorted by the passes) are those of a plain sort")
    func longReference() throws {
        var generator = SplitMix(seed: 102)
        for alphabet in [1, 2, 7, 60, 900] {
            let count = SortedCharacterKeys.radixSortedCount + Int.random(in: 0...5000, using: &generator)
            let numbers = Self.sequence(count, alphabet, using: &generator)
            let keys = try #require(SortedCharacterKeys(reference: numbers, alphabetSize: alphabet))
            #expect(Array(keys.keys) == Self.plainKeys(numbers, padding: 1023, side: 1))
        }
    }

    @Test("Matches of every order as the sort of both counts them: short, long and very long texts")
    func matches() throws {
        var generator = SplitMix(seed: 103)
        for round in 0..<600 {
            let referenceAlphabet = [Int.random(in: 1...8, using: &generator), Int.random(in: 9...90, using: &generator),
                                     Int.random(in: 200...1000, using: &generator)][round % 3]
            let alphabetSize = referenceAlphabet + Int.random(in: 0...(round % 3 == 2 ? 22 : 5), using: &generator)
            let maximumOrder = Int.random(in: 1...6, using: &generator)
            // Past 2¹⁵ positions the runs are counted block by block, deeper the smaller the alphabet.
            let longest = [60, 3000, 40_000][round % 3 == 2 ? 1 : round % 10 == 0 ? 2 : round % 2]
            let ref = Self.sequence(Int.random(in: 0...longest, using: &generator), referenceAlphabet, using: &generator)
            // Often the hypothesis is the reference edited: long shared n-grams.
            var hyp = Bool.random(using: &generator) ? ref : Self.sequence(Int.random(in: 0...longest, using: &generator), alphabetSize,
                                                                           using: &generator)
            for _ in 0..<Int.random(in: 0...3, using: &generator) where !hyp.isEmpty {
                hyp[Int.random(in: 0..<hyp.count, using: &generator)] = UInt32(alphabetSize - 1)
            }
            let lanes = try #require(Self.longLanes(hyp, ref, referenceAlphabet: referenceAlphabet, alphabetSize: alphabetSize,
                                                    maximumOrder: maximumOrder))
            #expect(lanes == SharedNGrams.matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder),
                    "\(hyp.count) \(ref.count) \(alphabetSize) \(maximumOrder)")
        }
    }

    @Test("One element repeated past 2¹⁵ positions: blocks alike in all six digits")
    func repeats() throws {
        for maximumOrder in 1...6 {
            let hyp = [UInt32](repeating: 0, count: 40_000) + [1, 0], ref = [UInt32](repeating: 0, count: 30_000) + [1, 0, 0, 1]
            let lanes = try #require(Self.longLanes(hyp, ref, referenceAlphabet: 2, alphabetSize: 2, maximumOrder: maximumOrder))
            #expect(lanes == SharedNGrams.matchLanes(hyp, ref, alphabetSize: 2, maximumOrder: maximumOrder))
        }
    }

    @Test("Empty texts match nothing; alphabets past the digits decline")
    func edges() throws {
        #expect(try #require(Self.longLanes([0, 1], [], referenceAlphabet: 0, alphabetSize: 2, maximumOrder: 6)) == SIMD8())
        #expect(try #require(Self.longLanes([], [0, 1], referenceAlphabet: 2, alphabetSize: 2, maximumOrder: 6)) == SIMD8())
        #expect(Self.longLanes([0, 1], [1, 0], referenceAlphabet: 2, alphabetSize: 1023, maximumOrder: 6) == nil)
    }
}
