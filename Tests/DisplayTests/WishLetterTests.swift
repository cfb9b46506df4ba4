import Testing

@testable import Display

/// The texts of the wishes' messages: what the citizen reads, with the one link that matters.
@Suite struct WishLetterTests {
    static func letter(_ kind: WishLetter.Kind, _ language: PageLanguage) -> WishLetter {
        let tuesday = CalendarDate(year: 2026, month: 12, day: 8, weekday: 2)
        let monday = CalendarDate(year: 2026, month: 12, day: 7, weekday: 1)
        return WishLetter(
            kind: kind, language: language, town: "Musterstadt", name: "Anna Schmidt",
            services: [CitizenSamples.services()[0]], persons: 1, offices: ["Bürgerbüro im Rathaus"],
            weekdays: [2, 4], times: ["morning"], earliest: tuesday,
            latest: CalendarDate(year: 2027, month: 1, day: 29, weekday: 5),
            offer: WishLetter.Offer(
                office: CitizenSamples.office(), start: WishLetter.Moment(date: tuesday, time: "08:20"), end: "08:40",
                expires: WishLetter.Moment(date: monday, time: "11:30")),
            confirmBy: WishLetter.Moment(date: CalendarDate(year: 2026, month: 12, day: 8, weekday: 2), time: "09:30"),
            wishLink: "https://termine.example/terminwunsch/w?token=t",
            offerLink: "https://termine.example/angebot/o?token=t",
            bookAgain: "https://termine.example/")
    }

    @Test func theOfferSaysWhenWhereUntilWhenAndHowToBookIt() {
        let letter = Self.letter(.offer, .german)
        #expect(
            WishLetterText.subject(letter)
                == "Termin frei: Dienstag, 8. Dezember 2026, 08:20 Uhr – bitte bis 11:30 Uhr buchen")
        let body = WishLetterText.body(letter)
        #expect(body.hasPrefix("Guten Tag Anna Schmidt,\n"))
        #expect(body.contains("\nWann: Dienstag, 8. Dezember 2026, 08:20–08:40 Uhr\n"))
        #expect(body.contains("bis Montag, 7. Dezember 2026, 11:30 Uhr für Sie frei"))
        #expect(body.contains("\nhttps://termine.example/angebot/o?token=t\n"))
        #expect(body.contains("geht der Termin an den nächsten Wunsch"))
    }

    @Test func theRequestToConfirmCarriesItsLinkItsDeadlineAndTheWishInEnglish() {
        let letter = Self.letter(.confirmationRequest, .english)
        #expect(WishLetterText.subject(letter).hasPrefix("Please confirm your wish – "))
        let body = WishLetterText.body(letter)
        #expect(body.contains("\nhttps://termine.example/terminwunsch/w?token=t\n"))
        #expect(body.contains("The link works until Tuesday, 8 December 2026, 09:30."))
        #expect(body.contains("Days: Tuesday, Thursday\n"))
        #expect(body.contains("Time of day: Morning (starting before noon)\n"))
        #expect(body.contains("Period: 8 December 2026 to 29 January 2027\n"))
        #expect(!body.contains("angebot"), "no offer in a request to confirm")
    }

    @Test func anEndedWishSaysWhyAndWhereToBookAgain() {
        var letter = Self.letter(.ended, .german)
        letter.endedUnanswered = true
        let body = WishLetterText.body(letter)
        #expect(body.contains("Unsere letzten Angebote blieben unbeantwortet."))
        #expect(body.contains("\nhttps://termine.example/\n"))
        letter.endedUnanswered = false
        #expect(WishLetterText.body(letter).contains("Bis zu Ihrem letzten Datum"))
    }
}
