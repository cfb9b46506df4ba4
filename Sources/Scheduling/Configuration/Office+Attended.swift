extension Office {
    /// Whether one of `counters` (empty: any counter) is attended at some time between `from` and
    /// `to` (nil: the start and end of the day) on `date`, for walk-ins or bookings. A closure of a
    /// time when none is closes nothing: the console refuses it as a probable mistake (a wrong
    /// date), Documentation/Administration.md.
    package func isAttended(on date: LocalDate, from: LocalTime?, to: LocalTime?, counters: Set<CounterID>) -> Bool {
        let day = DayPlanner.plan(self, on: date)
        let units = DayPlanner.outer(from ?? .midnight, to ?? .endOfDay, day.frame, gridMinutes)
        for (index, counter) in self.counters.enumerated() where counters.isEmpty || counters.contains(counter.id) {
            if day.counters[index].attended.intersects(units) { return true }
        }
        return false
    }
}
