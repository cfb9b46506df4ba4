import Foundation
package import Scheduling

/// How a municipality's offices are spread over several `rathaus serve` processes
/// (Documentation/Operations.md, "Several instances"): each instance serves some offices from a
/// database of its own, and knows the others as peers, to forward a request for one of their
/// offices and to ask them in searches across offices. Read from a JSON file that every instance
/// and `rathaus proxy-config` share:
///
///     {"instances": [{"name": "a", "address": "10.0.0.1:8080", "offices": ["rathaus"]}, …]}
package struct Instances: Sendable, Equatable {
    /// One process and the offices it serves.
    package struct Instance: Sendable, Equatable {
        /// A short name (`a-z 0-9 - _`), used in logs, answers and the proxy's configuration.
        package var name: String
        /// Where peers and the reverse proxy reach it: a host (name or address) and a port.
        package var host: String
        package var port: Int
        /// The offices it serves, in the file's order.
        package var offices: [OfficeID]

        /// `host:port`, with an IPv6 address in brackets.
        package var address: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    /// Every instance, in the file's order.
    package var instances: [Instance]
    /// How long a peer has to answer a search before the answer goes out without it. Default 1 s.
    package var peerTimeout: Duration

    package init(instances: [Instance], peerTimeout: Duration = .seconds(1)) {
        self.instances = instances
        self.peerTimeout = peerTimeout
    }

    /// The instance called `name`.
    package func instance(named name: String) -> Instance? {
        instances.first { $0.name == name }
    }

    /// The instance that serves `office`.
    package func owner(of office: OfficeID) -> Instance? {
        instances.first { $0.offices.contains(office) }
    }

    /// The largest instances file read.
    package static let maxFileBytes = 1 << 20

    /// Reads and checks the file at `path` against `municipality`: every office of the
    /// municipality is served by exactly one instance, and no instance names an unknown office.
    package static func load(path: String, municipality: Municipality) throws(ConfigurationError) -> Instances {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(
                file: path, message: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        guard data.count <= maxFileBytes else {
            throw ConfigurationError(file: name, message: "larger than \(maxFileBytes >> 20) MiB")
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw ConfigurationError(file: name, message: "not valid JSON: \(error)")
        }
        do {
            return try decode(root, municipality: municipality)
        } catch {
            throw ConfigurationError(file: name, message: error.description)
        }
    }

    /// Decodes and checks a parsed instances file.
    package static func decode(_ root: JSONValue, municipality: Municipality) throws(JSONPathError) -> Instances {
        var object = try JSONReader(root).object()
        let timeout = try object.optional("peerTimeoutMilliseconds")?.int(in: 50...60_000) ?? 1000
        let readers = try object.required("instances").array()
        try object.finish()
        guard !readers.isEmpty else { throw JSONPathError(path: "instances", message: "must not be empty") }
        var instances: [Instance] = []
        var owners: [OfficeID: String] = [:]
        for reader in readers {
            var entry = try reader.object()
            let nameReader = try entry.required("name")
            let name = try nameReader.string()
            guard Self.isName(name) else { throw nameReader.fail("1–64 characters of a-z 0-9 - _") }
            guard !instances.contains(where: { $0.name == name }) else {
                throw nameReader.fail("instance \"\(name)\" named twice")
            }
            let addressReader = try entry.required("address")
            guard let (host, port) = Self.hostAndPort(try addressReader.string()) else {
                throw addressReader.fail("expected HOST:PORT, such as 10.0.0.1:8080 or [::1]:8080")
            }
            var offices: [OfficeID] = []
            for officeReader in try entry.required("offices").array() {
                let office = OfficeID(try officeReader.string())
                guard municipality.office(office) != nil else {
                    throw officeReader.fail("the municipality has no office \"\(office)\"")
                }
                if let other = owners[office] {
                    throw officeReader.fail("office \"\(office)\" is served by \"\(other)\" already")
                }
                owners[office] = name
                offices.append(office)
            }
            try entry.finish()
            instances.append(Instance(name: name, host: host, port: port, offices: offices))
        }
        if let unserved = municipality.offices.first(where: { owners[$0.id] == nil }) {
            throw JSONPathError(path: "instances", message: "no instance serves office \"\(unserved.id)\"")
        }
        return Instances(instances: instances, peerTimeout: .milliseconds(timeout))
    }

    static func isName(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
            }
    }

    /// `host:port` or `[v6]:port` split, the port 1–65535.
    static func hostAndPort(_ text: String) -> (String, Int)? {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            guard !host.contains(":") else { return nil }
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }), let port = Int(portText),
            (1...65_535).contains(port)
        else { return nil }
        return (String(host), port)
    }
}
