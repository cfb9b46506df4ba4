/// One holiday rule as data: its name, how its date is found in a year, the calendars it belongs
/// to, and the years in which it applies.
struct HolidayRule: Sendable {
    /// How the date of a holiday is found in a given year.
    enum Day: Sendable {
        /// The same date every year.
        case fixed(month: Int, day: Int)
        /// Days after (or before, when negative) Easter Sunday.
        case easter(offset: Int)
        /// The last Wednesday strictly before the given date (the Buß- und Bettag is the
        /// Wednesday before 23 November).
        case wednesdayBefore(month: Int, day: Int)
    }

    let key: String
    let name: String
    let day: Day
    let calendars: [HolidayCalendar]
    /// First year in which the rule applies; nil for all supported years.
    let validFrom: Int?
    /// Last year in which the rule applies; nil while the rule is in force.
    let validUntil: Int?

    init(
        _ key: String, _ name: String, _ day: Day, states: [GermanState] = [], regions: [RegionalHolidays] = [],
        from validFrom: Int? = nil, until validUntil: Int? = nil
    ) {
        self.key = key
        self.name = name
        self.day = day
        self.calendars = states.map(HolidayCalendar.state) + regions.map(HolidayCalendar.regional)
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    func isValid(in year: Int) -> Bool {
        (validFrom.map { year >= $0 } ?? true) && (validUntil.map { year <= $0 } ?? true)
    }

    func date(in year: Int) -> LocalDate? {
        switch day {
        case .fixed(let month, let day):
            return LocalDate(year: year, month: month, day: day)
        case .easter(let offset):
            return Easter.sunday(year: year)?.adding(days: offset)
        case .wednesdayBefore(let month, let day):
            guard let limit = LocalDate(year: year, month: month, day: day) else { return nil }
            let back = (limit.weekday.rawValue - Weekday.wednesday.rawValue + 7) % 7
            return limit.adding(days: back == 0 ? -7 : -back)
        }
    }
}

extension HolidayRule {
    private static let everyState = GermanState.allCases

    /// Every rule, for all states and regional calendars. Sources: the states' holiday laws
    /// (Feiertagsgesetze) as summarised in issue 6.
    static let all: [HolidayRule] = [
        // The nine holidays of every state.
        HolidayRule("neujahr", "Neujahr", .fixed(month: 1, day: 1), states: everyState),
        HolidayRule("karfreitag", "Karfreitag", .easter(offset: -2), states: everyState),
        HolidayRule("ostermontag", "Ostermontag", .easter(offset: 1), states: everyState),
        HolidayRule("tag-der-arbeit", "Tag der Arbeit", .fixed(month: 5, day: 1), states: everyState),
        HolidayRule("christi-himmelfahrt", "Christi Himmelfahrt", .easter(offset: 39), states: everyState),
        HolidayRule("pfingstmontag", "Pfingstmontag", .easter(offset: 50), states: everyState),
        HolidayRule(
            "tag-der-deutschen-einheit", "Tag der Deutschen Einheit", .fixed(month: 10, day: 3), states: everyState),
        HolidayRule("weihnachtstag-1", "1. Weihnachtsfeiertag", .fixed(month: 12, day: 25), states: everyState),
        HolidayRule("weihnachtstag-2", "2. Weihnachtsfeiertag", .fixed(month: 12, day: 26), states: everyState),

        // Holidays of some states.
        HolidayRule("heilige-drei-koenige", "Heilige Drei Könige", .fixed(month: 1, day: 6), states: [.bw, .by, .st]),
        HolidayRule("frauentag", "Internationaler Frauentag", .fixed(month: 3, day: 8), states: [.be], from: 2019),
        HolidayRule("frauentag", "Internationaler Frauentag", .fixed(month: 3, day: 8), states: [.mv], from: 2023),
        HolidayRule(
            "fronleichnam", "Fronleichnam", .easter(offset: 60), states: [.bw, .by, .he, .nw, .rp, .sl],
            regions: [.saxonyCatholic, .thuringiaCatholic]),
        HolidayRule(
            "mariae-himmelfahrt", "Mariä Himmelfahrt", .fixed(month: 8, day: 15), states: [.sl],
            regions: [.bavariaCatholic]),
        HolidayRule(
            "augsburger-friedensfest", "Augsburger Friedensfest", .fixed(month: 8, day: 8), regions: [.augsburg]),
        HolidayRule("weltkindertag", "Weltkindertag", .fixed(month: 9, day: 20), states: [.th], from: 2019),
        HolidayRule(
            "reformationstag", "Reformationstag", .fixed(month: 10, day: 31), states: [.bb, .mv, .sn, .st, .th]),
        HolidayRule(
            "reformationstag", "Reformationstag", .fixed(month: 10, day: 31), states: [.hb, .hh, .ni, .sh],
            from: 2018),
        // The 500th anniversary of the Reformation was a holiday in every state.
        HolidayRule(
            "reformationstag", "Reformationstag", .fixed(month: 10, day: 31),
            states: [.bw, .by, .be, .hb, .hh, .he, .ni, .nw, .rp, .sl, .sh], from: 2017, until: 2017),
        HolidayRule("allerheiligen", "Allerheiligen", .fixed(month: 11, day: 1), states: [.bw, .by, .nw, .rp, .sl]),
        HolidayRule("buss-und-bettag", "Buß- und Bettag", .wednesdayBefore(month: 11, day: 23), states: [.sn]),
        // Berlin's one-off holidays for the 75th and 80th anniversaries of the end of the war.
        HolidayRule(
            "tag-der-befreiung", "Tag der Befreiung", .fixed(month: 5, day: 8), states: [.be], from: 2020,
            until: 2020),
        HolidayRule(
            "tag-der-befreiung", "Tag der Befreiung", .fixed(month: 5, day: 8), states: [.be], from: 2025,
            until: 2025),
        // Berlin's one-off holiday for the 75th anniversary of the uprising of 17 June 1953 (a
        // Saturday: offices open on Saturdays close).
        HolidayRule(
            "volksaufstand", "75. Jahrestag des Volksaufstandes vom 17. Juni 1953", .fixed(month: 6, day: 17),
            states: [.be], from: 2028, until: 2028),
    ]
}
