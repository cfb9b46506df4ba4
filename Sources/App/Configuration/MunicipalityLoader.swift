import Foundation
package import Scheduling

/// Loads a municipality's configuration file from disk.
package enum MunicipalityLoader {
    /// The demo municipality, relative to the working directory (the repository root).
    package static let demoPath = "Calendars/musterstadt/musterstadt.json"

    /// The largest configuration file accepted.
    package static let maxFileBytes = 8 << 20

    /// Reads and checks the configuration at `path`; `warn` gets one line for each thing read
    /// with a fallback (default: `rathaus: warning: FILE: …` on standard error).
    package static func load(path: String, warn: ((String) -> Void)? = nil) throws(ConfigurationError) -> Municipality {
        let name = (path as NSString).lastPathComponent
        let bytes: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maxFileBytes {
                throw ConfigurationError(file: name, message: "larger than \(maxFileBytes >> 20) MiB")
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
        let readCalendar: MunicipalityDecoder.CalendarReader = { file in
            let full = file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: full) else { return .failure(.init("no such file")) }
            guard let data = FileManager.default.contents(atPath: full),
                data.count <= maxFileBytes, let text = String(data: data, encoding: .utf8)
            else { return .failure(.init("cannot be read as UTF-8 text up to \(maxFileBytes >> 20) MiB")) }
            return .success(text)
        }
        do {
            let warn = warn ?? { line in Log.standardError("rathaus: warning: \(line)") }
            return try MunicipalityDecoder.decode(root, readCalendar: readCalendar) { warn("\(name): \($0)") }
        } catch {
            throw ConfigurationError(file: name, message: error.description)
        }
    }
}
