import RathausTesting
import Scheduling
import Testing

@testable import Storage

/// Seeded random sequences of configuration changes (closures of the office and of counters,
/// whole and part days, changed hours, extra opening times, closures lifted), bookings and
/// cancellations, through the office writer against a real database file. After every step:
/// no active booking to come lies in closed time unless it is flagged, memory and the file hold
/// the same bookings, and what the writer offers equals a fresh build from the configuration and
/// the stored bookings (`OfficeWriter.load`, as a restart makes it).
@Suite struct ReconfigurationPropertyTests {
    static let services = [
        Fixtures.service("pass", minutes: 15, group: "A"), Fixtures.service("hund", minutes: 10, group: "B"),
    ]
    static let groups = [ServiceGroup(letter: "A", name: "Pass"), ServiceGroup(letter: "B", name: "Hund")]
    static let days = (0..<10).map { LocalDate(iso: "2026-12-07")!.adding(days: $0) }

    static func office(hours: [WeeklyRule], closures: [Closure]) -> Office {
        Fixtures.office(
            hours: hours, closures: closures,
            counters: [
                Fixtures.counter("1", skills: ["pass", "hund"]),
                Fixtures.counter(
                    "2", skills: ["pass"],
                    hours: [
                        Fixtures.rule(from: "08:00", to: "11:00", contingent: .hotline),
                        Fixtures.rule(from: "11:00", to: "15:00", contingent: .online),
                    ]),
                Fixtures.counter(
                    "3", skills: ["hund"], contingent: .counter, breaks: [Fixtures.rule(from: "10:00", to: "10:30")]),
            ],
            booking: BookingPolicy(window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 12)))
    }

    /// One random change of the configuration.
    static func changed(
        hours: inout [WeeklyRule], closures: inout [Closure], random: inout RandomOffice
    ) -> String {
        let day = random.pick(days)
        func half(_ range: ClosedRange<Int>) -> LocalTime { LocalTime(minutes: random.int(range) * 30) ?? .midnight }
        switch random.int(0...5) {
        case 0:
            closures.append(Closure(date: day, reason: "Streik"))
            return "office closed on \(day.iso)"
        case 1:
            let from = half(16...26)
            closures.append(
                Closure(
                    date: day, from: from, to: LocalTime(minutes: from.minutes + random.int(1...6) * 30),
                    reason: "Stromausfall"))
            return "office closed for part of \(day.iso)"
        case 2:
            let counter = CounterID(String(random.int(1...3)))
            let whole = random.chance(0.5)
            closures.append(
                Closure(
                    date: day, from: whole ? nil : half(14...24), to: nil, reason: "Fortbildung", counters: [counter]))
            return "counter \(counter) closed on \(day.iso)"
        case 3:
            hours = [Fixtures.rule(from: half(14...18).hhmm, to: half(22...36).hhmm)]
            return "hours now \(hours[0].from.hhmm)–\(hours[0].to.hhmm)"
        case 4:
            // An extra opening on a weekend day (never overlapping the weekday rule).
            let weekend = days.filter { $0.weekday == .saturday || $0.weekday == .sunday }
            let date = random.pick(weekend)
            let rule = WeeklyRule(
                weekdays: [date.weekday], from: half(16...18), to: half(22...26), validFrom: date, validUntil: date)
            if !hours.contains(where: { $0.overlap(with: rule) != nil }) { hours.append(rule) }
            return "extra hours on \(date.iso)"
        default:
            if !closures.isEmpty { closures.remove(at: random.int(0...closures.count - 1)) }
            return "a closure lifted"
        }
    }

    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func invariantsHoldAfterRandomChangesBookingsAndCancellations(seed: UInt64) throws {
        let clock = SharedClock(Fixtures.instant("2026-12-07T07:00"))
        try withTemporaryDirectory { directory in
            var hours = [Fixtures.rule(from: "08:00", to: "16:00")]
            var closures: [Closure] = []
            let town = Municipality(
                name: "Test", services: Self.services, groups: Self.groups,
                offices: [Self.office(hours: hours, closures: closures)])
            let database = try Database.open(
                path: directory.file("rathaus.sqlite"), municipality: town, clock: clock.read)
            let writer = try #require(database.writers["rathaus"])
            var random = RandomOffice(seed: seed)
            var version = 0
            for step in 0..<36 {
                let now = clock.now
                var what: String
                switch random.int(0...9) {
                case 0...4:
                    let service = random.pick(["pass", "hund"] as [ServiceID])
                    let channel = random.pick([Channel.online, .hotline, .counter])
                    let starts =
                        (try? writer.capacity.availability(
                            services: [service], persons: 1, channel: channel, from: Self.days[0], to: Self.days[9],
                            now: now))
                        .map { $0.days.flatMap(\.starts) } ?? []
                    guard !starts.isEmpty else { continue }
                    let start = random.pick(starts)
                    let result = writer.perform(
                        .book(
                            SlotRequest(services: [service], persons: 1, start: start, channel: channel),
                            contact: Contact(name: "P\(step)", email: "p\(step)@example.org")))
                    guard case .success = result else {
                        Issue.record("seed \(seed) step \(step): an offered time was refused: \(result)")
                        continue
                    }
                    what = "booked"
                case 5...6:
                    let active = writer.inspect { schedule, _ in
                        schedule.bookings.values.filter { $0.isActive && $0.start > now }.map(\.id).sorted {
                            $0.rawValue < $1.rawValue
                        }
                    }
                    guard !active.isEmpty else { continue }
                    _ = writer.perform(.cancel(random.pick(active), channel: .online))
                    what = "cancelled"
                default:
                    what = Self.changed(hours: &hours, closures: &closures, random: &random)
                    let active = writer.inspect { schedule, _ in
                        schedule.bookings.values.filter(\.isActive).map(\.id)
                    }
                    var decisions: [BookingID: Reconfiguration.Decision] = [:]
                    for id in active where random.chance(0.7) {
                        decisions[id] = random.pick(Reconfiguration.Decision.allCases)
                    }
                    version += 1
                    let change = Reconfiguration(
                        office: Self.office(hours: hours, closures: closures), services: Self.services,
                        groups: Self.groups, decisions: decisions, versionNumber: version)
                    guard case .success(.reconfigured) = writer.perform(.reconfigure(change)) else {
                        Issue.record("seed \(seed) step \(step): \(what) was not taken")
                        continue
                    }
                }
                try Self.checkInvariants(writer, database, now: now, context: "seed \(seed) step \(step) (\(what))")
                clock.advance(minutes: 10)
            }
        }
    }

    static func checkInvariants(_ writer: OfficeWriter, _ database: Database, now: Instant, context: String) throws {
        let (inMemory, misfits, office) = writer.inspect { schedule, _ in
            (
                schedule.bookings.values.filter(\.isActive).map { "\($0.id.rawValue) \($0.start)" }.sorted(),
                schedule.bookings.values.filter { $0.isActive && $0.start > now }.compactMap { booking in
                    schedule.misfit(of: booking).map { (booking.id, $0) }
                }, schedule.office
            )
        }
        let (stored, flagged) = try database.reader.sync { connection in
            (
                try connection.activeBookings(office: "rathaus", endingAfter: Instant(secondsSinceEpoch: 0)),
                Set(try connection.bookingFlags(office: "rathaus").map(\.booking))
            )
        }
        #expect(
            stored.map { "\($0.id.rawValue) \($0.start)" }.sorted() == inMemory, "\(context): memory and file agree")
        for (id, misfit) in misfits {
            #expect(flagged.contains(id), "\(context): \(id) lies in closed time (\(misfit)) without a flag")
        }
        let (fresh, _) = try OfficeWriter.load(
            office: office, services: services, groups: groups, reader: database.reader, now: now)
        let published = writer.capacity
        for service in ["pass", "hund"] as [ServiceID] {
            for channel in [Channel.online, .hotline, .counter] {
                let offered = try published.availability(
                    services: [service], persons: 1, channel: channel, from: days[0], to: days[9], now: now)
                let rebuilt = try fresh.availability(
                    services: [service], persons: 1, channel: channel, from: days[0], to: days[9], now: now)
                #expect(offered == rebuilt, "\(context): \(service) for \(channel) differs from a fresh build")
            }
        }
    }
}
