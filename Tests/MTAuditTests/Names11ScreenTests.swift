@testable import MTAudit
import MTAuditText
import Testing

/// The quick tests of name substitutions: a pair by spelling or by place needs a source word that
/// may be a name and that the version lacks (`NameRuns.sourceWritesMissingName`), and without one
/// (nor a known confusion) the pairs are none, told with no runs made; nor without a version sentence
/// aligned closely enough for evidence.
@Suite("Name substitutions: a context whose source names nothing the version lacks has no pair")
struct Names11ScreenTests {
    /// Names alike and unlike, common words, titles, openers, possessives, accents, acronyms.
    static let words = ["the", "council", "met", "in", "Oslo", "Olso", "Bergen", "Varga", "Farga", "Halvorsen", "Halverson",
                        "Kerry", "Kelly", "Kerry's", "Mr", "Dr.", "Secretary", "However", "Later", "Spain", "Portugal",
                        "Iceland", "Ireland", "NASA", "Émile", "Emile", "Gaddafi", "Qaddafi", "Rome", "Napoli", "said",
                        "Reyes", "Rayes", "March", "US", "U.S.", "took", "the", "lead", "of", "Ingrid", "Tomas"]

    /// A source of a few sentences, and a version made of it with some words swapped, dropped or
    /// added (or another text), so that names are kept, respelt, replaced and left out.
    static func pair(_ random: inout SplitMix) -> (source: String, version: String) {
        func sentence() -> [String] { (0..<Int.random(in: 2...9, using: &random)).map { _ in words.randomElement(using: &random)! } }
        let source = (0..<Int.random(in: 1...3, using: &random)).map { _ in sentence() }
        // One in five versions is another text: unlike its source, aligned to none of it closely.
        let unlike = Int.random(in: 0..<5, using: &random) == 0
        let version = unlike ? (0..<source.count).map { _ in sentence() } : source.map { words -> [String] in
            var words = words
            for _ in 0..<Int.random(in: 0...2, using: &random) where !words.isEmpty {
                let at = Int.random(in: 0..<words.count, using: &random)
                switch Int.random(in: 0...2, using: &random) {
                case 0: words[at] = Self.words.randomElement(using: &random)!
                case 1: words.remove(at: at)
                default: words.insert(Self.words.randomElement(using: &random)!, at: at)
                }
            }
            return words
        }
        func text(_ sentences: [[String]]) -> String {
            sentences.filter { !$0.isEmpty }.map { $0.joined(separator: " ") + "." }.joined(separator: " ")
        }
        return (text(source), text(version))
    }

    @Test("The quick tests are plain readings of the texts, and the pairs are those made without them")
    func screenAsPlain() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 11_001)
        var screened = 0, paired = 0, unaligned = 0
        for _ in 0..<1500 {
            let (sourceText, versionText) = Self.pair(&random)
            func context() -> DetectionContext {
                DetectionContext(source: Document(id: "s", text: sourceText, language: "en", segmenter: segmenter),
                                 version: Document(id: "v", text: versionText, language: "en", segmenter: segmenter))
            }
            let fast = context(), slow = context()
            // The plain reading: a capitalized letter word of two letters or more, no title, whose base
            // no letter word of the version has.
            let honorifics = NameRuns.honorificKeys(in: slow)
            let versionBases = Set(slow.version.tokens.filter { $0.kind == .letters }.map { base($0.key) })
            let plain = slow.source.tokens.contains { token in
                token.kind == .letters && token.text.startsWithCapital && token.scalarCount >= 2 && !honorifics.contains(token.key)
                    && !versionBases.contains(base(token.key))
            }
            #expect(NameRuns.sourceWritesMissingName(in: fast) == plain, "\(sourceText) | \(versionText)")
            // And the version's quick test, read alike the other way round.
            let sourceBases = Set(slow.source.tokens.filter { $0.kind == .letters }.map { base($0.key) })
            let plainNew = slow.version.tokens.contains { token in
                token.kind == .letters && token.text.startsWithCapital && token.scalarCount >= 2 && !honorifics.contains(token.key)
                    && !sourceBases.contains(base(token.key))
            }
            #expect(NameRuns.versionWritesNewName(in: fast) == plainNew, "\(sourceText) | \(versionText)")
            let pairs = NameSubstitutions.pairs(in: fast)
            let unscreened = NameSubstitutions.computePairs(in: slow, screensMissing: false)
            #expect(pairs.map(\.version.span) == unscreened.map(\.version.span), "\(sourceText) | \(versionText)")
            #expect(pairs.map(\.source.span) == unscreened.map(\.source.span), "\(sourceText) | \(versionText)")
            #expect(pairs.map(\.similarity) == unscreened.map(\.similarity), "\(sourceText) | \(versionText)")
            let aligned = slow.version.sentences.indices.contains { index in
                slow.alignment.sourceOf[index] != nil && slow.alignment.similarity[index] >= SentenceAlignment.evidenceSimilarity
            }
            if !aligned { unaligned += 1 }
            if !plain && NameRuns.versionWritesNewName(in: slow) { screened += 1 }
            if !pairs.isEmpty { paired += 1 }
        }
        // Both kinds are met: contexts the test ends, and contexts with pairs.
        #expect(screened > 50)
        #expect(paired > 50)
        #expect(unaligned > 50)
    }
}

/// Name evidence's quick test: a version of one sentence without other versions has no evidence
/// (`NameEvidence.isLone`), and the corruptions found without the test are none there.
@Suite("Name evidence: a lone sentence without other versions has no corruption")
struct Names11LoneEvidenceTests {
    @Test("The corruptions are those found without the quick test, and none for a lone sentence")
    func loneAsFound() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 11_003)
        var lone = 0, found = 0
        for round in 0..<1500 {
            let (sourceText, versionText) = Names11ScreenTests.pair(&random)
            // Some contexts with another version (the source's text or the version's, respelt).
            let others = round % 4 == 0 ? [Names11ScreenTests.pair(&random).version, versionText] : []
            func context() -> DetectionContext {
                DetectionContext(source: Document(id: "s", text: sourceText, language: "en", segmenter: segmenter),
                                 version: Document(id: "v", text: versionText, language: "en", segmenter: segmenter),
                                 otherVersions: others.enumerated().map { Document(id: "o\($0)", text: $1, language: "en", segmenter: segmenter) })
            }
            let fast = context(), slow = context()
            let screened = NameEvidence.corruptions(in: fast)
            let unscreened = NameEvidence.compute(in: slow, screensLone: false)
            #expect(screened.map(\.version.span) == unscreened.map(\.version.span), "\(sourceText) | \(versionText) | \(others)")
            #expect(screened.map(\.written) == unscreened.map(\.written), "\(sourceText) | \(versionText) | \(others)")
            if NameEvidence.isLone(slow) {
                lone += 1
                #expect(unscreened.isEmpty, "\(sourceText) | \(versionText)")
            }
            if !unscreened.isEmpty { found += 1 }
        }
        #expect(lone > 100)
        #expect(found > 10)
    }
}

/// Name substitutions by place: the quick test of a version sentence (a word that a capitalized
/// run takes and that the other texts lack) against the runs made and cut into parts.
@Suite("A sentence has a capitalized run word that a test keeps exactly where a part of its runs does")
struct Names11RunWordTests {
    static let words = ["However", "Yesterday", "The", "the", "Oslo", "NASA", "UK", "Mr", "Varga", "Émile", "council", "a", "I",
                        "Spain", "met", "Kerry's", "U.S.", "Prefecture", "Nagano", "Lyon", "took", ",", "—"]

    @Test("hasCapitalizedRunWord is whether capitalizedRuns has a part that the test keeps")
    func runWordAsParts() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 11_005)
        var honorifics = KeySet()
        honorifics.insert("mr")
        var kept = 0, turnedAway = 0
        for _ in 0..<800 {
            let text = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                (0..<Int.random(in: 1...8, using: &random)).map { _ in Self.words.randomElement(using: &random)! }.joined(separator: " ") + "."
            }.joined(separator: " ")
            let document = Document(id: "v", text: text, language: "en", segmenter: segmenter)
            let names = NameRuns(document: document, languageGuess: "en", honorifics: honorifics)
            let lacked = Set(Self.words.filter { _ in Bool.random(using: &random) }.map { base(Normalizer.matchingKey($0)) })
            let keeps: [(String) -> Bool] = [{ _ in true }, { lacked.contains(base($0)) }, { $0.count > 4 }]
            for index in document.sentences.indices {
                for zipf in [EntityOmittedDetector.commonWordZipf, NameRuns.usualOpenerZipf] {
                    for keep in keeps {
                        let plain = !names.capitalizedRuns(in: document, sentence: index, openerZipf: zipf)
                            .flatMap { $0.parts { keep($0.key) } }.isEmpty
                        #expect(names.hasCapitalizedRunWord(in: document, sentence: index, openerZipf: zipf, where: keep) == plain, "\(text)")
                        if plain { kept += 1 } else if names.hasCapitalized(in: document, sentence: index, where: keep) { turnedAway += 1 }
                    }
                }
            }
        }
        // Both answers are met, and sentences the plainer test keeps that this one turns away.
        #expect(kept > 500)
        #expect(turnedAway > 50)
    }
}
