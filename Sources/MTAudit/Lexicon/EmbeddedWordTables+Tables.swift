import LexiconTables

/// The tables of the built-in word lists, which `LexiconEmbedder` built from `Lexicons/words/` at
/// build time (`EmbeddedWordTables`, a generated file): read in place, with no parsing or hashing at
/// start-up.
extension EmbeddedWordTables {
    static let wordList = WordListTable(languages: languages, parts: wordListParts.map(Blob.init))
    static let trigramCounts = TrigramCounts(languageCount: languages.count, parts: trigramParts.map(Blob.init))
}
