/// A set of public holidays an office can observe: the statutory holidays of one state, or a
/// regional calendar with the days that are holidays only in part of a state.
///
/// An office observes its state's calendar and may add regional ones; a regional calendar holds
/// only its extra days (`DE-BY-augsburg` is the Augsburger Friedensfest alone), so it is always
/// combined with the state's.
package enum HolidayCalendar: Hashable, Sendable {
    case state(GermanState)
    case regional(RegionalHolidays)

    /// The years for which Rathaus knows the rules. From 1995 the statewide holidays have had
    /// their present shape (the Buß- und Bettag stopped being a holiday outside Saxony then);
    /// the upper end is arbitrary, the rules apply until the laws change.
    package static let supportedYears: ClosedRange<Int> = 1995...2199

    /// Every calendar: the 16 states in code order, then the regional calendars.
    package static var all: [HolidayCalendar] {
        GermanState.allCases.map(HolidayCalendar.state) + RegionalHolidays.allCases.map(HolidayCalendar.regional)
    }

    /// The calendar named by `identifier` (`DE-BY`, `DE-BY-catholic`; letter case is ignored).
    package init?(identifier: String) {
        if let state = GermanState(code: identifier) {
            self = .state(state)
        } else if let regional = RegionalHolidays.allCases.first(where: {
            $0.rawValue.lowercased() == identifier.lowercased()
        }) {
            self = .regional(regional)
        } else {
            return nil
        }
    }

    /// `DE-BY`, or a regional identifier such as `DE-BY-catholic`; also the name of its file in
    /// `Calendars/holidays/`.
    package var identifier: String {
        switch self {
        case .state(let state): state.code
        case .regional(let regional): regional.rawValue
        }
    }

    /// The state the calendar belongs to.
    package var state: GermanState {
        switch self {
        case .state(let state): state
        case .regional(let regional): regional.state
        }
    }

    /// A German title for calendar programs, e.g. `Feiertage Bayern`.
    package var name: String {
        switch self {
        case .state(let state): "Feiertage \(state.name)"
        case .regional(.saxonyCatholic): "Fronleichnam in katholisch geprägten Gemeinden Sachsens"
        case .regional(.thuringiaCatholic): "Fronleichnam in katholisch geprägten Gemeinden Thüringens"
        case .regional(.bavariaCatholic): "Mariä Himmelfahrt in katholisch geprägten Gemeinden Bayerns"
        case .regional(.augsburg): "Augsburger Friedensfest"
        }
    }

    /// Where the calendar's days are holidays, in German, for a calendar's description.
    package var area: String {
        switch self {
        case .state(let state): "im ganzen Land \(state.name)"
        case .regional(.saxonyCatholic):
            "nur in den durch die sächsische Fronleichnamsverordnung bestimmten katholisch geprägten Gemeinden und Ortsteilen im Landkreis Bautzen"
        case .regional(.thuringiaCatholic):
            "nur in den katholisch geprägten Gemeinden Thüringens (Eichsfeld und Teile des Unstrut-Hainich-Kreises und des Wartburgkreises)"
        case .regional(.bavariaCatholic):
            "nur in den Gemeinden Bayerns mit überwiegend katholischer Bevölkerung"
        case .regional(.augsburg): "nur im Stadtgebiet von Augsburg"
        }
    }

    /// The calendar's holidays in `year`, sorted by date (then by rule key); empty for a year
    /// outside `supportedYears`, for which Rathaus knows no rules.
    package func holidays(year: Int) -> [Holiday] {
        guard HolidayCalendar.supportedYears.contains(year) else { return [] }
        var result: [Holiday] = []
        for rule in HolidayRule.all where rule.calendars.contains(self) && rule.isValid(in: year) {
            if let date = rule.date(in: year) {
                result.append(Holiday(date: date, name: rule.name, key: rule.key))
            }
        }
        return result.sorted { ($0.date, $0.key) < ($1.date, $1.key) }
    }

    /// The calendar's holidays in every year of `years`, sorted by date.
    package func holidays(years: ClosedRange<Int>) -> [Holiday] {
        years.flatMap { holidays(year: $0) }
    }

    /// The calendar's holidays between `dates.lowerBound` and `dates.upperBound` (inclusive) as
    /// whole-day closures, sorted by date.
    package func closures(in dates: ClosedRange<LocalDate>) -> [ClosureOccurrence] {
        holidays(years: dates.lowerBound.year...dates.upperBound.year)
            .filter { dates.contains($0.date) }
            .map(\.closure)
    }
}

/// The regional holiday calendars: days that are public holidays only in some municipalities of a
/// state. Each identifier is also the name of the calendar's file in `Calendars/holidays/`.
package enum RegionalHolidays: String, CaseIterable, Hashable, Sendable {
    /// Fronleichnam in the Catholic municipalities of the Sorbian area of Saxony.
    case saxonyCatholic = "DE-SN-catholic"
    /// Fronleichnam in the Catholic municipalities of Thuringia.
    case thuringiaCatholic = "DE-TH-catholic"
    /// Mariä Himmelfahrt in the Bavarian municipalities with a mainly Catholic population.
    case bavariaCatholic = "DE-BY-catholic"
    /// The Augsburger Friedensfest (8 August), a holiday in the city of Augsburg alone.
    case augsburg = "DE-BY-augsburg"

    /// The state the region lies in.
    package var state: GermanState {
        switch self {
        case .saxonyCatholic: .sn
        case .thuringiaCatholic: .th
        case .bavariaCatholic, .augsburg: .by
        }
    }
}
