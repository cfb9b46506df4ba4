import App
import Foundation
import Scheduling
import Storage

/// The large municipality of the start-up benchmark (issue 8, item 6): a configuration with many
/// offices, and a database filled with bookings in the coming days, written directly in large
/// transactions with the same records the office writers write.
enum BenchTown {
    static let states = [
        "DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV", "DE-NI", "DE-NW", "DE-RP", "DE-SL",
        "DE-SN", "DE-ST", "DE-SH", "DE-TH",
    ]

    /// The service the filler books (10 minutes, one grid unit pair).
    static let fillService: ServiceID = "meldebescheinigung"

    /// A configuration with `offices` offices of `counters` counters each, open Monday to Friday
    /// 08:00–18:00, doing three services, bookable 60 days ahead; the states rotate.
    static func configuration(offices: Int, counters: Int) -> String {
        var json = """
            {
              "municipality": "Landkreis Benchmark (\(offices) Bürgerbüros)",
              "services": [
                { "id": "meldebescheinigung", "name": "Meldebescheinigung", "group": "B", "durationMinutes": 10,
                  "fee": { "cents": 500 } },
                { "id": "anmeldung", "name": "Anmeldung einer Wohnung", "group": "B", "durationMinutes": 15,
                  "maxPersons": 4, "documents": [{ "name": "Wohnungsgeberbestätigung" }] },
                { "id": "personalausweis", "name": "Personalausweis beantragen", "group": "A", "durationMinutes": 20,
                  "fee": { "cents": 3700 }, "documents": [{ "name": "Ein aktuelles biometrisches Lichtbild" }] }
              ],
              "offices": [

            """
        for index in 1...max(1, offices) {
            let id = "buergerbuero-" + String(format: "%03d", index)
            let counterList = (1...max(1, counters)).map { counter in
                #"{ "id": "\#(counter)", "name": "Schalter \#(counter)", "skills": ["meldebescheinigung", "anmeldung", "personalausweis"] }"#
            }.joined(separator: ",\n        ")
            json += """
                    {
                      "id": "\(id)", "name": "Bürgerbüro \(index)", "state": "\(states[(index - 1) % states.count])",
                      "openingHours": [{ "days": ["mon", "tue", "wed", "thu", "fri"], "from": "08:00", "to": "18:00" }],
                      "booking": { "minNoticeDays": 1, "maxAdvanceDays": 60, "maxActivePerContact": 2 },
                      "counters": [
                        \(counterList)
                      ]
                    }\(index < offices ? "," : "")

                """
        }
        json += "  ]\n}\n"
        return json
    }

    /// Books `bookings` (spread evenly over the offices) from tomorrow on, every 10 minutes on
    /// every counter, deciding each with the scheduling core and writing the booking and its
    /// occupancy rows as the office writer does, one transaction per office. Contacts are as
    /// long as real ones (a name and an e-mail address of 20–40 bytes). Returns the number made.
    static func fill(town: Municipality, path: String, bookings: Int, now: Instant, progress: (String) -> Void) throws
        -> Int
    {
        var configuration = SQLiteConnection.Configuration()
        configuration.synchronous = .normal
        configuration.cacheSizeKiB = 256 * 1024
        let connection = try SQLiteConnection(path: path, configuration: configuration)
        try RathausSchema.migrator.migrate(connection)
        var made = 0
        for (officeIndex, office) in town.offices.enumerated() {
            let share = bookings / town.offices.count + (officeIndex < bookings % town.offices.count ? 1 : 0)
            var schedule = OfficeSchedule(office: office, services: town.services)
            let today = office.timeZone.local(now).date
            let last = today.adding(days: office.booking.window.maxAdvanceDays)
            schedule.prepare(from: today, through: last)
            var records: [(Booking, [UInt8], [Instant])] = []
            records.reserveCapacity(share)
            var day = today.adding(days: 1)
            while records.count < share, day <= last {
                let frame = schedule.day(day).frame
                for minute in stride(from: 8 * 60, to: 18 * 60, by: 10) where records.count < share {
                    let start = frame.instant(elapsed: frame.elapsed(wall: LocalTime(minutes: minute) ?? .midnight))
                    for _ in office.counters where records.count < share {
                        let number = made + records.count
                        let request = SlotRequest(services: [fillService], persons: 1, start: start, channel: .online)
                        guard
                            let booking = try? schedule.book(
                                request, id: BookingID("\(office.id.rawValue).fill\(number)"),
                                reference: reference(number),
                                contact: Contact(
                                    name: "Bürgerin Nummer \(number)",
                                    email: "buergerin.\(number)@beispiel-kommune.de"), now: now)
                        else { break }
                        records.append(
                            (booking, Secrets.hash(token: "fill-\(number)"), schedule.unitStarts(of: booking.placement))
                        )
                    }
                }
                day = day.adding(days: 1)
            }
            try connection.transaction(.immediate) {
                for (booking, hash, units) in records {
                    try connection.insertBooking(booking, tokenHash: hash, unitStarts: units)
                }
            }
            made += records.count
            if (officeIndex + 1) % 10 == 0 || officeIndex + 1 == town.offices.count {
                progress("\(officeIndex + 1) offices, \(made) bookings")
            }
        }
        try connection.checkpointTruncating()
        try connection.close()
        return made
    }

    /// A unique readable reference for the `number`th booking (`AAA-AAA` in the reference
    /// alphabet), so that a million of them never collide.
    static func reference(_ number: Int) -> String {
        let alphabet = Secrets.referenceAlphabet
        var value = number
        var letters: [Character] = []
        for _ in 0..<6 {
            letters.append(alphabet[value % alphabet.count])
            value /= alphabet.count
        }
        return String(letters[0..<3]) + "-" + String(letters[3..<6])
    }
}
