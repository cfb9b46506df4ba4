import App
import Dispatch
import Foundation
import RathausCommandLine
import Scheduling
import Storage
import Synchronization

/// `rathaus-tools bench storage`: durable bookings per second through the office writers, one caller at
/// a time and with many concurrent callers, beside a plain loop of one-row insert transactions with
/// the same pragmas on the same disk, in the same run.
struct StorageBenchmark {
    let municipality: Municipality
    let directory: String
    let callers: Int
    let bookings: Int

    struct Figures: CustomStringConvertible {
        var reference: Double
        var sequential: Double
        var concurrent: Double
        var transactions: Int
        var concurrentBookings: Int
        var callers: Int

        var description: String {
            let perTransaction = Double(concurrentBookings) / Double(max(1, transactions))
            return """
                durable storage (WAL, synchronous=FULL), same disk, same run
                  plain SQLite loop, one-row insert per commit:    \(String(format: "%8.0f", reference)) /s
                  bookings through the writer, 1 caller:           \(String(format: "%8.0f", sequential)) /s  (\(String(format: "%.2f", sequential / reference))× the plain loop)
                  bookings through the writer, \(callers) callers:         \(String(format: "%8.0f", concurrent)) /s  (\(String(format: "%.2f", concurrent / reference))× the plain loop, \(String(format: "%.1f", perTransaction)) bookings per commit)
                """
        }
    }

    /// A fixed now: Monday 7 December 2026, 07:30 in Berlin.
    static let now = Instant(secondsSinceEpoch: 1_796_625_000)

    func run() throws -> Figures {
        let town = CoreBenchmark(municipality: municipality, existingBookings: 0).widened
        let reference = try measure {
            try ReferenceInsertLoop.run(path: directory + "/reference.sqlite", count: bookings / 4)
        }
        let sequential = try bookThrough(town, file: "sequential.sqlite", callers: 1, count: bookings / 4)
        let concurrent = try bookThrough(town, file: "concurrent.sqlite", callers: callers, count: bookings)
        return Figures(
            reference: reference, sequential: sequential.rate, concurrent: concurrent.rate,
            transactions: concurrent.transactions, concurrentBookings: concurrent.booked, callers: callers)
    }

    private func measure(_ body: () throws -> Int) throws -> Double {
        let start = ContinuousClock.now
        let count = try body()
        return Double(count) / seconds(ContinuousClock.now - start)
    }

    /// Books `count` free starts with `callers` callers, each waiting for its answer before
    /// sending the next, and returns durable bookings per second.
    private func bookThrough(_ town: Municipality, file: String, callers: Int, count: Int) throws -> (
        rate: Double, booked: Int, transactions: Int
    ) {
        let database = try Database.open(path: directory + "/" + file, municipality: town, clock: { Self.now })
        var requests: [(OfficeID, SlotRequest)] = []
        for office in town.offices {
            guard let capacity = database.writers[office.id]?.capacity else { continue }
            let today = capacity.frame(containing: Self.now).date
            for service in ["meldebescheinigung", "anmeldung", "beglaubigung"].map({ ServiceID($0) })
            where capacity.office.offeredServices.contains(service) {
                let days =
                    (try? capacity.availability(
                        services: [service], persons: 1, channel: .counter, from: today, to: today.adding(days: 119),
                        now: Self.now))?.days ?? []
                for day in days {
                    for start in day.starts {
                        requests.append(
                            (office.id, SlotRequest(services: [service], persons: 1, start: start, channel: .counter)))
                    }
                }
            }
        }
        var shuffler = SplitMix(seed: 7)
        for index in requests.indices.reversed() {
            requests.swapAt(index, Int(shuffler.next() % UInt64(index + 1)))
        }
        let work = Array(requests.prefix(count))
        guard work.count == count else { throw CommandFailure("only \(work.count) free starts for \(count) bookings") }
        let next = Atomic<Int>(0)
        let booked = Atomic<Int>(0)
        let group = DispatchGroup()
        let writers = database.writers
        let start = ContinuousClock.now
        for caller in 0..<callers {
            group.enter()
            @Sendable func send() {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < work.count, let writer = writers[work[index].0] else {
                    group.leave()
                    return
                }
                writer.submit(
                    .book(work[index].1, contact: Contact(name: "Bench", email: "c\(caller)-\(index)@example.org"))
                ) { result in
                    if case .success = result { booked.add(1, ordering: .relaxed) }
                    send()
                }
            }
            send()
        }
        group.wait()
        let elapsed = seconds(ContinuousClock.now - start)
        let made = booked.load(ordering: .relaxed)
        return (Double(made) / elapsed, made, database.committer.counts.transactions)
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
