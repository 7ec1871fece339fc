/// What a lexicon file lists. See `Lexicons/README.md`.
public enum LexiconKind: String, Sendable, Hashable, CaseIterable {
    /// Abbreviations after which a full stop does not end a sentence ("Gen.", "z.B.").
    case abbreviations
    /// Titles written before a name, without the full stop ("Mr", "Gov").
    case honorifics
    /// Word pairs grammar allows twice in a row ("had had").
    case grammaticalDoubles = "grammatical-doubles"
    /// Numbers as words, "word=value", with "×N" for multipliers ("thousand=×1000").
    case numberWords = "number-words"
}
