/// The versions of one source aligned to one another, so that where the source lacks a passage (a
/// trimmed canonical) the other versions can say what it should read.
///
/// Made once per audit: every ordered pair of versions is aligned with the `SentenceAligner`, the
/// first of the pair taken as the source. With one version there is nothing to collate.
public struct Collation: Sendable {
    public let versions: [Document]
    /// `alignments[i][j]`: version `i`'s sentences aligned to version `j`'s (j as source); nil for i == j.
    private let alignments: [[SentenceAlignment?]]

    public init(versions: [Document], aligner: SentenceAligner = SentenceAligner()) {
        self.versions = versions
        let guesses = versions.map { Comparability.guessedLanguage(of: $0) }
        // The joint ids of each two versions' words, looked up once for the pair (the later version
        // against the earlier) and turned round for the other direction, rather than each version's
        // every word looked up again in the other's numbering.
        var laterAgainstEarlier: [Int: SentenceWords.JointIds] = [:]
        func jointIds(version i: Int, source j: Int) -> SentenceWords.JointIds {
            let (later, earlier) = (max(i, j), min(i, j))
            let key = later * versions.count + earlier
            let forward = laterAgainstEarlier[key] ?? {
                let made = SentenceWords.jointIds(source: DocumentWords.of(versions[earlier]), version: DocumentWords.of(versions[later]))
                laterAgainstEarlier[key] = made
                return made
            }()
            return i == later ? forward : SentenceWords.invertedJointIds(forward.ids, sourceCount: DocumentWords.of(versions[earlier]).keys.count)
        }
        // Each version's weighed sets as a source in one language, made once for the versions aligned
        // to it (`SentenceWords.SourceSets`; nil where they depend on the version).
        var sourceSets: [Int: SentenceWords.SourceSets?] = [:]
        func weighedSets(of j: Int, language: String?) -> SentenceWords.SourceSets? {
            if let made = sourceSets[j] { return made }
            let made = SentenceWords.SourceSets(of: versions[j], language: language)
            sourceSets[j] = .some(made)
            return made
        }
        alignments = versions.indices.map { i in
            versions.indices.map { j in
                guard i != j else { return nil }
                let same = Comparability.sameLanguage(versions[j], versions[i], sourceGuess: .some(guesses[j]),
                                                      versionGuess: .some(guesses[i]))
                let language = Comparability.listedLanguage(of: versions[j], guess: guesses[j])
                let needsWords = SentenceAligner.needsWords(source: versions[j], version: versions[i], sameLanguage: same)
                return aligner.align(source: versions[j], version: versions[i], sameLanguage: same, language: language,
                                     toJoint: needsWords ? jointIds(version: i, source: j) : nil,
                                     sourceSets: needsWords && same ? weighedSets(of: j, language: language) : nil)
            }
        }
    }

    /// Version `index`'s sentences aligned to each other version's, in the order of `versions`
    /// without `index`.
    public func alignmentsToOthers(of index: Int) -> [SentenceAlignment] {
        versions.indices.filter { $0 != index }.map { alignments[index][$0]! }
    }
}

/// A sentence of another text that renders the same thing as a sentence of the version.
public struct Reading: Sendable {
    /// The source, or another version.
    public let document: Document
    public let sentence: Int
    /// How alike the version's sentence and this one are (plain Dice of their words, 0–1).
    public let similarity: Double
    /// `.source` for the source's sentence, `.consensus` for another version's.
    public let evidence: Evidence
    /// Which of the context's `otherVersions` the document is (nil for the source): ids may repeat.
    public let otherVersion: Int?

    public init(document: Document, sentence: Int, similarity: Double, evidence: Evidence, otherVersion: Int? = nil) {
        self.document = document
        self.sentence = sentence
        self.similarity = similarity
        self.evidence = evidence
        self.otherVersion = otherVersion
    }
}
