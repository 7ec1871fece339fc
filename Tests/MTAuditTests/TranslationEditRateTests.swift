@testable import MTAudit
import Testing

@Suite("TER's shifts")
struct TranslationEditRateTests {
    @Test("A shift whose target lies inside the block is cut as Python cuts lists: no crash past the end")
    func shiftInsideTheBlock() {
        // sacreBLEU: words[:1] + words[3:4] + words[1:3] + words[4:] == [1, 2, 3]
        #expect(TranslationEditRate.perform([1, 2, 3], start: 1, length: 2, target: 2) == [1, 2, 3])
        #expect(TranslationEditRate.perform([1, 2, 3, 4], start: 1, length: 2, target: 3) == [1, 4, 2, 3])
        #expect(TranslationEditRate.perform([1, 2, 3, 4], start: 2, length: 2, target: 0) == [3, 4, 1, 2])
        #expect(TranslationEditRate.perform([1, 2, 3, 4], start: 0, length: 1, target: 3) == [2, 3, 1, 4])
    }
}

