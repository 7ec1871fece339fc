@testable import MTAudit
import MTAuditText
import Testing

/// The screen that rules name pairs out before their distance is computed (`NameScreen`), against
/// the similarity itself.
@Suite("A name pair's screen rules out only pairs below the threshold")
struct Detect10NameScreenTests {
    /// Letters of names: ASCII ones, accented and other scripts' (off the ASCII path), a digit and a
    /// full stop, and scalars 32 apart (which share a bit).
    static let letters: [Unicode.Scalar] = Array("abcdeghiklmnorstuvyzAKé ñøçдлфщ.1'".unicodeScalars)
        + ["\u{41}", "\u{61}", "\u{81}", "\u{E1}", "\u{101}"]

    /// A name of up to `longest` letters.
    static func name(_ random: inout SplitMix, longest: Int) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...longest, using: &random) { text.append(letters.randomElement(using: &random)!) }
        return String(text)
    }

    /// `name` edited a few times: near names, which the threshold keeps, beside far ones.
    static func edited(_ name: String, _ random: inout SplitMix) -> String {
        var scalars = Array(name.unicodeScalars)
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            let letter = letters.randomElement(using: &random)!
            switch Int.random(in: 0..<3, using: &random) {
            case 0: scalars.insert(letter, at: Int.random(in: 0...scalars.count, using: &random))
            case 1 where !scalars.isEmpty: scalars.remove(at: Int.random(in: 0..<scalars.count, using: &random))
            default: if !scalars.isEmpty { scalars[Int.random(in: 0..<scalars.count, using: &random)] = letter }
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    @Test("A pair ruled out is below the threshold; the screen's length is the key's in scalars")
    func screenIsABound() {
        var random = SplitMix(seed: 1_010)
        var ruledOut = 0, kept = 0
        for round in 0..<20_000 {
            let a = Self.name(&random, longest: round % 5 == 0 ? 70 : 12)
            let b = Bool.random(using: &random) ? Self.edited(a, &random) : Self.name(&random, longest: 12)
            let (x, y) = (NameScreen(a), NameScreen(b))
            #expect(Int(x.length) == a.unicodeScalars.count, "\(a)")
            #expect(x.mayReach(y, threshold: 0.6) == y.mayReach(x, threshold: 0.6), "\(a) / \(b)")
            let similarity = NameRuns.similarity(a, b)
            for threshold in [0.3, 0.5, 0.6, 0.75, 0.9] where !x.mayReach(y, threshold: threshold) {
                #expect(similarity < threshold - 1e-9, "\(a) / \(b) at \(threshold): \(similarity)")
            }
            if x.mayReach(y, threshold: 0.6) { kept += 1 } else { ruledOut += 1 }
        }
        // Both ways taken: the screen rules pairs out, and keeps others.
        #expect(ruledOut > 1000 && kept > 1000, "\(ruledOut) ruled out, \(kept) kept")
    }
}

/// The self evidence's search for a version's own spelling of a name (`NameEvidence.closest`), which
/// screens names and raises its bar to the best found, against a plain search of every name.
@Suite("The closest confirmed name is the one a search of every name finds")
struct Detect10ClosestNameTests {
    /// Names and near spellings of them, so that ties and near misses are common.
    static let pool = ["Halvorsen", "Halverson", "Halvorson", "Kerry", "Kelly", "Kery", "Varga", "Farga", "Vargas",
                       "Anchorage", "Ancollage", "Ostby", "Østby", "Osby", "Brennan", "Brenan", "Brennon", "Lyon",
                       "Lyons", "Leon", "Nagano", "Nagoya", "Suwa", "Suva", "Qaddafi", "Gaddafi", "Kessa", "Kesa", "Ma",
                       "Müller", "Muller", "Mueller", "Jo", "Joe"]

    /// The plain search: every name with a mention outside `sentence` compared, the most alike kept,
    /// the first written among equals.
    static func plain(_ key: String, _ names: [NameEvidence.ConfirmedName], outside sentence: Int,
                      threshold: Double) -> (run: NameRuns.Run, similarity: Double)? {
        var best: (run: NameRuns.Run, similarity: Double, place: (Int, Int))?
        for name in names {
            guard let mention = name.first.sentence != sentence ? name.first : name.next else { continue }
            let similarity = NameRuns.similarity(key, name.key)
            let place = (mention.sentence, mention.run.span.start)
            if best == nil || similarity > best!.similarity || (similarity == best!.similarity && place < best!.place) {
                best = (mention.run, similarity, place)
            }
        }
        guard let best, best.similarity >= threshold else { return nil }
        return (best.run, best.similarity)
    }

    @Test("Screened search and plain search find the same name")
    func closestAsPlain() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 10_010)
        var found = 0, none = 0
        for _ in 0..<150 {
            let sentences = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                "Then " + (0..<Int.random(in: 1...5, using: &random)).map { _ in Self.pool.randomElement(using: &random)! }
                    .joined(separator: " and ") + " spoke."
            }
            let document = Document(id: "v", text: sentences.joined(separator: " "), segmenter: segmenter)
            let confirmed = document.tokens.filter { $0.kind == .letters && $0.text.startsWithCapital && $0.text != "Then" }
                .map { (sentence: $0.sentence, token: $0, key: base($0.key)) }
            let names = NameEvidence.confirmedNames(confirmed)
            for query in Self.pool {
                let key = base(Normalizer.matchingKey(query))
                for sentence in document.sentences.indices {
                    for threshold in [0.6, 0.8] {
                        let fast = NameEvidence.closest(to: key, among: names, outside: sentence, threshold: threshold)
                        let slow = Self.plain(key, names, outside: sentence, threshold: threshold)
                        #expect(fast?.run.span == slow?.run.span && fast?.similarity == slow?.similarity,
                                "\(key) in sentence \(sentence) of \(document.text)")
                        if slow == nil { none += 1 } else { found += 1 }
                    }
                }
            }
        }
        // Both answers common: names found, and names with none alike enough.
        #expect(found > 1000 && none > 1000, "\(found) found, \(none) none")
    }
}
