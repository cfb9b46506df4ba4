import RathausTesting
import Testing

@testable import Scheduling

@Suite struct DayStoreTests {
    let office = Fixtures.office()

    /// A planned day of `number` marked with `mark` held-back blocks on its first counter, so
    /// that days and their changes can be told apart.
    func day(_ number: Int, mark: Int) -> OfficeDay {
        var day = DayPlanner.plan(office, on: LocalDate(dayNumber: number))
        day.counters[0].blocks = (0..<mark).map { _ in
            CounterDay.Block(units: 0..<1, until: Instant(secondsSinceEpoch: 0), kind: .heldBack)
        }
        return day
    }

    func marks(_ store: DayStore) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: store.dates.map { ($0.dayNumber, store[$0]?.counters[0].blocks.count ?? -1) })
    }

    /// Random writes, changes in place, removals and drops of early days, checked against a
    /// dictionary after every step; copies taken on the way must keep what they held whatever
    /// the store does after (the writer publishes such copies).
    @Test(arguments: 1...30 as ClosedRange<UInt64>)
    func aStoreAndItsCopiesHoldWhatWasWrittenIntoEach(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var store = DayStore()
        var model: [Int: Int] = [:]
        var copies: [(store: DayStore, model: [Int: Int])] = []
        for _ in 0..<200 {
            let number = Int.random(in: -20...60, using: &random)
            let date = LocalDate(dayNumber: number)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4:
                let mark = Int.random(in: 0...5, using: &random)
                store[date] = day(number, mark: mark)
                model[number] = mark
            case 4..<6:
                // In place, as a booking changes a day (`days[date]?.counters[…]…`).
                store[date]?.counters[0].blocks.append(
                    CounterDay.Block(units: 0..<1, until: Instant(secondsSinceEpoch: 0), kind: .heldBack))
                if let mark = model[number] { model[number] = mark + 1 }
            case 6:
                store[date] = nil
                model[number] = nil
            case 7:
                store.removeAll(before: date)
                model = model.filter { $0.key >= number }
            default:
                copies.append((store, model))
            }
            #expect(marks(store) == model, "seed \(seed)")
            #expect(store.count == model.count)
            #expect(store.dates.map(\.dayNumber) == model.keys.sorted())
            #expect(store[date].map { $0.date == date } ?? true)
        }
        for copy in copies {
            #expect(marks(copy.store) == copy.model, "seed \(seed): a copy changed with the store")
        }
    }
}
