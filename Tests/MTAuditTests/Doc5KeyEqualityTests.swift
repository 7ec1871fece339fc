@testable import MTAudit
import Testing

@Suite("Keys compared by their bytes in line")
struct Doc5KeyEqualityTests {
    /// Keys of every length to 40 bytes, each against itself, a copy, every one-byte change and
    /// every other length: the in-line comparison of short keys (two overlapping words, or a few
    /// bytes) against comparing their bytes one by one.
    @Test("Two keys are equal exactly when their bytes are, at every length and position of a difference")
    func sameAsBytes() {
        for count in 0...40 {
            let base = (0..<count).map { UInt8(0x61 + $0 % 26) }
            let key = String(decoding: base, as: UTF8.self)
            var others = [key, String(decoding: base + [0x61], as: UTF8.self), String(decoding: base.dropLast(), as: UTF8.self)]
            for position in 0..<count {
                var changed = base
                changed[position] = 0x41
                others.append(String(decoding: changed, as: UTF8.self))
            }
            for other in others {
                #expect(KeyNumbering.equal(key, other) == key.utf8.elementsEqual(other.utf8), "\(key) \(other)")
                #expect(KeyNumbering.equal(other, key) == key.utf8.elementsEqual(other.utf8), "\(other) \(key)")
            }
            // Numbered, then found by its bytes, and another key's bytes not.
            var numbering = KeyNumbering()
            for other in others.dropFirst(3) { _ = numbering.number(other) }
            let number = numbering.number(key)
            base.withUnsafeBufferPointer { bytes in
                #expect(numbering.number(ofBytes: bytes, hash: FNV1a.hash(bytes)) == number)
            }
            #expect(numbering.number(of: key) == number)
            // Canonically equivalent, other bytes: another key.
            #expect(!KeyNumbering.equal("\u{E9}" + key, "e\u{301}" + key))
        }
    }
}
