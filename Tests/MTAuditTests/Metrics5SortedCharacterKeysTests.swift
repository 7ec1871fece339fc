@testable import MTAudit
import Testing

/// chrF's character matches counted from a reference's keys sorted once and a hypothesis's sorted on
/// their own (`SortedCharacterKeys`) are those the radix sort of both counts (`SharedNGrams`) and
/// those a dictionary of n-grams counts.
@Suite("Sorted character keys")
struct Metrics5SortedCharacterKeysTests {
    private static func lanes(_ hyp: [UInt32], _ ref: [UInt32], referenceAlphabet: Int, alphabetSize: Int,
                              maximumOrder: Int) -> SIMD8<UInt32>? {
        guard let keys = SortedCharacterKeys(reference: ref, alphabetSize: referenceAlphabet) else { return nil }
        return hyp.withUnsafeBufferPointer { keys.matchLanes($0, alphabetSize: alphabetSize, maximumOrder: maximumOrder) }
    }

    @Test("Matches of every order as the sort and a dictionary count them: small and large alphabets, short and long texts")
    func matches() throws {
        var generator = SplitMix(seed: 11)
        for round in 0..<4000 {
            // Small alphabets make large buckets (sorted by their next digit), large ones long keys apart.
            let referenceAlphabet = [Int.random(in: 1...8, using: &generator), Int.random(in: 9...60, using: &generator),
                                     Int.random(in: 200...1000, using: &generator)][round % 3]
            // The hypothesis's own characters are numbered on from the reference's.
            let alphabetSize = referenceAlphabet + Int.random(in: 0...(round % 3 == 2 ? 22 : 5), using: &generator)
            let maximumOrder = Int.random(in: 1...6, using: &generator)
            let longest = round % 5 == 0 ? 1000 : 40
            func sequence(_ alphabet: Int) -> [UInt32] {
                (0..<Int.random(in: 0...longest, using: &generator)).map { _ in
                    // Skewed: a few common elements, as letters are.
                    UInt32.random(in: 0..<UInt32(Bool.random(using: &generator) ? min(3, alphabet) : alphabet), using: &generator)
                }
            }
            let ref = sequence(referenceAlphabet)
            // Often the hypothesis is the reference edited: long shared n-grams.
            var hyp = Bool.random(using: &generator) ? ref : sequence(alphabetSize)
            if !hyp.isEmpty && Bool.random(using: &generator) {
                hyp[Int.random(in: 0..<hyp.count, using: &generator)] = UInt32(alphabetSize - 1)
            }
            let lanes = try #require(Self.lanes(hyp, ref, referenceAlphabet: referenceAlphabet, alphabetSize: alphabetSize,
                                                maximumOrder: maximumOrder))
            #expect(lanes == SharedNGrams.matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder),
                    "\(hyp) \(ref) \(alphabetSize) \(maximumOrder)")
            if longest == 40 {
                #expect((0..<maximumOrder).map { Int(lanes[$0]) } == SharedNGramsTests.plainMatches(hyp, ref, maximumOrder: maximumOrder))
            }
        }
    }

    @Test("Runs of one element and texts ending alike, every order")
    func repeats() throws {
        for maximumOrder in 1...6 {
            let hyp = [UInt32](repeating: 2, count: 50) + [0, 1], ref = [UInt32](repeating: 2, count: 37) + [1, 2, 2, 0, 1]
            let lanes = try #require(Self.lanes(hyp, ref, referenceAlphabet: 3, alphabetSize: 3, maximumOrder: maximumOrder))
            #expect(lanes == SharedNGrams.matchLanes(hyp, ref, alphabetSize: 3, maximumOrder: maximumOrder))
        }
    }

    @Test("An empty reference, or an empty hypothesis, matches nothing")
    func empty() throws {
        #expect(try #require(Self.lanes([0, 1], [], referenceAlphabet: 0, alphabetSize: 2, maximumOrder: 6)) == SIMD8())
        #expect(try #require(Self.lanes([], [0, 1], referenceAlphabet: 2, alphabetSize: 2, maximumOrder: 6)) == SIMD8())
    }

    @Test("No keys where the digits do not fit, or the texts are long")
    func declines() {
        #expect(SortedCharacterKeys(reference: [0, 1], alphabetSize: 1023) == nil)
        #expect(Self.lanes([0, 1], [1, 0], referenceAlphabet: 2, alphabetSize: 1023, maximumOrder: 6) == nil)
        #expect(Self.lanes([0, 1], [1, 0], referenceAlphabet: 2, alphabetSize: 1022, maximumOrder: 6) != nil)
        let long = [UInt32](repeating: 0, count: SortedCharacterKeys.maximumPositions / 2)
        #expect(Self.lanes(long, long, referenceAlphabet: 1, alphabetSize: 1, maximumOrder: 6) == nil)
        #expect(Self.lanes(long, Array(long.dropLast()), referenceAlphabet: 1, alphabetSize: 1, maximumOrder: 6) != nil)
    }
}
