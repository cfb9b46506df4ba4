import Scheduling

extension MunicipalityDecoder {
    /// An office's `remoteTickets`: `{from, until, dailyCap: {letter: n}, graceMinutes?}`
    /// (Documentation/Configuration.md, "An office").
    static func remoteTickets(_ reader: JSONReader) throws(JSONPathError) -> RemoteTicketPolicy {
        var object = try reader.object()
        let from = try time(object.required("from"))
        let untilReader = try object.required("until")
        let until = try time(untilReader)
        guard from < until else { throw untilReader.fail("must be after from") }
        let capsReader = try object.required("dailyCap")
        let caps = try capsReader.object()
        var dailyCaps: [String: Int] = [:]
        for member in caps.members {
            let path = capsReader.path + "." + member.key
            guard member.key.count == 1, let letter = member.key.unicodeScalars.first, ("A"..."Z").contains(letter)
            else {
                throw JSONPathError(path: path, message: "a group letter is one capital A–Z")
            }
            dailyCaps[member.key] = try JSONReader(member.value, path: path).int(in: 1...10_000)
        }
        guard !dailyCaps.isEmpty else { throw capsReader.fail("name at least one group") }
        let grace =
            try object.optional("graceMinutes")?.int(in: 0...480) ?? RemoteTicketPolicy.defaultGraceMinutes
        try object.finish()
        return RemoteTicketPolicy(from: from, until: until, dailyCaps: dailyCaps, graceMinutes: grace)
    }

    /// Each office's `remoteTickets.dailyCap` names only groups of services the office offers.
    static func checkRemoteTickets(_ offices: [Office], services: [Service], path: String) throws(JSONPathError) {
        for (index, office) in offices.enumerated() {
            guard let policy = office.remoteTickets else { continue }
            let offered = Set(services.filter { office.offeredServices.contains($0.id) }.map(\.group))
            for letter in policy.dailyCaps.keys.sorted() where !offered.contains(letter) {
                throw JSONPathError(
                    path: "\(path)[\(index)].remoteTickets.dailyCap.\(letter)",
                    message: "the office offers no service of group \(letter)")
            }
        }
    }

    /// The municipality's `publicURL`: `http://` or `https://`, a host, no query or fragment; kept
    /// without a trailing `/`.
    static func publicURL(_ reader: JSONReader) throws(JSONPathError) -> String {
        let text = try reader.text(maxLength: 200)
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            !text.contains("?"), !text.contains("#"), !text.contains(" "),
            text.split(separator: "/", omittingEmptySubsequences: false).count >= 3,
            !text.split(separator: "/", omittingEmptySubsequences: false)[2].isEmpty
        else {
            throw reader.fail("expected an address like https://termine.example.de")
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}
