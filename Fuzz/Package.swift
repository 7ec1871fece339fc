// swift-tools-version: 6.1
// libFuzzer targets for mtaudit, kept out of the main package so that `swift build` and `swift test`
// never see the sanitizer flags. Build and run with `bash Fuzz/run.sh [seconds per target]`.
import PackageDescription

let fuzzerFlags: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzerLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

let package = Package(
    name: "mtaudit-fuzz",
    dependencies: [.package(name: "mtaudit", path: "..")],
    targets: [.target(name: "FuzzSupport", swiftSettings: fuzzerFlags)]
        + ["FuzzDecoder", "FuzzNormalizer", "FuzzSegmenter", "FuzzFeedLine", "FuzzMetrics"].map { name in
            .executableTarget(
                name: name,
                dependencies: ["FuzzSupport", .product(name: "MTAudit", package: "mtaudit"),
                               .product(name: "MTAuditText", package: "mtaudit")],
                swiftSettings: fuzzerFlags,
                linkerSettings: fuzzerLink)
        },
    swiftLanguageModes: [.v6]
)
