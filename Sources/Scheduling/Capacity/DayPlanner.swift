/// Turns an office's rules (opening hours, counter hours and contingents, breaks, closures) into
/// the capacity of one day.
package enum DayPlanner {
    /// The empty capacity of `office` on `date`: nothing booked or held.
    package static func plan(_ office: Office, on date: LocalDate) -> OfficeDay {
        let frame = office.timeZone.frame(of: date)
        let grid = office.gridMinutes
        let unitCount = frame.lengthMinutes / grid

        var officeOpen = UnitSet(count: unitCount)
        for rule in office.openingHours where rule.applies(on: date) {
            officeOpen.insert(inner(rule.from, rule.to, frame, grid))
        }
        var officeClosed = UnitSet(count: unitCount)
        for rule in office.breaks where rule.applies(on: date) {
            officeClosed.insert(outer(rule.from, rule.to, frame, grid))
        }
        for closure in office.closures(on: date) where closure.counters.isEmpty {
            officeClosed.insert(outer(closure.from ?? .midnight, closure.to ?? .endOfDay, frame, grid))
        }
        officeOpen.subtract(officeClosed)

        let counters = office.counters.map { counter in
            var byContingent = Contingent.allCases.map { _ in UnitSet(count: unitCount) }
            if counter.hours.isEmpty {
                byContingent[counter.contingent.rawValue] = officeOpen
            } else {
                for rule in counter.hours where rule.applies(on: date) {
                    byContingent[rule.contingent.rawValue].insert(inner(rule.from, rule.to, frame, grid))
                }
            }
            var closed = UnitSet(count: unitCount)
            for rule in counter.breaks where rule.applies(on: date) {
                closed.insert(outer(rule.from, rule.to, frame, grid))
            }
            for closure in office.closures(on: date) where closure.counters.contains(counter.id) {
                closed.insert(outer(closure.from ?? .midnight, closure.to ?? .endOfDay, frame, grid))
            }
            var open: [UnitSet] = []
            var cumulative = UnitSet(count: unitCount)
            for contingent in Contingent.allCases {
                cumulative.formUnion(byContingent[contingent.rawValue])
                var usable = cumulative
                usable.formIntersection(officeOpen)
                usable.subtract(closed)
                open.append(usable)
            }
            let attended = open[Contingent.walkIn.rawValue]
            open.removeLast()
            return CounterDay(open: open, attended: attended, taken: UnitSet(count: unitCount), blocks: [])
        }

        var aligned = UnitSet(count: unitCount)
        for unit in 0..<unitCount where frame.wallMinute(elapsed: unit * grid) % office.bookingStepMinutes == 0 {
            aligned.insert(unit..<unit + 1)
        }
        return OfficeDay(frame: frame, alignedStarts: aligned, counters: counters)
    }

    /// The units lying wholly inside the wall-clock period `from ..< to`.
    static func inner(_ from: LocalTime, _ to: LocalTime, _ frame: DayFrame, _ grid: Int) -> Range<Int> {
        let start = (frame.elapsed(wall: from) + grid - 1) / grid
        let end = frame.elapsed(wall: to) / grid
        return start..<max(start, end)
    }

    /// The units touched by the wall-clock period `from ..< to`.
    static func outer(_ from: LocalTime, _ to: LocalTime, _ frame: DayFrame, _ grid: Int) -> Range<Int> {
        let start = frame.elapsed(wall: from) / grid
        let end = (frame.elapsed(wall: to) + grid - 1) / grid
        return start..<max(start, end)
    }
}
