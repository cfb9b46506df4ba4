import Mail
import Scheduling

/// Small factories for messages in the tests.
enum MailFixtures {
    /// Monday 7 December 2026, 06:30:00 UTC (07:30 in Berlin).
    static let date = Instant(secondsSinceEpoch: 1_796_625_000)

    static func address(_ spec: String = "max.mueller@example.org", name: String? = nil) throws -> MailAddress {
        try MailAddress(spec, displayName: name)
    }

    static func message(
        from: MailAddress? = nil, to: [MailAddress]? = nil, replyTo: MailAddress? = nil,
        subject: String = "Ihr Termin", body: MailPart = .text("Guten Tag,\nbis bald.\n"), seed: UInt64 = 1,
        id: String = "outbox-42"
    ) throws -> MailMessage {
        try MailMessage(
            from: from ?? address("termine@musterstadt.example", name: "Bürgerbüro Musterstadt"),
            to: to ?? [address(name: "Max Müller")], replyTo: replyTo, subject: subject, date: date,
            messageID: MessageID(localPart: id, domain: "rathaus.musterstadt.example"), body: body,
            boundarySeed: seed)
    }

    /// An iCalendar invitation as the ICalendar module writes one, `METHOD` given.
    static func calendar(method: String = "REQUEST") -> String {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Musterstadt//Rathaus//DE", "METHOD:" + method,
            "BEGIN:VEVENT", "UID:booking-7f3a@rathaus.musterstadt.example", "SEQUENCE:0",
            "DTSTAMP:20261207T063000Z", "DTSTART:20261208T070000Z", "DTEND:20261208T071500Z",
            "SUMMARY:Termin im Bürgerbüro: Meldebescheinigung",
            "LOCATION:Rathausplatz 1\\, 24103 Musterstadt", "END:VEVENT", "END:VCALENDAR", "",
        ].joined(separator: "\r\n")
    }

    /// The text with every line break as CRLF: what a reader decodes from a text part.
    static func crlf(_ text: String) -> String {
        var result = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == "\n", previous != "\r" { result += "\r" }
            result.unicodeScalars.append(scalar)
            previous = scalar
        }
        return result
    }
}
