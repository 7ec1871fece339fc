import Foundation
import PackagePlugin

/// Compiles the YAML files of the package's `Lexicons/` folder into the target, so that the binary
/// carries its default lexicons wherever it is installed, and the tables of the word lists of
/// `Lexicons/words/`, built at build time (see `LexiconEmbedder`). The files stay the one source of truth.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "Lexicons")
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["yml", "yaml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let words = directory.appending(path: "words")
        let lists = try FileManager.default.contentsOfDirectory(at: words, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        let wordOutput = context.pluginWorkDirectoryURL.appending(path: "EmbeddedWordTables.swift")
        return [
            .buildCommand(
                displayName: "Building the tables of \(lists.count) word lists from Lexicons/words/",
                executable: try context.tool(named: "LexiconEmbedder").url,
                arguments: ["--word-tables", wordOutput.path] + lists.map(\.path),
                inputFiles: lists,
                outputFiles: [wordOutput]
            ),
            .buildCommand(
                displayName: "Embedding \(files.count) lexicons from Lexicons/",
                executable: try context.tool(named: "LexiconEmbedder").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
