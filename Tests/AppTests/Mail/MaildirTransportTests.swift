import App
import Foundation
import Mail
import RathausTesting
import Testing

/// The Maildir transport, on a fresh folder per test; what it writes is read back with Python's
/// email package.
@Suite struct MaildirTransportTests {
    @Test func eachMessageBecomesOneFileInNewWithAMaildirName() throws {
        try withTemporaryDirectory { directory in
            let folder = directory.file("deep/er/mail")
            let transport = MaildirTransport(directory: folder, hostName: "rathaus/host:1")
            let messages = try (1...3).map { try MailTransportFixtures.message(number: $0) }
            #expect(transport.deliver(messages) == [.delivered, .delivered, .delivered])
            let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/new").sorted()
            #expect(names.count == 3)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/tmp").isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/cur").isEmpty)
            for name in names {
                let pieces = name.split(separator: ".", maxSplits: 2)
                #expect(pieces.count == 3)
                #expect(pieces.first.map { $0.allSatisfy(\.isNumber) } == true)
                #expect(pieces.dropFirst().first?.hasPrefix("M") == true)
                #expect(pieces.last == "rathaus\\057host\\0721")
            }
            let contents = try names.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/new/" + $0))) }
            #expect(Set(contents) == Set(messages.map { $0.content.filter { $0 != 0x0D } }))
        }
    }

    @Test(.enabled(if: PythonEmail.isAvailable, "python3 is not installed"))
    func aWrittenMessageReadsBackInPython() throws {
        try withTemporaryDirectory { directory in
            #expect(
                MaildirTransport(directory: directory.path).deliver([try MailTransportFixtures.message(number: 4)]) == [
                    .delivered
                ])
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.file("new")).first)
            let parsed = try PythonEmail.parse(
                [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory.file("new/" + name)))))
            #expect(parsed.value("Subject") == "Ihr Termin Nr. 4")
            #expect(parsed.addresses("From").map(\.0) == ["Bürgerbüro Musterstadt"])
            #expect(parsed.parts.first?.text == "Guten Tag,\n\nIhr Termin Nr. 4 ist bestätigt.\n")
        }
    }

    @Test func aFolderThatCannotBeMadeIsATemporaryFailureForEveryMessage() throws {
        try withTemporaryDirectory { directory in
            try Data("not a folder".utf8).write(to: URL(fileURLWithPath: directory.file("file")))
            let transport = MaildirTransport(directory: directory.file("file/mail"))
            let results = transport.deliver(try (1...2).map { try MailTransportFixtures.message(number: $0) })
            #expect(results.count == 2)
            #expect(results.allSatisfy { MailTransportFixtures.isTemporary($0, containing: "cannot make the folder") })
        }
    }
}
