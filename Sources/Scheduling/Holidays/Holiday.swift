/// One public holiday on one date: `2026-06-04 Fronleichnam`.
package struct Holiday: Hashable, Sendable {
    /// The date of the holiday.
    package let date: LocalDate
    /// The German name, e.g. `Tag der Deutschen Einheit`.
    package let name: String
    /// A stable ASCII key of the rule that produced it (`fronleichnam`), for identifiers such as
    /// iCalendar UIDs.
    package let key: String

    /// A holiday on `date` named `name`, from the rule `key`.
    package init(date: LocalDate, name: String, key: String) {
        self.date = date
        self.name = name
        self.key = key
    }

    /// The holiday as a whole-day closure of an office.
    package var closure: ClosureOccurrence {
        ClosureOccurrence(date: date, reason: name)
    }
}
