import App
import Foundation
import Mail
import RathausCommandLine
import Scheduling

/// `rathaus-tools bench mail`: messages per second handed to an SMTP relay, with and without PIPELINING,
/// in alternating rounds of the same run; and messages per second written by the message writer.
struct MailBenchmark {
    let port: Int
    let messages: Int
    let batch: Int
    let rounds: Int

    struct Round {
        var pipelined: Double
        var unpipelined: Double
    }

    /// A confirmation as the product will send it: text and an iMIP invitation, plus the file.
    static func confirmation(_ number: Int) throws -> MailMessage {
        let calendar = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Musterstadt//Rathaus//DE", "METHOD:REQUEST",
            "BEGIN:VEVENT", "UID:booking-\(number)@rathaus.musterstadt.example", "SEQUENCE:0",
            "DTSTAMP:20261207T063000Z", "DTSTART:20261208T070000Z", "DTEND:20261208T071500Z",
            "SUMMARY:Termin im Bürgerbüro: Personalausweis beantragen",
            "LOCATION:Rathausplatz 1\\, 24103 Musterstadt", "END:VEVENT", "END:VCALENDAR", "",
        ].joined(separator: "\r\n")
        let text = """
            Guten Tag Frau Müller,

            Ihr Termin im Bürgerbüro Musterstadt ist bestätigt:
            Dienstag, 8. Dezember 2026, 08:00 Uhr, Rathausplatz 1, 24103 Musterstadt.
            Vorgangsnummer: MS-\(number)

            Bitte bringen Sie mit: Personalausweis oder Reisepass, ein biometrisches Passfoto,
            bei Namensänderung die Urkunde. Gebühr: 37,00 €.

            Termin verschieben oder absagen: https://termine.musterstadt.example/b/\(number)
            """
        return try MailMessage(
            from: MailAddress("termine@musterstadt.example", displayName: "Bürgerbüro Musterstadt"),
            to: [MailAddress("anna.mueller\(number)@example.org", displayName: "Anna Müller")],
            subject: "Terminbestätigung: Personalausweis am 8. Dezember 2026, 08:00 Uhr",
            date: Instant(secondsSinceEpoch: 1_796_625_000),
            messageID: MessageID(localPart: "outbox-\(number)", domain: "rathaus.musterstadt.example"),
            body: .mixed([
                .alternative([.text(text), .calendar(calendar, method: .request)]),
                .attachment(
                    MailAttachment(fileName: "Termin.ics", mediaType: "application/ics", content: Array(calendar.utf8))),
            ]),
            boundarySeed: UInt64(number))
    }

    func run() throws -> String {
        let start = ContinuousClock.now
        let written = try (0..<messages).map { try MailBenchmark.confirmation($0) }
        let outgoing = written.map(OutgoingMessage.init)
        let writing = Double(messages) / seconds(ContinuousClock.now - start)
        var results: [Round] = []
        for round in 0..<rounds {
            // Alternate which goes first, so that neither always meets a warmer (or busier) relay.
            let order = round % 2 == 0 ? [true, false] : [false, true]
            var rates: [Bool: Double] = [:]
            for pipelining in order { rates[pipelining] = try deliver(outgoing, pipelining: pipelining) }
            results.append(Round(pipelined: rates[true] ?? 0, unpipelined: rates[false] ?? 0))
        }
        let size = outgoing.map(\.content.count).reduce(0, +) / max(1, outgoing.count)
        var lines = [
            "mail to 127.0.0.1:\(port), \(messages) messages of \(size) bytes per round, \(batch) per connection",
            "round   with PIPELINING   without   ratio",
        ]
        for (index, round) in results.enumerated() {
            lines.append(
                String(
                    format: "%5d   %9.0f /s   %7.0f /s   %.2f×", index + 1, round.pipelined, round.unpipelined,
                    round.pipelined / max(round.unpipelined, 1)))
        }
        let with = median(results.map(\.pipelined))
        let without = median(results.map(\.unpipelined))
        lines.append(String(format: "median  %9.0f /s   %7.0f /s   %.2f×", with, without, with / max(without, 1)))
        lines.append(String(format: "message writer (MailMessage.bytes): %.0f messages/s", writing))
        return lines.joined(separator: "\n")
    }

    private func deliver(_ messages: [OutgoingMessage], pipelining: Bool) throws -> Double {
        var configuration = SMTPTransport.Configuration()
        configuration.port = port
        configuration.usesPipelining = pipelining
        let transport = try SMTPTransport(configuration: configuration)
        let start = ContinuousClock.now
        var index = 0
        while index < messages.count {
            let slice = Array(messages[index..<min(index + batch, messages.count)])
            let results = transport.deliver(slice)
            guard results.allSatisfy({ $0 == .delivered }) else {
                throw CommandFailure(
                    "the relay did not take every message: \(results.first { $0 != .delivered }.map { "\($0)" } ?? "")")
            }
            index += slice.count
        }
        return Double(messages.count) / seconds(ContinuousClock.now - start)
    }

    private func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
