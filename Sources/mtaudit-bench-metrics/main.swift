// mtaudit's sentence metrics alone, timed the way sacreBLEU's `sentence_score` is timed in
// Scripts/bench-feed.sh: one call per pair, on the same pairs, in one process (BENCHMARKS.md).
//
//     swift build -c release --product mtaudit-bench-metrics
//     .build/release/mtaudit-bench-metrics FEED.jsonl
//
// FEED is a feed of `mtaudit feed` (JSON Lines: "source" and "versions"[0]."text" are read). Reading
// the feed is not timed; each metric's pass over all pairs is, in the thread's CPU time, and the
// best of three passes is printed, so that another process on the machine weighs as little as can be.

import Foundation
import MTAudit

guard CommandLine.arguments.count == 2, let data = FileManager.default.contents(atPath: CommandLine.arguments[1]) else {
    FileHandle.standardError.write(Data("usage: mtaudit-bench-metrics FEED.jsonl\n".utf8))
    exit(64)
}

var pairs: [(hypothesis: String, reference: String)] = []
for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
    guard let record = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
          let source = record["source"] as? String,
          let versions = record["versions"] as? [[String: Any]], let text = versions.first?["text"] as? String else {
        FileHandle.standardError.write(Data("line \(number + 1): no source and first version text\n".utf8))
        exit(65)
    }
    pairs.append((text, source))
}
let megabytes = Double(pairs.reduce(0) { $0 + $1.hypothesis.utf8.count + $1.reference.utf8.count }) / 1e6
print("\(pairs.count) pairs, \(String(format: "%.2f", megabytes)) MB of source and version text")

/// The thread's CPU time, in seconds (the metrics run on this thread alone).
func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

let metrics: [any SentenceMetric] = [CharacterFScore.chrF, CharacterFScore.chrFPlusPlus, SentenceBLEU(), TranslationEditRate()]
for metric in metrics {
    var best = Double.infinity, checksum = 0.0
    for _ in 0..<3 {
        let start = cpuSeconds()
        var sum = 0.0
        for pair in pairs { sum += metric.score(hypothesis: pair.hypothesis, reference: pair.reference) }
        best = min(best, cpuSeconds() - start)
        checksum = sum
    }
    print("mtaudit \(metric.name): \(String(format: "%.3f", best)) s (\(String(format: "%.1f", megabytes / best)) MB/s; mean score \(String(format: "%.2f", checksum / Double(pairs.count))))")
}
