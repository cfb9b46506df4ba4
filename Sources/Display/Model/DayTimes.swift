/// The free start times of one day.
package struct DayTimes: Equatable, Sendable {
    package var date: CalendarDate
    package var times: [TimeOption]

    package init(date: CalendarDate, times: [TimeOption]) {
        self.date = date
        self.times = times
    }
}

/// A free time on some day, as offered after a time was taken meanwhile.
package struct DatedTime: Equatable, Sendable {
    package var date: CalendarDate
    package var time: TimeOption

    package init(date: CalendarDate, time: TimeOption) {
        self.date = date
        self.time = time
    }
}
