import Foundation
import Testing

@testable import Display

/// The stylesheets and scripts are the files in `Sources/Display/Assets/Files/`;
/// `Scripts/generate-assets` compiles them in. These tests fail while what the server would send
/// is not those files byte for byte, that is, while the generated Swift is stale.
@Suite struct AssetFilesTests {
    private static let folder = "Sources/Display/Assets/Files"
    private static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(folder)

    @Test(arguments: Assets.names)
    func theServedAssetIsItsFileByteForByte(name: String) throws {
        let path = Self.directory.appendingPathComponent(name).path
        let file = try #require(FileManager.default.contents(atPath: path), "\(Self.folder)/\(name) is missing")
        let served = try #require(Assets.file(named: name)).body
        if let line = firstDifferingLine(Array(file), served) {
            Issue.record("\(Self.folder)/\(name) differs from its Swift at line \(line): run Scripts/generate-assets")
        }
        #expect(Assets.etag(named: name) == "\"" + hex(Assets.fnv1a64(Array(file))) + "\"")
    }

    @Test func everyFileIsCompiledInAndNothingElse() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { !$0.hasPrefix(".") }.sorted()
        #expect(
            names == Assets.sources.keys.sorted(),
            "\(Self.folder) holds other files than are compiled in: run Scripts/generate-assets")
        #expect(names == Assets.names.sorted(), "Assets.names must name every file in \(Self.folder)")
    }

    /// The 1-based number of the first line at which `a` and `b` differ, or nil if they are equal.
    private func firstDifferingLine(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        guard a != b else { return nil }
        let common = zip(a, b).prefix { $0 == $1 }.count
        return a[..<common].count { $0 == UInt8(ascii: "\n") } + 1
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
