import Foundation
package import Scheduling
import Storage

extension RathausApp {
    /// The OpenAPI document as `/openapi.json` serves it, made without a server (`rathaus
    /// openapi`): the routes are built over a database in a temporary directory, removed after.
    package static func openAPIDocument(municipality: Municipality) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rathaus-openapi-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try Database.open(
            path: directory.appendingPathComponent("openapi.sqlite").path, municipality: municipality,
            clock: { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) })
        let app = try RathausApp(municipality: municipality, database: database, clock: ServerClock.system)
        return OpenAPIDocument.json(app.endpoints)
    }
}
