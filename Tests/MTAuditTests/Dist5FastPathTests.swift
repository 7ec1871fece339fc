@testable import MTAudit
import Testing

@Suite("Dist5: distortion's numbering of token keys and its messages agree with the plain paths")
struct Dist5FastPathTests {
    /// Pieces of keys: plain ASCII and not (a full stop, a possessive, a carriage return, marks,
    /// other scripts), short and long, so that many keys share stems or bases.
    static let pieces = ["ap", "pro", "prov", "ed", "e", "al", "s", "'s", "'", ".", "\r", "é", "e\u{0301}", "ü", "ß", "ж", "中",
                         "😀", "x", "cat", "ca", "t", "over", "overall", "a", "in", "u.s", "ÀÉ", "longerthanfifteenbytes"]

    static func key(_ random: inout SplitMix) -> String {
        (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// `LinkKeys.number(baseOf:_:)` numbers a token's key by one pass over its bytes: it must give
    /// the numbers, keys and marks that numbering `base(key)` gives, and `has` the same answers.
    @Test("Numbering a token key is numbering its base")
    func numberingByTokenKeyIsNumberingItsBase() {
        var random = SplitMix(seed: 5_101)
        var plainLong = 0
        for _ in 0..<2_000 {
            let words = (0..<Int.random(in: 1...14, using: &random)).map { _ in
                (Self.key(&random), [DistortionDetector.Mark.version, DistortionDetector.Mark.source,
                                     DistortionDetector.Mark.others].randomElement(using: &random)!)
            }
            var fast = DistortionDetector.LinkKeys(capacity: Int.random(in: 0...4, using: &random))
            var plain = DistortionDetector.LinkKeys(capacity: 2)
            for (key, mark) in words {
                #expect(fast.number(baseOf: key, mark) == plain.number(base(key), mark), "\(key)")
            }
            #expect(fast.keys.count == plain.keys.count)
            for number in fast.keys.indices {
                #expect(KeyNumbering.equal(fast.key(number), plain.key(number)))
                let marks = DistortionDetector.Mark.version | DistortionDetector.Mark.source | DistortionDetector.Mark.others
                #expect(fast.marks[number] & marks == plain.marks[number] & marks)
                if fast.marks[number] & DistortionDetector.Mark.hasHead != 0 { plainLong += 1 }
            }
            for number in fast.keys.indices {
                for mark in [DistortionDetector.Mark.version, DistortionDetector.Mark.source, DistortionDetector.Mark.others] {
                    #expect(fast.has(mark, number) == plain.has(mark, number), "\(fast.key(number))")
                }
            }
        }
        #expect(plainLong > 1_000)
    }

    /// Two keys of the same bytes are the same by `KeyNumbering.equal` (which distortion's link keys
    /// compare by) however each string holds them, and keys of other bytes are not.
    @Test("Keys of the same bytes are the same however they are held")
    func sameKeysHoweverHeld() {
        var random = SplitMix(seed: 5_102)
        for _ in 0..<2_000 {
            let key = Self.key(&random), other = Self.key(&random)
            let copy = String(decoding: Array(key.utf8), as: UTF8.self)
            let roomy = String(unsafeUninitializedCapacity: key.utf8.count + 40) { output in
                _ = output.initialize(fromContentsOf: key.utf8)
                return key.utf8.count
            }
            #expect(KeyNumbering.equal(key, copy))
            #expect(KeyNumbering.equal(roomy, key))
            #expect(KeyNumbering.equal(key, other) == key.utf8.elementsEqual(other.utf8))
        }
    }

    @Test("A message joined into one allocation is the parts appended")
    func joinedIsAppended() {
        var random = SplitMix(seed: 5_103)
        for _ in 0..<1_000 {
            let parts = (0..<5).map { _ in Bool.random(using: &random) ? "" : Self.key(&random) + "“ ”" }
            let joined = DistortionDetector.joined(parts[0], parts[1], parts[2], parts[3], parts[4])
            #expect(Array(joined.utf8) == Array((parts[0] + parts[1] + parts[2] + parts[3] + parts[4]).utf8))
        }
        #expect(DistortionDetector.joined("a", "", "b") == "ab")
    }
}
