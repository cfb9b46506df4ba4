/// Easter Sunday in the Gregorian calendar, from which the movable feasts are counted.
package enum Easter {
    /// The years for which the Gregorian computus applies: from the first full Gregorian year to the
    /// last year `LocalDate` represents.
    package static let years: ClosedRange<Int> = 1583...9999

    /// Easter Sunday of `year`, or nil outside `years`.
    ///
    /// The anonymous Gregorian algorithm ("Meeus/Jones/Butcher"), as given in Jean Meeus,
    /// *Astronomical Algorithms*, chapter 8: the golden number, the century corrections for the
    /// solar and lunar equations, the epact, and the Sunday after the paschal full moon.
    package static func sunday(year: Int) -> LocalDate? {
        guard years.contains(year) else { return nil }
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)
    }
}
