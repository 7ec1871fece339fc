import MTAuditText

/// Flags a name spelled into another, similar one where the source has it: "Farga" for Varga,
/// "Halverson" for Halvorsen, "Kelly" for Kerry. These are the slips of round trips through other
/// scripts.
public struct NameCorruptionDetector: Detector {
    /// How alike the two must be to count as one name corrupted rather than another name.
    static let threshold = 0.6

    public static let description = DetectorDescription(
        id: "name-corruption",
        name: "Name corruption",
        summary: "A name written differently from the source's, in a similar-looking form.",
        category: .mistranslation,
        severity: .critical,
        rationale: """
            A corrupted name points the reader at somebody else, or at nobody. In each aligned sentence, \
            a capitalized name that neither the source nor the other versions use is compared with the \
            source's names that the version lacks. One that differs by a few letters is the same name \
            corrupted, and the source's form is suggested. A form the confusions lexicon lists as a \
            respelling of the source's name (class `respelling`: "Khichkok" for "Hitchcock") is one \
            however unlike it looks; where only the other versions have the passage, it is flagged when \
            one neighbour agrees with theirs. Forms the entities lexicon gives one identity \
            (transliterations such as "Qaddafi" and "Gaddafi") are never a corruption of each other. Titles (from the honorifics lexicon) and \
            common words that open a sentence are not names. Languages that capitalize every noun are \
            left alone.
            """,
        triggeringExamples: [
            DetectorExample(source: "The plan was opposed by Dr. Ingrid Halvorsen on Tuesday.",
                            version: "The plan was opposed by Dr. Ingrid ⟦Halverson⟧ on Tuesday."),
            DetectorExample(source: "Secretary Kerry met the envoy in Oslo.", version: "Secretary ⟦Kelly⟧ met the envoy in Oslo."),
            DetectorExample(source: "The mayor thanked Ilse Varga for her work.", version: "The mayor thanked Ilse ⟦Farga⟧ for her work."),
            // The source lacks the passage; the other versions write the name.
            DetectorExample(source: "The envoy Tomas Reyes arrived in Oslo.",
                            version: "The envoy Tomas Reyes arrived in Oslo. Officials met him at the quay of Narvik. He told ⟦Rayes⟧ about the storm that closed the harbour.",
                            otherVersions: ["The envoy Tomas Reyes arrived in Oslo. He told Mr. Reyes about the storm that closed the harbour."]),
            // The version spells the name one way, then another.
            DetectorExample(source: "Dr. Ingrid Halvorsen opened the session.",
                            version: "Dr. Ingrid Halvorsen opened the session. Later, ⟦Halverson⟧ thanked the fishermen for their patience."),
            // A respelling the confusions lexicon lists, too unlike the name for the letters to tell.
            DetectorExample(source: "The club showed an early film by Hitchcock on Sunday evening.",
                            version: "The club showed an early film by ⟦Khichkok⟧ on Sunday evening."),
            DetectorExample(source: "The ferry left Bergen at dawn.",
                            version: "The ferry left Bergen at dawn. In the lounge, the pupils argued about ⟦Nitsshe⟧ until the coast of Shetland came into view.",
                            otherVersions: ["The ferry left Bergen at dawn. In the lounge, pupils argued over Nietzsche until the coast of Shetland came into view."]),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The mayor thanked Ilse Varga.", version: "The mayor thanked Ilse Varga warmly."),
            DetectorExample(source: "Last month the council met.", version: "Earlier the council met."),
            DetectorExample(source: "Mr. Brennan spoke.", version: "Mayor Brennan spoke."),
            DetectorExample(source: "Die Regierung trat zurück.", version: "Die Bundesregierung trat zurück."),
            DetectorExample(source: "Kerry met the envoy.", version: "Kerry's aide met the envoy."),
            DetectorExample(source: "Mayor Brennan spoke. He thanked the crews.", version: "Mayor Brennan spoke. Then MrBrennan thanked the crews."),
            DetectorExample(source: "The envoy Tomas Reyes arrived in Oslo.",
                            version: "The envoy Tomas Reyes arrived in Oslo. He later met Anna Weiss about the storm that closed the harbour.",
                            otherVersions: ["The envoy Tomas Reyes arrived in Oslo. He later met Mr. Reyes about the storm that closed the harbour."]),
            DetectorExample(source: "The talks with U.S. officials ended.", version: "The talks with US officials ended."),
            // Transliterations the entities lexicon gives one identity.
            DetectorExample(source: "The archive holds letters that Gaddafi wrote in 1975.",
                            version: "The archive holds letters that Qaddafi wrote in 1975."),
            DetectorExample(source: "The choir closed the evening with a hymn by Tchaikovsky.",
                            version: "The choir closed the evening with a hymn by Chaikovsky."),
            DetectorExample(source: "The ferry left Bergen at dawn.",
                            version: "The ferry left Bergen at dawn. On board, a historian spoke about Kadhafi and the desert war.",
                            otherVersions: ["The ferry left Bergen at dawn. On board, a historian spoke about Gaddafi and the desert war."]),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        var findings = NameSubstitutions.findings(by: self, in: context) { NameSubstitutions.nature(of: $0, in: context) == .corruption }
        // Each kind's findings added only where it has some (most texts have none of any): joining
        // empty lists cost as much as the rule's own quick tests.
        let confusions = ConsensusConfusion.all(in: context)
        if !confusions.isEmpty {
            findings += confusions.filter { $0.confusion.entryClass == "respelling" }.map { $0.finding(by: self, in: context) }
        }
        let corruptions = NameEvidence.corruptions(in: context)
        if !corruptions.isEmpty {
            findings += corruptions.map { corruption in
                let written = context.version.text(of: corruption.version.span)
                let message = corruption.evidence == .self
                    ? "“\(written)” is written “\(corruption.written)” elsewhere in this version"
                    : "“\(written)” stands where \(corruption.witnesses.joined(separator: ", ")) \(corruption.witnesses.count == 1 ? "names" : "name") “\(corruption.written)”"
                return finding(corruption.version.span, in: context, message: message, suggestion: corruption.written,
                               evidence: corruption.evidence)
            }
        }
        return findings
    }
}
