import Foundation
package import Scheduling

/// The municipality's configuration as a document: the JSON of the configuration file's format
/// (Documentation/Configuration.md) and the text of the closure calendars it names. Every change,
/// from the console, the API or a file, is a new document; `municipality()` checks it field by
/// field with the same rules as the file (Documentation/Administration.md).
package struct ConfigurationDocument: Sendable, Equatable {
    package static func == (lhs: ConfigurationDocument, rhs: ConfigurationDocument) -> Bool {
        lhs.root == rhs.root && lhs.calendars == rhs.calendars
    }

    package var root: JSONValue
    /// The closure calendars the offices name (`closureCalendars`), file name → text.
    package var calendars: [String: String]
    /// The bytes of the file it was read from (empty when it was not read from a file).
    package var fileBytes: [UInt8] = []

    package init(root: JSONValue, calendars: [String: String] = [:]) {
        self.root = root
        self.calendars = calendars
    }

    /// The document of the configuration file at `path`, with the calendars it names read from
    /// beside it.
    package static func read(file path: String) throws(ConfigurationError) -> ConfigurationDocument {
        let name = (path as NSString).lastPathComponent
        let bytes: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > MunicipalityLoader.maxFileBytes {
                throw ConfigurationError(
                    file: name, message: "larger than \(MunicipalityLoader.maxFileBytes >> 20) MiB")
            }
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as ConfigurationError {
            throw error
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigurationError(file: path, message: exists ? "cannot be read" : "no such file")
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw ConfigurationError(file: name, message: "not valid JSON: \(error)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        var calendars: [String: String] = [:]
        for office in root["offices"]?.items ?? [] {
            for file in (office["closureCalendars"]?.items ?? []).compactMap(\.stringValue) where calendars[file] == nil
            {
                let full = file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: full),
                    data.count <= MunicipalityLoader.maxFileBytes,
                    let text = String(data: data, encoding: .utf8)
                else { continue }  // the decoder names the file and the field
                calendars[file] = text
            }
        }
        var document = ConfigurationDocument(root: root, calendars: calendars)
        document.fileBytes = Array(bytes)
        return document
    }

    /// The document's bytes as stored and exported (the file's layout).
    package var bytes: [UInt8] { Array(root.text(pretty: true).utf8) }

    /// The municipality the document describes, checked; `warn` gets a line for each thing in a
    /// closure calendar read with a fallback.
    package func municipality(warn: (String) -> Void = { _ in }) throws(JSONPathError) -> Municipality {
        let calendars = calendars
        return try MunicipalityDecoder.decode(
            root,
            readCalendar: { file in
                calendars[file].map { .success($0) } ?? .failure(.init("no such file"))
            }, warn: warn)
    }

    // MARK: Offices

    /// The configuration of office `id`, if the document has it.
    package func office(_ id: OfficeID) -> JSONValue? {
        root["offices"]?.items.first { $0["id"]?.stringValue == id.rawValue }
    }

    /// The document with office `id`'s configuration replaced by `office`.
    package func replacingOffice(_ id: OfficeID, with office: JSONValue) -> ConfigurationDocument {
        let offices = (root["offices"]?.items ?? []).map { $0["id"]?.stringValue == id.rawValue ? office : $0 }
        return ConfigurationDocument(root: root.setting("offices", to: .array(offices)), calendars: calendars)
    }

    /// The document with `change` applied to office `id`'s configuration.
    package func changingOffice(_ id: OfficeID, _ change: (JSONValue) -> JSONValue) -> ConfigurationDocument? {
        guard let office = office(id) else { return nil }
        return replacingOffice(id, with: change(office))
    }
}
