import Foundation

/// What Python's `email` package (policy=email.policy.default) reads in a message, through
/// `Scripts/mail-parse`: a real, independent reader of RFC 5322 and MIME.
package struct ParsedMail: Decodable, Sendable {
    /// One leaf part: its type, parameters and decoded content.
    package struct Part: Decodable, Sendable {
        /// The media type, lower case: `text/plain`.
        package var contentType: String
        /// The Content-Type parameters (`charset`, `method`, `name`).
        package var parameters: [String: String]
        /// The Content-Transfer-Encoding as written.
        package var transferEncoding: String
        /// The attachment's file name, or nil.
        package var fileName: String?
        /// The decoded content of a text part.
        package var text: String?
        /// The decoded content of a non-text part, in base64.
        package var base64: String?
        /// A calendar part as Python's icalendar reads it (nil without the package).
        package var calendar: Calendar?
    }

    /// An iCalendar part as a calendar program reads it.
    package struct Calendar: Decodable, Sendable {
        /// One VEVENT.
        package struct Event: Decodable, Sendable {
            package var uid: String
            package var sequence: Int
            package var status: String
            /// DTSTART in ISO 8601, with its offset.
            package var start: String
            package var end: String?
            package var summary: String
            package var organizer: Address?
            package var attendees: [Address]
        }

        /// An ORGANIZER or ATTENDEE.
        package struct Address: Decodable, Sendable {
            /// `mailto:…`.
            package var address: String
            package var parameters: [String: String]
        }

        package var method: String
        package var events: [Event]
    }

    /// The leaf parts of `contentType`.
    package func parts(_ contentType: String) -> [Part] {
        parts.filter { $0.contentType == contentType }
    }

    /// Every header field of the message, in order: [name, decoded value].
    package var headers: [[String]]
    /// The (display name, address) pairs of each address field, by field name.
    package var addresses: [String: [[String]]]
    /// The same pairs with display names decoded as RFC 2047 §6.2 says (policy.default reads the
    /// white space between adjacent encoded words, and runs of spaces in them, differently).
    package var addressesRFC2047: [String: [[String]]]
    /// Every defect the parser reported, in the message, its parts or its header fields.
    package var defects: [String]
    /// The longest line of the raw message, without its CRLF.
    package var maxLineOctets: Int
    /// Whether a CR or an LF stands alone in the raw message.
    package var bareLineBreak: Bool
    /// Whether the raw message ends in CRLF.
    package var endsWithCRLF: Bool
    /// The MIME tree: `multipart/alternative(text/plain,text/calendar)`.
    package var structure: String
    /// The leaf parts, depth first.
    package var parts: [Part]

    /// The decoded values of the fields named `name`, in order.
    package func values(_ name: String) -> [String] {
        headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
    }

    /// The only value of the field `name`, or nil when there is none or more than one.
    package func value(_ name: String) -> String? {
        let all = values(name)
        return all.count == 1 ? all[0] : nil
    }

    /// The (display name, address) pairs of an address field, as policy.default reads them.
    package func addresses(_ name: String) -> [(String, String)] {
        (addresses.first { $0.key.lowercased() == name.lowercased() }?.value ?? []).map { ($0[0], $0[1]) }
    }

    /// The (display name, address) pairs of an address field, decoded as RFC 2047 says.
    package func addressesRFC2047(_ name: String) -> [(String, String)] {
        (addressesRFC2047.first { $0.key.lowercased() == name.lowercased() }?.value ?? []).map { ($0[0], $0[1]) }
    }
}

/// Runs `Scripts/mail-parse` on messages.
package enum PythonEmail {
    /// The Python 3 the checks run with (one with the icalendar package when there is one, so
    /// that calendar parts are read too), or nil (the tests that need it are skipped).
    package static let interpreter = Python.interpreter(importing: "icalendar") ?? Python.interpreter()

    /// Whether calendar parts are read (the icalendar package is installed).
    package static let readsCalendars = Python.interpreter(importing: "icalendar") != nil

    /// Whether a Python 3 is there to parse with.
    package static var isAvailable: Bool { interpreter != nil }

    /// Why parsing failed.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Parses each message with `Scripts/mail-parse`.
    package static func parse(_ messages: [[UInt8]]) throws -> [ParsedMail] {
        guard let interpreter else { throw Failure(description: "python3 is not installed") }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var files: [String] = []
        for (index, message) in messages.enumerated() {
            let file = directory.file("\(index).eml")
            try Data(message).write(to: URL(fileURLWithPath: file))
            files.append(file)
        }
        let result = try Python.run(interpreter + [Python.script("mail-parse")] + files)
        guard result.status == 0 else { throw Failure(description: "mail-parse failed: \(result.errors)") }
        return try JSONDecoder().decode([ParsedMail].self, from: Data(result.output))
    }

    /// Parses one message.
    package static func parse(_ message: [UInt8]) throws -> ParsedMail {
        guard let parsed = try parse([message]).first else { throw Failure(description: "nothing parsed") }
        return parsed
    }
}
