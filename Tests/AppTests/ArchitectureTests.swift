import Foundation
import Testing

/// The rules of the code's layout that a reader relies on (Documentation/Architecture.md, "Rules"
/// and "The App layer"), checked on the sources themselves.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every Swift file under `Sources/<module>`, with its text.
    static func sources(in module: String) throws -> [(path: String, text: String)] {
        let folder = root.appendingPathComponent("Sources/\(module)")
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        var files: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            files.append(
                (String(url.path.dropFirst(root.path.count + 1)), try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    static let modules = [
        "App", "Scheduling", "ICalendar", "Display", "HTTPServer", "Mail", "Simulation", "RathausCommandLine",
        "rathaus",
        "rathaus-tools",
    ]

    @Test func noSQLIsWrittenOutsideStorage() throws {
        let statement = try Regex(
            #"\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|PRAGMA\s+\w)"#
        )
        var found: [String] = []
        for module in Self.modules {
            for (path, text) in try Self.sources(in: module) {
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.contains("\"") && line.contains(statement) {
                    found.append("\(path):\(number + 1)")
                }
            }
        }
        #expect(found.isEmpty, "SQL outside Sources/Storage: \(found)")
        #expect(try !Self.sources(in: "App").isEmpty)
    }

    @Test func noFileOfAppIsLongerThanFourHundredLines() throws {
        let long = try Self.sources(in: "App").filter {
            $0.text.split(separator: "\n", omittingEmptySubsequences: false).count > 400
        }
        #expect(long.map(\.path).isEmpty, "files of App over 400 lines: \(long.map(\.path))")
    }

    @Test func everyDocumentTheCodeNamesIsOneTheRepositoryHas() throws {
        let documented = Set(
            try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Documentation").path)
        ).union(["README.md"])
        let name = try Regex(#"[A-Za-z][A-Za-z0-9_-]*\.md\b"#)
        var missing: [String] = []
        for module in Self.modules + ["Storage", "Hashing"] {
            for (path, text) in try Self.sources(in: module) {
                for match in text.matches(of: name) where !documented.contains(String(text[match.range])) {
                    missing.append("\(path): \(text[match.range])")
                }
            }
        }
        #expect(missing.isEmpty, "documents the repository does not have: \(missing)")
    }
}
