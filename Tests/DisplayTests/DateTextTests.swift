import Testing

@testable import Display

@Suite struct DateTextTests {
    @Test func datesAreWordedInBothLanguages() {
        let date = CalendarDate(year: 2026, month: 3, day: 8, weekday: 7)
        #expect(DateText.long(date, .german) == "Sonntag, 8. März 2026")
        #expect(DateText.long(date, .english) == "Sunday, 8 March 2026")
        #expect(DateText.short(date, .german) == "So., 8. März")
        #expect(DateText.short(date, .english) == "Sun 8 Mar")
        #expect(DateText.plain(date, .german) == "8. März 2026")
        #expect(date.iso == "2026-03-08")
    }

    @Test func timesAmountsAndTheCountdown() {
        #expect(DateText.time("08:00", .german) == "08:00 Uhr")
        #expect(DateText.time("08:00", .english) == "08:00")
        #expect(DateText.span("08:00", "08:40", .german) == "08:00–08:40 Uhr")
        #expect(DateText.euros(3700, .german) == "37,00 €")
        #expect(DateText.euros(2280, .english) == "€22.80")
        #expect(DateText.euros(5, .german) == "0,05 €")
        #expect(DateText.countdown(seconds: 545) == "9:05")
        #expect(DateText.countdown(seconds: -3) == "0:00")
    }

    @Test func aWeekdayOutOfRangeDoesNotTrap() {
        #expect(DateText.long(CalendarDate(year: 2026, month: 13, day: 1, weekday: 0), .german) == "?, 1. ? 2026")
    }

    @Test func theLanguageOfAPath() {
        #expect(PageLanguage.of(path: "/") == .german)
        #expect(PageLanguage.of(path: "/en/") == .english)
        #expect(PageLanguage.of(path: "/en") == .english)
        #expect(PageLanguage.of(path: "/entwurf") == .german)
        #expect(PageLanguage.english.prefix == "/en" && PageLanguage.german.prefix == "")
    }
}
