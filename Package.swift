// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "mtaudit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mtaudit", targets: ["mtaudit"]),
        .library(name: "MTAudit", targets: ["MTAudit"]),
        .library(name: "MTAuditText", targets: ["MTAuditText"]),
        .library(name: "MTAuditReports", targets: ["MTAuditReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        // C++ shim over the system ICU (Debian's libicu-dev). Its public header includes only
        // <stdint.h>: no ICU type reaches Swift, so Foundation's own ICU cannot clash with it.
        .target(
            name: "CICU",
            linkerSettings: [
                // Foundation on Linux carries its own ICU; binding it first keeps each ICU to itself.
                .linkedLibrary("_FoundationICU", .when(platforms: [.linux])),
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        .target(name: "MTAuditText", dependencies: ["CICU"]),
        // The tables of the word lists (Lexicons/words/): built by LexiconEmbedder at build time,
        // read in place by MTAudit.
        .target(name: "LexiconTables"),
        // A lexicon file's model, read from YAML and checked: by MTAudit for the user's files, and by
        // LexiconEmbedder for the built-in ones at build time.
        .target(name: "LexiconFiles", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "MTAudit",
            dependencies: ["MTAuditText", "LexiconTables", "LexiconFiles", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedLexicons"]
        ),
        // Lexicons/*.yml, and the tables of Lexicons/words/*.txt, are compiled into MTAudit by this plugin and tool.
        .executableTarget(name: "LexiconEmbedder", dependencies: ["LexiconTables", "LexiconFiles"]),
        .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["LexiconEmbedder"]),
        .target(name: "MTAuditReports", dependencies: ["MTAudit", "MTAuditText"]),
        .executableTarget(
            name: "mtaudit",
            dependencies: [
                "MTAudit", "MTAuditReports", "MTAuditText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A release-mode benchmark of the sentence aligner's time against article length (BENCHMARKS.md).
        .executableTarget(name: "mtaudit-bench-aligner", dependencies: ["MTAudit", "MTAuditText"]),
        // The sentence metrics alone on a feed's pairs, to set beside sacreBLEU's (Scripts/bench-feed.sh).
        .executableTarget(name: "mtaudit-bench-metrics", dependencies: ["MTAudit"]),
        .testTarget(name: "LexiconTablesTests", dependencies: ["LexiconTables"]),
        .testTarget(name: "MTAuditTextTests", dependencies: ["MTAuditText"]),
        .testTarget(name: "MTAuditTests", dependencies: ["MTAudit", "MTAuditText", "LexiconTables"], exclude: ["Fixtures"]),
        .testTarget(name: "MTAuditReportsTests", dependencies: ["MTAuditReports", "MTAudit", "MTAuditText"], exclude: ["Golden", "Stories"]),
        .testTarget(name: "mtauditTests", dependencies: ["mtaudit"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
