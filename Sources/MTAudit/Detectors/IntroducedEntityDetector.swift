import MTAuditText

/// Flags another name put where the source names someone or something: "Napoli" where the source
/// says Rome, "Anup Kumar administration" for the Trump administration.
public struct IntroducedEntityDetector: Detector {
    public static let description = DetectorDescription(
        id: "introduced-entity",
        name: "Introduced entity",
        summary: "A name the source does not mention, standing where the source names another.",
        category: .mistranslation,
        severity: .critical,
        rationale: """
            A different person, place or organisation in place of the source's misinforms outright. \
            In each aligned sentence, a capitalized name that neither the source nor the other versions \
            use is paired with a name of the source's sentence that the version lacks. When the two do \
            not look alike (see name-corruption for those that do), the version has put another entity \
            in its place.
            """,
        triggeringExamples: [
            DetectorExample(source: "The Colosseum in Rome reopened on Monday.", version: "The Colosseum in ⟦Napoli⟧ reopened on Monday."),
            DetectorExample(source: "The court stopped the Trump administration from adding the question.",
                            version: "The court stopped the ⟦Anup Kumar⟧ administration from adding the question."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The Colosseum in Rome reopened.", version: "In Rome, the Colosseum reopened."),
            DetectorExample(source: "The council met on Monday.", version: "The council, led by Mayor Brennan, met on Monday."),
            DetectorExample(source: "Il Colosseo di Roma ha riaperto.", version: "The Colosseum in Rome reopened."),
            DetectorExample(source: "The MLA from the City Constituency spoke.", version: "The Urban MLA spoke."),
            DetectorExample(source: "A road in Krasnodar Krai was closed.", version: "A road in the Krasnodar Territory was closed."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        NameSubstitutions.findings(by: self, in: context) { $0.similarity < NameCorruptionDetector.threshold }
    }
}
