import MTAuditText

/// Flags a word or a short phrase written twice or more in a row ("the the", "used used used",
/// "2031 2031", "(HB) (HB)"), a typical artifact of machine translation and of careless editing.
///
/// It stays quiet when the source repeats the same word in a row (a faithful rendering), when a
/// punctuation mark stands between the two ("no, no"), across sentences, and for doubles that the
/// language's grammar allows ("had had", "nous nous": the `grammatical-doubles` lexicon).
public struct RepeatedWordsDetector: Detector {
    public static let description = DetectorDescription(
        id: "repeated-words",
        name: "Repeated words",
        summary: "A word or short phrase repeated in a row that the source does not repeat.",
        category: .grammar,
        severity: .minor,
        rationale: """
            A doubled word is the first thing a reader notices and a sign that nobody read the version. \
            Doubles that grammar allows, and doubles the source itself has, are not flagged.
            """,
        triggeringExamples: [
            DetectorExample(source: "The mayor opened the new bridge on Sunday.",
                            version: "The mayor opened the ⟦the⟧ new bridge on Sunday."),
            DetectorExample(source: "Prices rose sharply.", version: "Prices rose sharply ⟦sharply sharply⟧."),
            DetectorExample(source: "She said it was over.", version: "She ⟦She⟧ said it was over."),
            DetectorExample(source: "Der Zug fährt um acht Uhr ab.",
                            version: "Der Zug fährt um ⟦um⟧ acht Uhr ab."),
            DetectorExample(source: "橋は新しい。", version: "The bridge is ⟦is⟧ new."),
            DetectorExample(source: "The fair returns in 2031.", version: "The fair returns in 2031 ⟦2031⟧."),
            DetectorExample(source: "Her former co-pilot spoke.", version: "Her former co-pilot ⟦co-pilot⟧ spoke."),
            DetectorExample(source: "He joined the Harbour Board (HB).",
                            version: "He joined the Harbour Board (HB) ⟦(HB)⟧."),
            DetectorExample(source: "The crowd (about 300 people) cheered.",
                            version: "The crowd (about 300 people) ⟦people)⟧ cheered."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The mayor opened the new bridge.", version: "The mayor opened the new bridge."),
            DetectorExample(source: "He had had enough of the delays.", version: "He had had enough of the delays."),
            DetectorExample(source: "She knew that that plan would fail.",
                            version: "She knew that that plan would fail."),
            DetectorExample(source: "The crowd chanted “more more” at the gates.",
                            version: "At the gates the crowd chanted “more more”."),
            DetectorExample(source: "No, no, the vote is on Friday.", version: "No, no, the vote is on Friday."),
            DetectorExample(source: "Count them: 1, 1, 2, 3, 5.", version: "Count them: 1, 1, 2, 3, 5."),
            DetectorExample(source: "The bye-bye wave and a ha-ha moment.", version: "The bye-bye wave and a ha-ha moment."),
            DetectorExample(source: "Stop. Stop. Stop the count.", version: "Stop. Stop. Stop the count."),
            DetectorExample(source: "It ended in a win. Win or lose, they played well.",
                            version: "It ended in a win. Win or lose, they played well."),
        ]
    )

    public init() {}

    /// The longest run of tokens looked at as a repeated unit ("(OBSE) (OBSE)" is a unit of three).
    public static let maximumUnit = 4

    public func findings(in context: DetectionContext) -> [Finding] {
        let tokens = context.version.tokens
        guard tokens.count > 1 else { return [] }
        // Most versions repeat nothing: the source's repeats and the allowed doubles only then.
        let runs = Self.repeats(in: context.version)
        guard !runs.isEmpty else { return [] }
        let allowed = context.lexicons.matchingKeys(.grammaticalDoubles, language: context.version.language)
        let sourceRepeats = Self.repeatedUnits(of: context.source)
        var findings: [Finding] = []
        for run in runs {
            if run.length == 1 && allowed.contains(run.unit + " " + run.unit) { continue }
            if sourceRepeats.contains(run.unit) { continue }
            let first = tokens[run.start]
            let unitText = context.version.text(of: first.span.union(tokens[run.start + run.length - 1].span))
            let span = tokens[run.start + run.length].span.union(tokens[run.start + run.length * run.copies - 1].span)
            let message = run.copies == 2
                ? "“\(unitText)” is written twice in a row"
                : "“\(unitText)” is written \(run.copies) times in a row"
            findings.append(finding(span, in: context, message: message, suggestion: "", evidence: .self))
        }
        return findings
    }

    /// The units a document repeats, kept with it: a source is asked once for each of its versions
    /// that repeats something, and an article's versions mostly do (a doubled "the" somewhere).
    static func repeatedUnits(of document: Document) -> Set<String> {
        document.memo.value(repeatedUnitsKey, from: document) { Set(repeats(in: $0).map(\.unit)) }
    }

    private static let repeatedUnitsKey = MemoKey("repeated-words-units")

    /// A unit of `length` tokens at `start`, written `copies` times in a row.
    struct Run {
        let start: Int
        let length: Int
        let copies: Int
        /// The unit's tokens in matching form, joined by spaces.
        let unit: String
    }

    /// Every immediately repeated unit of a document, shortest unit first, runs not overlapping.
    static func repeats(in document: Document) -> [Run] {
        let tokens = document.tokens
        // Words are compared by their ids in the document (equal keys, equal ids), made once per
        // document for the sentence aligner: one integer against another, not two strings. (The ids
        // read through one buffer for the whole walk, not one for each length at each token.)
        let ids = DocumentWords.of(document).tokenIds
        let count = tokens.count
        return ids.withUnsafeBufferPointer { idBuffer in
            var runs: [Run] = []
            var index = 0
            while index < count {
                var found: Run?
                // A unit is repeated only where the token a unit's length on is the same as the first:
                // most tokens end there, before the unit is looked at. Most end at the ids alone (equal
                // tokens have equal ids, -1 for tokens other than words). (The lengths that fit twice
                // before the end, counted once: the loop tests nothing else before the ids.)
                let id = idBuffer[index]
                for length in stride(from: 1, through: min(maximumUnit, (count - index) / 2), by: 1)
                    where (id >= 0 ? idBuffer[index + length] == id : idBuffer[index + length] < 0)
                    && sameToken(tokens, ids, index, index + length) && qualifies(tokens, index, length) {
                    var copies = 1
                    while index + (copies + 1) * length <= count,
                          same(tokens, ids, index, index + copies * length, length) {
                        copies += 1
                    }
                    if copies > 1 {
                        let unit = tokens[index..<index + length].map(\.key).joined(separator: " ")
                        found = Run(start: index, length: length, copies: copies, unit: unit)
                        break
                    }
                }
                if let run = found {
                    runs.append(run)
                    index += run.length * run.copies
                } else {
                    index += 1
                }
            }
            return runs
        }
    }

    /// Whether `length` tokens at `start` can be a repeated unit: one sentence, and a word (a lone
    /// word or number; a longer unit must hold letters, so ". ." and "1, 1," are left alone).
    private static func qualifies(_ tokens: [Token], _ start: Int, _ length: Int) -> Bool {
        // By index, not by copies of the tokens: this is asked at every token.
        if length == 1 { return tokens[start].kind == .letters || tokens[start].kind == .number }
        guard tokens[start].sentence == tokens[start + length - 1].sentence else { return false }
        for k in start..<start + length where tokens[k].kind == .letters { return true }
        return false
    }

    /// Whether the tokens at `x` and `y` are the same: kinds first (comparing two enum cases is
    /// cheaper than comparing two keys); of one kind, both tokens are word-like (with ids) or neither is.
    @inline(__always)
    private static func sameToken(_ tokens: [Token], _ ids: [Int32], _ x: Int, _ y: Int) -> Bool {
        tokens[x].kind == tokens[y].kind && (tokens[x].isWordLike ? ids[x] == ids[y] : tokens[x].key == tokens[y].key)
    }

    /// Whether the `length` tokens at `a` and at `b` are the same and in the same sentence. `ids`
    /// holds the word-like tokens' key ids (`DocumentWords.tokenIds`).
    private static func same(_ tokens: [Token], _ ids: [Int32], _ a: Int, _ b: Int, _ length: Int) -> Bool {
        guard tokens[a].sentence == tokens[b + length - 1].sentence else { return false }
        for k in 0..<length {
            let (x, y) = (a + k, b + k)
            guard sameToken(tokens, ids, x, y) else { return false }
        }
        return true
    }
}
