import Foundation
import RathausTesting
import Testing

@testable import Display

/// A ticket's own page and the page of tickets from home: what each status says and when to be
/// back, the page whole without JavaScript, and the QR codes read back by a real decoder.
@Suite struct MobileTicketPageTests {
    func view(
        _ status: TicketView.Status, ahead: Int = 5, wait: Int = 44, now: String = "09:41", recalls: Int = 0,
        appointment: String? = nil
    ) -> TicketView {
        let minute = (Int(now.prefix(2)) ?? 0) * 60 + (Int(now.suffix(2)) ?? 0)
        return TicketView(
            officeName: "Bürgerbüro im Rathaus", number: "A017", status: status, services: ["Personalausweis"],
            issuedAt: "09:12", ahead: ahead, estimatedWaitMinutes: wait, nowMinute: minute, counterName: "Schalter 4",
            calledAt: "10:24", recalls: recalls, appointmentTime: appointment, arrivalCode: "K7M-4PQ",
            arriveBy: "10:40", day: "07.12.2026")
    }

    func page(_ view: TicketView, _ language: PageLanguage = .german) -> String {
        MobileTicketPage.html(view: view, language: language, town: "Musterstadt", path: "/t/k3y")
    }

    @Test func aWaitingTicketSaysWhenItIsExpectedAndWhenToBeBack() {
        let words = TicketWords.german.status(view(.waiting))
        #expect(words.headline == "Noch 5 vor Ihnen")
        #expect(
            words.detail
                == "Voraussichtlich gegen 10:25 Uhr an der Reihe. Bitte seien Sie spätestens um 10:15 Uhr zurück im Wartebereich."
        )
        #expect(!words.isCall)
        let english = TicketWords.english.status(view(.waiting))
        #expect(english.detail == "Expected around 10:25. Please be back in the waiting area by 10:15.")
    }

    @Test func theBackTimeIsTenMinutesEarlierOnAFiveMinuteStepAndNeverBeforeNow() {
        #expect(view(.waiting, wait: 44, now: "09:41").backBy == "10:15")
        #expect(view(.waiting, wait: 12, now: "09:41").backBy == "09:41")
        #expect(view(.waiting, wait: 120, now: "23:30").expectedAt == "01:30")
    }

    @Test func soonMeansComeNow() {
        for soon in [view(.waiting, ahead: 2, wait: 40), view(.waiting, ahead: 9, wait: 10)] {
            #expect(TicketWords.german.status(soon).detail == "Bitte kommen Sie jetzt in den Wartebereich.")
        }
        #expect(TicketWords.german.status(view(.waiting, ahead: 0, wait: 0)).headline == "Sie sind als Nächstes dran")
    }

    @Test func aCallNamesTheCounterInLargeTypeAndARecallIsAnotherCall() {
        let call = TicketWords.german.status(view(.called))
        #expect(call.headline == "Bitte zu Schalter 4" && call.isCall)
        #expect(call.notification == "Nummer A017: Bitte zu Schalter 4")
        #expect(TicketWords.german.status(view(.called, recalls: 1)).headline == "2. Aufruf: Bitte zu Schalter 4")
        #expect(
            TicketWords.english.status(view(.called, recalls: 1)).headline == "Called again: Please go to Schalter 4")
        let html = page(view(.called))
        #expect(html.contains("data-status=\"called\""))
        #expect(html.contains("<p class=\"ticket-headline\" id=\"ticket-headline\">Bitte zu Schalter 4</p>"))
    }

    @Test func anAppointmentIsCalledByItsTime() {
        let words = TicketWords.german.status(view(.waiting, appointment: "10:30"))
        #expect(words.headline == "Termin um 10:30 Uhr")
        #expect(!page(view(.waiting, appointment: "10:30")).contains("id=\"fact-ahead\""))
    }

    @Test func withoutJavaScriptThePageIsWholeAndReloadsItself() {
        let html = page(view(.waiting))
        #expect(html.contains("<noscript><meta http-equiv=\"refresh\" content=\"30\"></noscript>"))
        #expect(html.contains("<a href=\"/t/k3y\" id=\"ticket-refresh\">Jetzt aktualisieren</a>"))
        #expect(html.contains("Diese Seite lädt sich alle 30 Sekunden neu."))
        #expect(
            html.contains("id=\"ticket-alerts\" aria-labelledby=\"alerts-heading\" hidden"), "sound needs the script")
        #expect(html.contains("data-events=\"/t/k3y/events\""))
        #expect(html.contains("<html lang=\"de\">") && page(view(.waiting), .english).contains("<html lang=\"en\">"))
        #expect(page(view(.waiting), .english).contains("data-events=\"/en/t/k3y/events\""))
        #expect(!html.contains("style=") && !html.contains(" on"), "no inline style or handler")
    }

    @Test func aFinishedTicketsPageNeitherReloadsNorListens() {
        for status in [TicketView.Status.done, .noShow, .passedOver, .expired] {
            let html = page(view(status))
            #expect(!html.contains("http-equiv=\"refresh\"") && !html.contains("mobile-ticket.js"), "\(status)")
        }
        #expect(page(view(.passedOver)).contains("Ankunft nicht rechtzeitig bestätigt"))
    }

    @Test func aTicketFromHomeShowsItsArrivalCodeUntilItArrives() throws {
        let html = page(view(.awaitingArrival))
        #expect(html.contains("<p class=\"arrival-code\" id=\"arrival-code\">K7M-4PQ</p>"))
        #expect(
            TicketWords.german.status(view(.awaitingArrival)).headline
                == "Bitte bestätigen Sie Ihre Ankunft bis 10:40 Uhr")
        #expect(!page(view(.waiting)).contains("arrival-code"))
    }

    @Test func theRemotePageAsksForNoPersonalDataAndOffersOpenGroupsOnly() {
        let office = RemoteOffice(
            id: "rathaus", name: "Bürgerbüro im Rathaus", address: ["Marktplatz 1"], from: "07:00", until: "11:30",
            isOpen: true,
            groups: [
                RemoteGroup(
                    letter: "A", name: "Ausweise", waiting: 3, estimatedWaitMinutes: 25, left: 4,
                    services: [ServiceOption(id: "personalausweis", name: "Personalausweis")]),
                RemoteGroup(
                    letter: "C", name: "Gewerbe", waiting: 0, estimatedWaitMinutes: 0, left: 0,
                    services: [ServiceOption(id: "gewerbe", name: "Gewerbe")]),
            ])
        let html = RemoteTicketPage.html(language: .german, town: "Musterstadt", offices: [office], formToken: "t0k")
        #expect(html.contains("value=\"personalausweis\" required") && !html.contains("value=\"gewerbe\""))
        #expect(html.contains("3 wartend · ca. 25 Min. · noch 4 Wartemarken"))
        #expect(!html.contains("type=\"email\"") && !html.contains("name=\"name\""))
        let held = RemoteTicketPage.html(
            language: .english, town: "Musterstadt", offices: [office], formToken: "t0k",
            held: .init(number: "A017", href: "/en/t/k3y"))
        #expect(held.contains("You already have a ticket: A017") && !held.contains("<form"))
    }

    // MARK: The codes, read by zbarimg

    static func svg(in html: String) -> String? {
        guard let start = html.range(of: "<svg"),
            let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test(.enabled(if: Zbar.executable != nil, "zbarimg is not installed (apt-get install zbar-tools)"))
    func theSlipTheArrivalPanelAndTheBookingCarryCodesAReaderReads() throws {
        let url = "https://termine.musterstadt.example/t/Qx3_f-9aZk0pLmN2bV7cTw"
        let slip = TicketSlipPage.html(
            TicketSlip(
                officeName: "Bürgerbüro", number: "A017", services: [], issuedAt: "07.12.2026, 09:41", ahead: 3,
                estimatedWaitMinutes: 25, pageURL: url))
        let arrival = page(view(.awaitingArrival))
        let booking = BookingPage.html(
            language: .german, town: "Musterstadt", booking: CitizenSamples.booking(), arrival: .booked)
        let mail = ReferenceCode.svg("k7m-4pq", label: "Buchungsnummer")
        let pictures = try [slip, arrival, booking].map { try #require(Self.svg(in: $0)) } + [mail]
        let read = try withTemporaryDirectory { directory in
            let images = try pictures.enumerated().map { index, svg in
                let raster = try #require(SVGRaster(svg: svg))
                let path = directory.file("code-\(index).pgm")
                try raster.pgm(pixelsPerModule: 4).write(to: URL(fileURLWithPath: path))
                return path
            }
            return try Zbar.read(images, scratchDirectory: directory.path)
        }
        #expect(read.status == 0)
        #expect(String(decoding: read.output, as: UTF8.self) == "\(url)\nK7M-4PQ\nK7M-4PQ\nK7M-4PQ\n")
        #expect(read.corrections.allSatisfy { $0 == 0 })
    }
}
