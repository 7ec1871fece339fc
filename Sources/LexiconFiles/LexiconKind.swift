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
    /// Countries and other geo-political entities: names, adjectives, combining prefixes, metonyms.
    case countries
    /// Official titles and roles; the names of one entry are synonyms ("Vice Foreign Minister").
    case titles
    /// Weekdays, months, ordinals, relative days and times of day.
    case dateTimeWords = "date-time-words"
    /// People, organisations, places and other named entities: the names, aliases and accepted
    /// transliterations that are one entity ("UN", "United Nations"; "Gaddafi", "Qaddafi").
    case entities
    /// Known machine-translation confusions: a right form and the wrong renderings round trips make
    /// of it (a name read as the word it spells, a name respelt through another script).
    case confusions

    /// Whether the file lists structured `entries` rather than flat `languages` lists.
    public var isStructured: Bool { !Self.fields(of: self).isEmpty }

    /// The fields an entry of a structured kind may have, each mapping languages to lists of forms.
    public static func fields(of kind: LexiconKind) -> [String] {
        switch kind {
        case .countries: return ["names", "adjectives", "prefixes", "metonyms"]
        case .titles: return ["names"]
        case .dateTimeWords: return ["words"]
        case .entities: return ["names", "aliases", "transliterations"]
        case .confusions: return ["right", "wrong"]
        default: return []
        }
    }

    /// The fields an entry of this kind must have: an entity needs a name, a confusion both sides.
    public static func requiredFields(of kind: LexiconKind) -> [String] {
        switch kind {
        case .entities: return ["names"]
        case .confusions: return ["right", "wrong"]
        default: return []
        }
    }

    /// The classes an entry of this kind must have one of; empty when `class` is free (or absent).
    public static func classes(of kind: LexiconKind) -> [String] {
        switch kind {
        case .dateTimeWords: return ["weekday", "month", "ordinal", "relative-day", "time-of-day"]
        case .entities: return ["person", "organisation", "place", "event", "work", "other"]
        case .confusions: return ["name-as-word", "respelling"]
        default: return []
        }
    }
}
