import Testing
@testable import MTAudit

@Suite("Numbering keys by their bytes")
struct KeyNumberingTests {
    @Test("Numbers are those a dictionary gives, in order of first appearance, through growth")
    func likeADictionary() {
        var generator = SplitMix(seed: 29)
        let letters = ["a", "b", "é", "ж", "的", "s", "'", "."]
        for round in 0..<50 {
            var numbering = KeyNumbering(capacity: round % 3 == 0 ? 0 : 8)
            var expected: [String: Int] = [:]
            for _ in 0..<(round * 7 % 300) {
                let key = (0..<Int.random(in: 0...4, using: &generator)).map { _ in letters.randomElement(using: &generator)! }.joined()
                let number = expected[key] ?? expected.count
                expected[key] = number
                #expect(numbering.number(key) == number, "\(key)")
            }
            #expect(numbering.keys.count == expected.count)
            for (key, number) in expected {
                #expect(numbering.number(of: key) == number)
                #expect(numbering.keys[number] == key)
            }
            #expect(numbering.number(of: "absent key") == nil)
            // A slice of a longer key's bytes, looked up with its hash, finds what its string finds.
            for key in expected.keys.shuffled(using: &generator).prefix(20) {
                let longer = Array((key + "xyz").utf8)
                for end in 0...longer.count {
                    let slice = String(decoding: longer[..<end], as: UTF8.self)
                    let found = longer.withUnsafeBufferPointer { bytes in
                        let part = UnsafeBufferPointer(rebasing: bytes[..<end])
                        return numbering.number(ofBytes: part, hash: FNV1a.hash(part))
                    }
                    #expect(found == numbering.number(of: slice), "\(slice)")
                }
            }
        }
    }

    @Test("Long keys, beyond a small string, compare by all their bytes")
    func longKeys() {
        var numbering = KeyNumbering()
        let long = String(repeating: "internationalization", count: 3)
        #expect(numbering.number(long) == 0)
        #expect(numbering.number(long + "s") == 1)
        #expect(numbering.number(String(long)) == 0)
        #expect(numbering.number(of: String(long.dropLast())) == nil)
    }
}
