import Display
import Scheduling

extension CitizenPages {
    /// `GET /standorte`: every office with its address, map link, the opening hours of the coming
    /// week and the whole days it is closed in the next four weeks.
    func officesPage(_ incoming: RequestContext) -> Outcome {
        let context = pageContext(incoming.request)
        let now = directory.clock()
        let offices = municipality.offices.map { office in
            let today = office.timeZone.local(now).date
            var summary = Self.officeSummary(office, hoursFrom: today)
            summary.closures = Self.closedDays(office, from: today, days: 28)
            return summary
        }
        return .reply(
            citizenPage(
                OfficesPage.html(language: context.language, town: municipality.name, offices: offices), context))
    }

    /// The office with its opening hours in the week from `from` (Monday first).
    static func officeSummary(_ office: Office, hoursFrom from: LocalDate) -> OfficeSummary {
        var summary = officeSummary(office)
        summary.hours = weekHours(office, from: from)
        return summary
    }

    /// The opening hours of each weekday of the seven days from `from`, Monday first: the office's
    /// rules that apply on that day, breaks taken out; public holidays and closures are not
    /// applied (the page says that holidays are closed and lists the closed days apart).
    static func weekHours(_ office: Office, from: LocalDate) -> [OfficeHours] {
        (0..<7).map { from.adding(days: $0) }.sorted { $0.weekday.rawValue < $1.weekday.rawValue }.map { date in
            var open: [(Int, Int)] = []
            for rule in office.openingHours where rule.applies(on: date) {
                open.append((rule.from.minutes, rule.to.minutes))
            }
            let breaks = office.breaks.filter { $0.applies(on: date) }.map { ($0.from.minutes, $0.to.minutes) }
            let spans = subtract(breaks, from: merge(open))
            return OfficeHours(
                weekday: date.weekday.rawValue,
                spans: spans.map { (LocalTime(minutes: $0.0)?.hhmm ?? "", LocalTime(minutes: $0.1)?.hhmm ?? "") })
        }
    }

    /// Whole days the office is closed among the `days` from `from`, with their reasons.
    static func closedDays(_ office: Office, from: LocalDate, days: Int) -> [ClosedDay] {
        (0..<days).map { from.adding(days: $0) }.compactMap { date in
            guard let whole = office.closures(on: date).first(where: { $0.isWholeDay && $0.counters.isEmpty }),
                office.openingHours.contains(where: { $0.applies(on: date) })
            else { return nil }
            return ClosedDay(date: calendarDate(date), reason: whole.reason)
        }
    }

    private static func merge(_ spans: [(Int, Int)]) -> [(Int, Int)] {
        var merged: [(Int, Int)] = []
        for span in spans.sorted(by: { $0.0 < $1.0 }) where span.1 > span.0 {
            if let last = merged.last, span.0 <= last.1 {
                merged[merged.count - 1].1 = max(last.1, span.1)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    private static func subtract(_ cuts: [(Int, Int)], from spans: [(Int, Int)]) -> [(Int, Int)] {
        var result = spans
        for cut in cuts where cut.1 > cut.0 {
            result = result.flatMap { span -> [(Int, Int)] in
                guard cut.0 < span.1, cut.1 > span.0 else { return [span] }
                return [(span.0, cut.0), (cut.1, span.1)].filter { $0.1 > $0.0 }
            }
        }
        return result
    }
}
