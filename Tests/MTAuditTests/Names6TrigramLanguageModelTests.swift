import XCTest
@testable import MTAudit
import LexiconTables

/// `TrigramLanguageModel`'s table of the logs of small counts gives the scores, bit for bit, that
/// computing each log as the model did before it had the table gives (`plainScore`), for words with unseen, rare and common trigrams.
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
                let plain = Self.plainScore(indices, language: language, counts: counts)
                XCTAssertEqual(fast.bitPattern, plain.bitPattern, "\(word) in language \(language)")
                tabulated += 1
            }
        }
        XCTAssertEqual(tabulated, words.count * languageCount)
        XCTAssertEqual(seen, ["unseen", "rare", "common"], "the words have trigrams of each kind")
    }

    /// The mean smoothed log probability of the trigrams of `indices` in `language`, each log computed
    /// as it comes, as the model computed it before: log((count + 0.5) / (the language's total + 30,000)).
    static func plainScore(_ indices: [Int?], language: Int, counts: TrigramCounts) -> Double {
        guard !indices.isEmpty else { return -.infinity }
        let denominator = Double(counts.totalValues[language]) + 30_000
        var sum = 0.0
        for index in indices {
            let count = index.map { counts.count(trigram: $0, language: language) } ?? 0
            sum += log((Double(count) + 0.5) / denominator)
        }
        return sum / Double(indices.count)
    }
}
