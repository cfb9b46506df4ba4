import Foundation
import Testing

/// Golden files: renderer output committed under `Tests/DisplayTests/Golden/`, compared byte for
/// byte. After an intended change, regenerate them and review the diff:
///
///     RATHAUS_UPDATE_GOLDEN=1 swift test --filter DisplayTests
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var updating: Bool {
        ProcessInfo.processInfo.environment["RATHAUS_UPDATE_GOLDEN"] == "1"
    }

    /// Expects `actual` to equal the golden file `name`; when updating, writes it instead.
    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "missing golden file \(name); run RATHAUS_UPDATE_GOLDEN=1 swift test --filter DisplayTests",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let index =
                zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            Issue.record(
                "\(name) differs at line \(index + 1):\n  got:  \(got)\n  want: \(want)", sourceLocation: sourceLocation
            )
        }
    }
}
