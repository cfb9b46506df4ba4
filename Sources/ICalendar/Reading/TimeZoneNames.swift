package import Scheduling

/// Turns TZID parameter values into time zones.
///
/// RFC 5545 §3.2.19 leaves TZID names to the producer; in practice they are IANA names
/// (Google, Apple, Thunderbird), Windows names (Outlook and Exchange: `W. Europe Standard Time`),
/// Outlook display names (`(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien`), or
/// prefixed IANA names (old Thunderbird: `/mozilla.org/20070129_1/Europe/Berlin`).
package enum TimeZoneNames {
    /// Windows zone names of Europe and UTC, mapped to IANA names as in the Unicode CLDR table
    /// `windowsZones.xml` (territory 001).
    static let windows: [String: String] = [
        "W. Europe Standard Time": "Europe/Berlin",
        "Central Europe Standard Time": "Europe/Budapest",
        "Central European Standard Time": "Europe/Warsaw",
        "Romance Standard Time": "Europe/Paris",
        "GMT Standard Time": "Europe/London",
        "Greenwich Standard Time": "Atlantic/Reykjavik",
        "GTB Standard Time": "Europe/Bucharest",
        "E. Europe Standard Time": "Europe/Chisinau",
        "FLE Standard Time": "Europe/Kiev",
        "Kaliningrad Standard Time": "Europe/Kaliningrad",
        "Russian Standard Time": "Europe/Moscow",
        "Belarus Standard Time": "Europe/Minsk",
        "Turkey Standard Time": "Europe/Istanbul",
        "Azores Standard Time": "Atlantic/Azores",
        "Morocco Standard Time": "Africa/Casablanca",
        "UTC": "Etc/UTC",
        "Coordinated Universal Time": "Etc/UTC",
    ]

    /// Cities named in Outlook's display names (German and English spellings), in the order they
    /// are tried.
    static let cities: [(String, String)] = [
        ("Berlin", "Europe/Berlin"), ("Wien", "Europe/Vienna"), ("Vienna", "Europe/Vienna"),
        ("Zürich", "Europe/Zurich"), ("Zurich", "Europe/Zurich"), ("Amsterdam", "Europe/Amsterdam"),
        ("Brüssel", "Europe/Brussels"), ("Brussels", "Europe/Brussels"), ("Paris", "Europe/Paris"),
        ("Prag", "Europe/Prague"), ("Prague", "Europe/Prague"), ("Warschau", "Europe/Warsaw"),
        ("Warsaw", "Europe/Warsaw"), ("Budapest", "Europe/Budapest"), ("London", "Europe/London"),
        ("Helsinki", "Europe/Helsinki"), ("Athen", "Europe/Athens"), ("Athens", "Europe/Athens"),
        ("Moskau", "Europe/Moscow"), ("Moscow", "Europe/Moscow"),
    ]

    /// The zone a TZID names, or nil. `locations` maps TZIDs of the file's VTIMEZONEs to their
    /// `X-LIC-LOCATION` (an IANA name that Thunderbird and Google add).
    package static func zone(forTZID tzid: String, locations: [String: String] = [:]) -> OfficeTimeZone? {
        let name = tzid.trimmingQuotesAndSpaces()
        // No zone name is this long; the bound keeps hostile TZIDs from costing many look-ups.
        guard !name.isEmpty, name.utf8.count <= 256 else { return nil }
        if let location = locations[name], let zone = OfficeTimeZone(identifier: location) { return zone }
        if let zone = OfficeTimeZone(identifier: name) { return zone }
        if let mapped = windows[name] { return OfficeTimeZone(identifier: mapped) }
        if name.contains("/") {
            // §3.2.19: a leading solidus marks a globally unique name; Mozilla prefixed its own.
            // IANA names have at most three parts (America/Argentina/Buenos_Aires).
            let parts = name.split(separator: "/")
            for count in stride(from: min(3, parts.count), through: 1, by: -1) {
                if let zone = OfficeTimeZone(identifier: parts.suffix(count).joined(separator: "/")) { return zone }
            }
        }
        if name.hasPrefix("(UTC") || name.hasPrefix("(GMT") {
            for (city, identifier) in cities where name.contains(city) {
                return OfficeTimeZone(identifier: identifier)
            }
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingQuotesAndSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\"" || first == "\t" {
            scalars = scalars.dropFirst()
        }
        while let last = scalars.last, last == " " || last == "\"" || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
