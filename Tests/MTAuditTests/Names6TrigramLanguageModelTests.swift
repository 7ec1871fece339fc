import XCTest
@testable import MTAudit

/// `TrigramLanguageModel`'s table of the logs of small counts gives the scores, bit for bit, that
/// computing each log gives (`plainScore`), for words with unseen, rare and common trigrams.
final class Names6TrigramLanguageModelTests: XCTestCase {
    func testTabulatedLogsMatchComputedOnes() {
        let model = TrigramLanguageModel.builtIn
        let languageCount = EmbeddedWordTables.wordList.languages.count
        let words = ["the", "wirtschaftsstandort", "uncharacteristically", "Renngemeinschaft", "texanischen",
                     "żółć", "Dvořák", "qxzv", "a", "", "Соединённые", "naïve", "ÉTATS-UNIS", "l'Argentine",
                     "schön", "rzeczpospolita", "ação", "xxxxxxxxxxxx", "Brussel", "întâmplare"]
        let counts = EmbeddedWordTables.trigramCounts
        var tabulated = 0
        var seen: Set<String> = []
        for word in words {
            let indices = model.trigramIndices(word)
            for language in 0..<languageCount {
                for index in indices {
                    let count = index.map { counts.count(trigram: $0, language: language) } ?? 0
                    XCTAssertEqual(count, count.rounded(), "a whole count")
                    seen.insert(count == 0 ? "unseen" : count < Float(TrigramLanguageModel.smallCountLimit) ? "rare" : "common")
                }
                let fast = model.score(indices, language: language)
                let plain = model.plainScore(indices, language: language)
                XCTAssertEqual(fast.bitPattern, plain.bitPattern, "\(word) in language \(language)")
                tabulated += 1
            }
        }
        XCTAssertEqual(tabulated, words.count * languageCount)
        XCTAssertEqual(seen, ["unseen", "rare", "common"], "the words have trigrams of each kind")
    }
}
