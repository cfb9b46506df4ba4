/// Dates, times, durations and amounts worded for the citizen pages in German or English, without
/// Foundation's formatters (whose output depends on the ICU data installed): „Dienstag,
/// 8. Dezember 2026" / "Tuesday, 8 December 2026", „Di., 8. Dez." / "Tue 8 Dec", „37,00 €" /
/// "€37.00".
package enum DateText {
    private static let weekdays: [PageLanguage: [String]] = [
        .german: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
        .english: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    ]
    private static let shortWeekdays: [PageLanguage: [String]] = [
        .german: ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."],
        .english: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    ]
    private static let months: [PageLanguage: [String]] = [
        .german: [
            "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
            "Dezember",
        ],
        .english: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ],
    ]
    private static let shortMonths: [PageLanguage: [String]] = [
        .german: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
        .english: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    ]

    private static func name(_ table: [PageLanguage: [String]], _ language: PageLanguage, _ index: Int) -> String {
        let names = table[language] ?? []
        return names.indices.contains(index) ? names[index] : "?"
    }

    /// „Dienstag, 8. Dezember 2026" / "Tuesday, 8 December 2026".
    package static func long(_ date: CalendarDate, _ language: PageLanguage) -> String {
        let weekday = name(weekdays, language, date.weekday - 1)
        let month = name(months, language, date.month - 1)
        switch language {
        case .german: return "\(weekday), \(date.day). \(month) \(date.year)"
        case .english: return "\(weekday), \(date.day) \(month) \(date.year)"
        }
    }

    /// „8. Dezember 2026" / "8 December 2026".
    package static func plain(_ date: CalendarDate, _ language: PageLanguage) -> String {
        let month = name(months, language, date.month - 1)
        switch language {
        case .german: return "\(date.day). \(month) \(date.year)"
        case .english: return "\(date.day) \(month) \(date.year)"
        }
    }

    /// „Di., 8. Dez." / "Tue 8 Dec".
    package static func short(_ date: CalendarDate, _ language: PageLanguage) -> String {
        let weekday = name(shortWeekdays, language, date.weekday - 1)
        let month = name(shortMonths, language, date.month - 1)
        switch language {
        case .german: return "\(weekday), \(date.day). \(month)"
        case .english: return "\(weekday) \(date.day) \(month)"
        }
    }

    /// The weekday's name, 1 for Monday: „Montag" / "Monday".
    package static func weekday(_ weekday: Int, _ language: PageLanguage) -> String {
        name(weekdays, language, weekday - 1)
    }

    /// A day and a clock time: „Montag, 7. Dezember 2026, um 07:00 Uhr" / "Monday, 7 December
    /// 2026, at 07:00".
    package static func at(_ date: CalendarDate, _ time: String, _ language: PageLanguage) -> String {
        switch language {
        case .german: return "\(long(date, language)), um \(time) Uhr"
        case .english: return "\(long(date, language)), at \(time)"
        }
    }

    /// A clock time: „08:00 Uhr" / "08:00".
    package static func time(_ label: String, _ language: PageLanguage) -> String {
        language == .german ? label + " Uhr" : label
    }

    /// A span of time: „08:00–08:40 Uhr" / "08:00–08:40".
    package static func span(_ start: String, _ end: String, _ language: PageLanguage) -> String {
        time(start + "–" + end, language)
    }

    /// An amount in euro cents: „37,00 €" / "€37.00".
    package static func euros(_ cents: Int, _ language: PageLanguage) -> String {
        let whole = cents / 100
        let rest = cents % 100
        let decimals = (rest < 10 ? "0" : "") + String(rest)
        switch language {
        case .german: return "\(whole),\(decimals) €"
        case .english: return "€\(whole).\(decimals)"
        }
    }

    /// Minutes as „9:05" (minutes and seconds) for the hold's countdown.
    package static func countdown(seconds: Int) -> String {
        let value = max(0, seconds)
        let rest = value % 60
        return "\(value / 60):\(rest < 10 ? "0" : "")\(rest)"
    }
}
