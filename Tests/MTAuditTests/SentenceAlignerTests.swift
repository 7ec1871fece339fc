import MTAudit
import MTAuditText
import Testing

@Suite("Aligning a version's sentences to the source's")
struct SentenceAlignerTests {
    static let paragraphs = [
        "The Vellmar river authority opened its new flood barrier on Friday after four years of work. "
            + "Engineers say the barrier can hold back a surge of 6 metres. "
            + "Its steel gates were forged in a yard near Dunmore harbour.",
        "Chief engineer Priya Castellanos told reporters that the gates close in eleven minutes. "
            + "She thanked the welders who worked through two winters on the project. "
            + "The authority plans a public open day in the summer.",
        "Farmers downstream had lost crops to floods in three of the last five years. "
            + "Their union welcomed the barrier but asked for compensation for the land it took. "
            + "A spokesman for the union, Tomas Okafor, said talks would begin next month.",
        "The barrier cost 212 million crowns, paid partly by a national resilience fund. "
            + "Critics in the regional assembly argued that the money should have gone to rail. "
            + "The assembly will review the spending in its autumn session.",
    ]
    static let source = paragraphs.joined(separator: "\n\n")

    func document(_ text: String, id: String = "v", language: String = "en") throws -> Document {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        return Document(id: id, text: text, language: language, segmenter: segmenter)
    }

    func align(_ version: String, language: String = "en") throws -> (SentenceAlignment, Document, Document) {
        let source = try document(Self.source, id: "source")
        let other = try document(version, language: language)
        let same = Comparability.sameLanguage(source, other)
        return (SentenceAligner().align(source: source, version: other, sameLanguage: same, language: same ? "en" : nil), source, other)
    }

    @Test("Identical texts are linked sentence for sentence")
    func identical() throws {
        let (alignment, source, _) = try align(Self.source)
        #expect(alignment.links.count == source.sentences.count)
        #expect(alignment.links.allSatisfy { $0.source == $0.version && $0.similarity == 1 })
    }

    @Test("Paragraphs in reverse order are all found, each sentence with its own")
    func reordered() throws {
        let (alignment, source, version) = try align(Self.paragraphs.reversed().joined(separator: "\n\n"))
        #expect(alignment.links.count == source.sentences.count)
        for (v, s) in alignment.sourceOf.enumerated() {
            let s = try #require(s)
            #expect(source.text(ofSentence: s) == version.text(ofSentence: v))
        }
        let estimate = CoverageEstimator().estimate(source: source, version: version, alignment: alignment, sameLanguage: true)
        #expect(estimate.coverage >= 0.95)
        #expect(estimate.relation == .full)
    }

    @Test("Two source sentences rendered as one make a 2-1 link")
    func merge() throws {
        let merged = Self.source.replacingOccurrences(
            of: "after four years of work. Engineers say the barrier",
            with: "after four years of work, and engineers say it")
        let (alignment, _, _) = try align(merged)
        let link = try #require(alignment.links.first)
        #expect(link.source == 0..<2)
        #expect(link.version == 0..<1)
        #expect(alignment.versions(ofSource: 1) == 0..<1)
    }

    @Test("One source sentence rendered as two makes a 1-2 link")
    func split() throws {
        let split = Self.source.replacingOccurrences(
            of: "Their union welcomed the barrier but asked for compensation",
            with: "Their union welcomed the barrier. But the union also asked for compensation")
        let (alignment, source, version) = try align(split)
        let s = try #require(source.sentences.indices.first { source.text(ofSentence: $0).hasPrefix("Their union") })
        let link = try #require(alignment.linkOfSource[s].map { alignment.links[$0] })
        #expect(link.source == s..<s + 1)
        #expect(link.version.count == 2)
        #expect(version.text(ofSentence: link.version.upperBound - 1).hasPrefix("But the union"))
    }

    @Test("A dropped paragraph leaves its sentences unrendered and the version partial")
    func droppedParagraph() throws {
        var kept = Self.paragraphs
        kept.remove(at: 2)
        let (alignment, source, version) = try align(kept.joined(separator: "\n\n"))
        let unrendered = source.sentences.indices.filter { alignment.linkOfSource[$0] == nil }
        #expect(unrendered == [6, 7, 8])
        let estimate = CoverageEstimator().estimate(source: source, version: version, alignment: alignment, sameLanguage: true)
        #expect(estimate.coverage == 0.75)
        #expect(estimate.relation == .partial)
    }

    @Test("An added caption has no counterpart and leaves the version full")
    func addedCaption() throws {
        let captioned = Self.paragraphs[0] + "\n\nPhoto: the gates at dawn (Marta Quill / Vellmar Post)\n\n"
            + Self.paragraphs[1...].joined(separator: "\n\n")
        let (alignment, source, version) = try align(captioned)
        let caption = try #require(version.sentences.indices.first { version.text(ofSentence: $0).hasPrefix("Photo") })
        #expect(alignment.linkOfVersion[caption] == nil)
        #expect(alignment.links.count == source.sentences.count)
        let estimate = CoverageEstimator().estimate(source: source, version: version, alignment: alignment, sameLanguage: true)
        #expect(estimate.relation == .full)
    }

    @Test("Another text on another subject is linked to nothing and is unrelated")
    func unrelated() throws {
        let other = "The orchestra announced its winter programme on Tuesday. Tickets go on sale next week. "
            + "The conductor said the season opens with a rarely played symphony."
        let (alignment, source, version) = try align(other)
        #expect(alignment.links.isEmpty)
        let estimate = CoverageEstimator().estimate(source: source, version: version, alignment: alignment, sameLanguage: true)
        #expect(estimate.relation == .unrelated)
    }

    @Test("A rendering in another language is aligned in order by length, names and numbers")
    func anotherLanguage() throws {
        let german = [
            "Die Flussbehörde von Vellmar hat am Freitag nach vier Jahren Bauzeit ihr neues Flutwehr eröffnet. "
                + "Nach Angaben der Ingenieure kann das Wehr eine Flutwelle von 6 Metern zurückhalten. "
                + "Die Stahltore wurden in einer Werft bei Dunmore geschmiedet.",
            "Chefingenieurin Priya Castellanos sagte Reportern, die Tore schlössen sich in elf Minuten. "
                + "Sie dankte den Schweißern, die zwei Winter lang an dem Projekt gearbeitet hatten. "
                + "Die Behörde plant im Sommer einen Tag der offenen Tür.",
        ].joined(separator: "\n\n")
        let (alignment, source, version) = try align(german, language: "de")
        #expect(version.sentences.count == 6)
        #expect(alignment.sourceOf == [0, 1, 2, 3, 4, 5])
        #expect(source.sentences.indices.filter { alignment.linkOfSource[$0] == nil } == [6, 7, 8, 9, 10, 11])
    }

    @Test("Across languages, a pin far from the diagonal does not leave the alignment empty")
    func farPin() throws {
        let english = (0..<40).map { k in k == 0 ? "The archive opened in 1987 with few shelves." : "The reading room holds shelf \(String(repeating: "and more ", count: k % 5))books." }
        let german = (0..<40).map { k in k == 30 ? "Das Archiv wurde 1987 mit wenigen Regalen eröffnet." : "Der Lesesaal hat Regale \(String(repeating: "und mehr ", count: k % 5))Bücher." }
        let source = try document(english.joined(separator: " "), id: "source")
        let version = try document(german.joined(separator: " "), language: "de")
        let alignment = SentenceAligner().align(source: source, version: version, sameLanguage: false, language: nil)
        #expect(alignment.links.count > 20)
    }
}
