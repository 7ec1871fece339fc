import MTAuditText

/// Flags a word written twice or more in a row ("the the", "used used used"), a typical artifact of
/// machine translation and of careless editing.
///
/// It stays quiet when the source repeats the same word in a row (a faithful rendering), when a
/// punctuation mark stands between the two ("no, no"), across sentences, for numbers ("10 10" may be a
/// score), and for doubles that a language's grammar allows ("had had", "that that"; "nous nous").
public struct RepeatedWordsDetector: Detector {
    public static let description = DetectorDescription(
        id: "repeated-words",
        name: "Repeated words",
        summary: "A word repeated in a row that the source does not repeat.",
        category: .grammar,
        severity: .minor,
        rationale: """
            A doubled word is the first thing a reader notices and a sign that nobody read the version. \
            Doubles that grammar allows, and doubles the source itself has, are not flagged.
            """,
        triggeringExamples: [
            DetectorExample(source: "The mayor opened the new bridge on Sunday.",
                            version: "The mayor opened the «the» new bridge on Sunday."),
            DetectorExample(source: "Prices rose sharply.", version: "Prices rose sharply «sharply sharply»."),
            DetectorExample(source: "She said it was over.", version: "She «She» said it was over."),
            DetectorExample(source: "Der Zug fährt um acht Uhr ab.",
                            version: "Der Zug fährt um «um» acht Uhr ab."),
            DetectorExample(source: "橋は新しい。", version: "The bridge is «is» new."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The mayor opened the new bridge.", version: "The mayor opened the new bridge."),
            DetectorExample(source: "He had had enough of the delays.", version: "He had had enough of the delays."),
            DetectorExample(source: "She knew that that plan would fail.",
                            version: "She knew that that plan would fail."),
            DetectorExample(source: "The crowd chanted “more more” at the gates.",
                            version: "At the gates the crowd chanted “more more”."),
            DetectorExample(source: "No, no, the vote is on Friday.", version: "No, no, the vote is on Friday."),
            DetectorExample(source: "The score was 10 10 at the break.", version: "The score was 10 10 at the break."),
            DetectorExample(source: "It ended in a win. Win or lose, they played well.",
                            version: "It ended in a win. Win or lose, they played well."),
        ]
    )

    /// Doubles that are grammatical, in matching form, by language subtag ("en", "fr", …).
    public static let allowedDoubles: [String: Set<String>] = [
        "en": ["had had", "that that", "do do", "bye bye"],
        "fr": ["nous nous", "vous vous", "que que"],
        "de": ["die die", "der der", "das das", "sie sie"],
        "nl": ["die die", "dat dat"],
        "es": ["que que"],
        "it": ["che che"],
    ]

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        let tokens = context.version.tokens
        guard tokens.count > 1 else { return [] }
        let allowed = Self.allowed(for: context.version.language)
        let sourceDoubles = Self.doubles(in: context.source)
        var findings: [Finding] = []
        var index = 0
        while index < tokens.count - 1 {
            let first = tokens[index]
            var last = index
            while last + 1 < tokens.count, Self.repeats(tokens[last + 1], first) { last += 1 }
            defer { index = last + 1 }
            guard last > index else { continue }
            let pair = first.key + " " + first.key
            if allowed.contains(pair) || sourceDoubles.contains(first.key) { continue }
            let span = tokens[index + 1].span.union(tokens[last].span)
            let count = last - index + 1
            let message = count == 2
                ? "“\(first.text)” is written twice in a row"
                : "“\(first.text)” is written \(count) times in a row"
            findings.append(finding(span, in: context, message: message, suggestion: "", evidence: .self))
        }
        return findings
    }

    /// True when `next` repeats `word`: same matching form, letters, same sentence, adjacent (only
    /// white space between them, since white space is not a token).
    private static func repeats(_ next: Token, _ word: Token) -> Bool {
        word.kind == .letters && next.kind == .letters && next.sentence == word.sentence && next.key == word.key
    }

    /// The words a document itself doubles.
    private static func doubles(in document: Document) -> Set<String> {
        var found: Set<String> = []
        let tokens = document.tokens
        for k in tokens.indices.dropFirst() where repeats(tokens[k], tokens[k - 1]) { found.insert(tokens[k].key) }
        return found
    }

    private static func allowed(for language: String) -> Set<String> {
        let subtag = language.split(separator: "-").first.map { $0.lowercased() } ?? "und"
        if let set = allowedDoubles[subtag] { return set }
        return allowedDoubles.values.reduce(into: []) { $0.formUnion($1) }
    }
}
