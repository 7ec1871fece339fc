import MTAuditText

/// Flags two words run together ("MrBrennan", "Xisaid", "Whitehouse") and its mirror, a word split
/// apart ("eco nomy"), judged by the source's words, names and word pairs and by the honorifics
/// lexicon.
public struct MergedTokensDetector: Detector {
    public static let description = DetectorDescription(
        id: "merged-tokens",
        name: "Merged or split tokens",
        summary: "Two words of the source run together, or one word split apart.",
        category: .spelling,
        severity: .minor,
        rationale: """
            Round trips through machine translation drop spaces and full stops ("MrBrennan") or insert \
            them inside words. A merged token is flagged only when it is unknown to the source and splits \
            into known parts. At least one of the following must hold: the case turns mid-word after an \
            honorific or word ("MrBrennan"); the source writes the two parts side by side; one part is a \
            name from the source ("Xisaid"). A split is flagged only when the joined word is the source's \
            and one part is no word of it.
            """,
        triggeringExamples: [
            DetectorExample(source: "Mr. Brennan spoke first.", version: "Then ⟦MrBrennan⟧ spoke first."),
            DetectorExample(source: "Later Halvorsen said no.", version: "Later ⟦Halvorsensaid⟧ no."),
            DetectorExample(source: "She met the harbour master.", version: "She met the ⟦harbourmaster⟧."),
            DetectorExample(source: "The economy grew.", version: "The ⟦eco nomy⟧ grew."),
            DetectorExample(source: "Dr. Ingrid Falk arrived.", version: "⟦DrFalk⟧ arrived."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "Mr. Brennan spoke.", version: "Mr Brennan spoke."),
            DetectorExample(source: "She went in to the hall.", version: "She went into the hall."),
            DetectorExample(source: "Every day the ferry runs.", version: "The ferry runs every day."),
            DetectorExample(source: "The iPhone and McDonald sold well.", version: "The iPhone and McDonald sold well."),
            DetectorExample(source: "Wind power grew.", version: "Windkraft wuchs."),
            DetectorExample(source: "The harbour master spoke.", version: "The harbour master spoke."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        // Both checks start from a word the vocabulary (the source's, and the others') does not hold:
        // a version whose every word is the source's, in place, has none.
        if Vocabulary.sourceWritesEveryWord(of: context.version, inPlace: context.source) { return [] }
        // Across languages a merged word is judged only at a cut where the case turns ("MrBrennan"),
        // and split words are not looked for: a version with no word that turns case inside is done
        // before the vocabulary is read or any word looked up (most versions in another language).
        if !context.sameLanguage && !Self.someWordTurnsCase(context.version) { return [] }
        let vocabulary = Vocabulary(context.source, others: context.otherVersions)
        // (As a `KeySet`, made once for the lexicons: it is asked about the left half at every cut
        // of every unknown word, and its hash costs a fraction of the standard set's.)
        let honorifics = NameRuns.honorificKeys(in: context)
        // Whether each word of the version is one of the vocabulary's, read once for both checks.
        let tokens = context.version.tokens
        let known: [Bool]
        if tokens.count > NameRuns.repeatingText {
            // Each distinct key looked up once, by the ids the version's words give its tokens (made
            // once per document for the aligner): a long text repeats most of its words.
            let words = DocumentWords.of(context.version)
            // (Each by the hash the document keeps of its key.)
            let keys = words.keys, ids = words.tokenIds
            var inVocabulary = [Bool](filledWith: false, count: keys.count)
            words.forEachKeyHash { id, hash in inVocabulary[id] = vocabulary.contains(keys[id], hash: hash) }
            known = tokens.indices.map { tokens[$0].kind == .letters && inVocabulary[Int(ids[$0])] }
        } else {
            // (Each key looked up by the hash the document keeps of it.)
            let hashes = context.version.keyHashes
            known = tokens.indices.map { tokens[$0].kind == .letters && vocabulary.contains(tokens[$0].key, hash: hashes[$0]) }
        }
        var findings: [Finding] = []
        // By index, each candidate (an unknown word long enough to split) read in place through a
        // buffer: only one that runs two words together is copied out of the array.
        tokens.withUnsafeBufferPointer { buffer in
            for k in buffer.indices where buffer[k].kind == .letters && !known[k] && buffer[k].scalarCount >= Self.shortestSplit {
                if let split = split(buffer.baseAddress! + k, vocabulary: vocabulary, honorifics: honorifics, sameLanguage: context.sameLanguage) {
                    let token = buffer[k]
                    findings.append(finding(token.span, in: context,
                                            message: "“\(token.text)” runs two words together: “\(split)”",
                                            suggestion: split, evidence: .source))
                }
            }
        }
        if context.sameLanguage {
            // (Joined only when both have findings: most have none, and a join of two arrays cost
            // more than the look.)
            let splits = splitWords(context, vocabulary: vocabulary, known: known)
            if findings.isEmpty { return splits }
            if !splits.isEmpty { findings += splits }
        }
        return findings
    }

    /// The fewest characters of a word `split` tries to cut in two.
    private static let shortestSplit = 4

    /// Whether some letter word of `document` long enough to split (`shortestSplit`) turns from a
    /// lower-case letter to a capital at a cut `split` tries (before its scalar 2 to `count - 2`):
    /// across languages `judge` makes a merged word of no other cut, so a version with none has no
    /// merged word to find. An ASCII word (most) is read as its bytes in the text.
    static func someWordTurnsCase(_ document: Document) -> Bool {
        let tokens = document.tokens
        var text = document.text
        return text.withUTF8 { bytes in
            for k in tokens.indices where tokens[k].kind == .letters && tokens[k].scalarCount >= shortestSplit {
                if tokens[k].isASCII {
                    let range = tokens[k].utf8
                    // Cut `c` (2 ... count - 2): bytes `c - 1` and `c` of the word.
                    for at in (range.lowerBound + 2)...(range.upperBound - 2) {
                        let before = bytes[at - 1], here = bytes[at]
                        if before >= 0x61 && before <= 0x7A && here >= 0x41 && here <= 0x5A { return true }
                    }
                } else if turnsCase(tokens[k].text, count: tokens[k].scalarCount) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether `text` (of `count` scalars) turns from a lower-case letter to a capital before one of
    /// its scalars 2 to `count - 2`, as `judge` reads its cuts.
    static func turnsCase(_ text: String, count: Int) -> Bool {
        var previousIsLower = false
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index >= 2 && index <= count - 2 && previousIsLower && scalar.hasUppercaseProperty { return true }
            previousIsLower = scalar.hasLowercaseProperty
        }
        return false
    }

    /// The two words `token` is made of, as they should be written, or nil. (The token read through
    /// a pointer into the array: each candidate passed by value was a copy, its text and key
    /// retained and released.)
    private func split(_ token: UnsafePointer<Token>, vocabulary: Vocabulary, honorifics: KeySet, sameLanguage: Bool) -> String? {
        let count = token.pointee.scalarCount
        guard count >= Self.shortestSplit else { return nil }
        // An ASCII word without white space (which folds together) folds byte by byte: each half's
        // key is that slice of the word's key (`token.key`, the word’s matching form). Its cuts are
        // read from the key's bytes in place (`asciiCuts`); only a cut into two words is written out.
        let printableASCII = token.pointee.text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 >= 0x21 && $0 < 0x80 }
        } ?? token.pointee.text.utf8.allSatisfy { $0 >= 0x21 && $0 < 0x80 }
        // (`asciiCut` reads the key's bytes unchecked, one a scalar: a key folded otherwise, which the
        // ASCII folding never makes, takes the general path below rather than reading past them.)
        if printableASCII, token.pointee.key.utf8.count == count {
            let key = token.pointee.key.utf8
            return key.withContiguousStorageIfAvailable { bytes in
                asciiCut(bytes, token: token, vocabulary: vocabulary, honorifics: honorifics, sameLanguage: sameLanguage)
            } ?? Array(key).withUnsafeBufferPointer { bytes in
                asciiCut(bytes, token: token, vocabulary: vocabulary, honorifics: honorifics, sameLanguage: sameLanguage)
            }
        }
        let view = token.pointee.text.unicodeScalars
        // The scalars, and where each starts, so that each half is a slice of the text, not rebuilt
        // scalar by scalar.
        let scalars = Array(view)
        lazy var starts = Array(view.indices)
        for k in 2...(count - 2) {
            // Never split a base letter from its combining marks (ASCII has none).
            if scalars[k].properties.generalCategory.isMark { continue }
            // The left half first: where it is no word, the right half need not be read.
            let left = Normalizer.matchingKey(String(view[..<starts[k]]))
            guard vocabulary.contains(left) || honorifics.contains(left) else { continue }
            let right = Normalizer.matchingKey(String(view[starts[k]...]))
            guard vocabulary.contains(right) else { continue }
            if let written = judge(left: left, right: right, at: k, scalars: scalars, token: token, starts: starts,
                                   vocabulary: vocabulary, honorifics: honorifics, sameLanguage: sameLanguage) {
                return written
            }
        }
        return nil
    }

    /// `split` of a printable ASCII word, whose key's bytes are `key` (as many as its scalars, and its
    /// text's bytes): the
    /// first cut (from the second byte on) into two words that makes a merged word.
    ///
    /// Each cut's left half is looked up by its bytes, hashed as the cut moves right (FNV-1a folds one
    /// byte at a time: the hash of one more byte is one step); most make no word, and no string is
    /// made for them. The right half is hashed only after a left word.
    private func asciiCut(_ key: UnsafeBufferPointer<UInt8>, token: UnsafePointer<Token>, vocabulary: Vocabulary,
                          honorifics: KeySet, sameLanguage: Bool) -> String? {
        let count = token.pointee.scalarCount
        var leftHash = FNV1a.hash(UnsafeBufferPointer(rebasing: key[..<2]))
        var k = 2
        while k <= count - 2 {
            defer {
                leftHash = KeyHash.step(leftHash, key[k])
                k += 1
            }
            let left = UnsafeBufferPointer(rebasing: key[..<k])
            guard vocabulary.contains(bytes: left, hash: leftHash) || honorifics.contains(bytes: left, hash: leftHash) else { continue }
            let right = UnsafeBufferPointer(rebasing: key[k...])
            guard vocabulary.contains(bytes: right, hash: FNV1a.hash(right)) else { continue }
            // (An ASCII word's scalars are its bytes, and its scalars' starts their offsets.)
            let scalars = token.pointee.text.utf8.map { Unicode.Scalar($0) }
            let starts = Array(token.pointee.text.unicodeScalars.indices)
            if let written = judge(left: String(decoding: left, as: UTF8.self), right: String(decoding: right, as: UTF8.self),
                                   at: k, scalars: scalars, token: token, starts: starts,
                                   vocabulary: vocabulary, honorifics: honorifics, sameLanguage: sameLanguage) {
                return written
            }
        }
        return nil
    }

    /// Whether the cut of `token` before scalar `k` into the words of keys `left` and `right` (both
    /// words of the vocabulary or honorifics) makes a merged word: the two words as they should be
    /// written, or nil. `scalars` are the token's scalars and `starts` their indices in its text.
    private func judge(left: String, right: String, at k: Int, scalars: [Unicode.Scalar], token: UnsafePointer<Token>, starts: [String.Index],
                       vocabulary: Vocabulary, honorifics: KeySet, sameLanguage: Bool) -> String? {
        let view = token.pointee.text.unicodeScalars
        let leftText = String(view[..<starts[k]]), rightText = String(view[starts[k]...])
        let turnsCase = scalars[k - 1].hasLowercaseProperty && scalars[k].hasUppercaseProperty
        if turnsCase && (honorifics.contains(left) || vocabulary.isProperName(right)) {
            return vocabulary.pairs[left + " " + right] ?? leftText + " " + rightText
        }
        guard sameLanguage else { return nil }
        // Short function words run together ("into", "onto") are words of their own.
        if min(left.count, right.count) >= 3, let written = vocabulary.pairs[left + " " + right] { return written }
        let leftName = vocabulary.isProperName(left), rightName = vocabulary.isProperName(right)
        if (leftName && right.count >= 3) || (rightName && left.count >= 3) {
            return leftText + " " + rightText
        }
        return nil
    }

    /// Two neighbouring words of the version that make one word of the source, one of them no word
    /// at all there ("eco nomy").
    /// `known` tells which of the version's tokens are words of `vocabulary`.
    private func splitWords(_ context: DetectionContext, vocabulary: Vocabulary, known: [Bool]) -> [Finding] {
        let tokens = context.version.tokens, hashes = context.version.keyHashes
        var findings: [Finding] = []
        // (Through buffers: the tests read the tokens in place, the keys passed on with no copy
        // retained; only a pair that passes them all is copied.)
        tokens.withUnsafeBufferPointer { tokens in
            hashes.withUnsafeBufferPointer { hashes in
                for k in tokens.indices.dropFirst() {
                    // Two known words are no split word: only then is the joined word looked up.
                    guard tokens[k - 1].kind == .letters, tokens[k].kind == .letters, tokens[k - 1].sentence == tokens[k].sentence,
                          !known[k - 1] || !known[k] else { continue }
                    // (The joined keys are looked up by their bytes. Two matching keys joined are in normal
                    // form unless the second starts with a character that combines with the first's end, a
                    // mark or a trailing jamo, which the word rules never leave at the start of a word.)
                    // (Most end at the filters, told with the second token read through a pointer: passed
                    // by value, each key was retained and released.)
                    guard Self.mayContainJoined(hash: hashes[k - 1], tokens.baseAddress! + k, in: vocabulary),
                          Self.containsJoined(tokens[k - 1].key, hash: hashes[k - 1], tokens[k].key, in: vocabulary),
                          vocabulary.pairs[tokens[k - 1].key + " " + tokens[k].key] == nil else { continue }
                    let a = tokens[k - 1], b = tokens[k]
                    let span = a.span.union(b.span)
                    findings.append(finding(span, in: context,
                                            message: "“\(context.version.text(of: span))” splits one word apart: “\(a.text + b.text)”",
                                            suggestion: a.text + b.text, evidence: .source))
                }
            }
        }
        return findings
    }

    /// `vocabulary.contains(a + b)`, with no string made: the joined key's hash is `a`'s carried on
    /// through `b`'s bytes (FNV-1a folds a byte at a time), and most joined keys end at the
    /// vocabulary's filters; only one they let through is joined, on the stack, to be looked up.
    static func containsJoined(_ a: String, _ b: String, in vocabulary: Vocabulary) -> Bool {
        containsJoined(a, hash: FNV1a.hash(Array(a.utf8)), b, in: vocabulary)
    }

    /// False when `containsJoined(a, hash: aHash, b.key, in:)` surely is: the joined key's hash (as
    /// there) is turned away by every filter of the vocabulary. The token read in place.
    static func mayContainJoined(hash aHash: UInt64, _ b: UnsafePointer<Token>, in vocabulary: Vocabulary) -> Bool {
        let hash = b.pointee.key.utf8.withContiguousStorageIfAvailable { KeyHash.fnv1a(continuing: aHash, $0) }
            ?? { var key = b.pointee.key; return key.withUTF8 { KeyHash.fnv1a(continuing: aHash, $0) } }()
        return vocabulary.mayContain(hash: hash)
    }

    /// `containsJoined(a, b, in:)` with `a`'s hash (`FNV1a.hash`, a document's `keyHashes`) given:
    /// the joined key's hash carries it on through `b`'s bytes alone.
    static func containsJoined(_ a: String, hash aHash: UInt64, _ b: String, in vocabulary: Vocabulary) -> Bool {
        // (`b`'s bytes read in place where they are contiguous, with no copy of the string to read
        // them through `withUTF8`, which mutates.)
        let hash = b.utf8.withContiguousStorageIfAvailable { KeyHash.fnv1a(continuing: aHash, $0) }
            ?? { var b = b; return b.withUTF8 { KeyHash.fnv1a(continuing: aHash, $0) } }()
        // Most end here: `a`'s bytes are read only for a joined key the filters let through.
        guard vocabulary.mayContain(hash: hash) else { return false }
        var a = a, b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: a.count + b.count) { joined in
                    _ = joined.initialize(fromContentsOf: a)
                    _ = UnsafeMutableBufferPointer(rebasing: joined[a.count...]).initialize(fromContentsOf: b)
                    return vocabulary.contains(bytes: UnsafeBufferPointer(joined), hash: hash)
                }
            }
        }
    }
}
