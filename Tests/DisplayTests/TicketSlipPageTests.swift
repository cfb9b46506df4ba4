import Testing

@testable import Display

@Suite struct TicketSlipPageTests {
    @Test func aWalkInSlipMatchesItsGoldenFile() throws {
        try Golden.expect(TicketSlipPage.html(Samples.slip()), matches: "ticket.html")
    }

    @Test func anAppointmentSlipMatchesItsGoldenFile() throws {
        var slip = Samples.slip(appointment: true)
        slip.notice = "Ihr Termin war um 09:30. Sie werden so bald wie möglich aufgerufen."
        try Golden.expect(TicketSlipPage.html(slip), matches: "ticket-appointment.html")
    }

    @Test func aWalkInSlipShowsTheTicketsAheadAndTheEstimate() {
        let html = TicketSlipPage.html(Samples.slip())
        #expect(html.contains("<span class=\"slip-number\">A017</span>"))
        #expect(html.contains("<div><dt>Vor Ihnen</dt><dd>2 Wartemarken</dd></div>"))
        #expect(html.contains("<div><dt>Wartezeit</dt><dd>ca. 15 Min.</dd></div>"))
        #expect(!html.contains("slip-appointment"))
    }

    @Test func anAppointmentSlipShowsItsTimeInsteadOfTheLine() {
        let html = TicketSlipPage.html(Samples.slip(appointment: true))
        #expect(html.contains("<p class=\"slip-appointment\">Termin um 09:30</p>"))
        #expect(!html.contains("Vor Ihnen"))
        #expect(html.contains("Sie werden zu Ihrer Terminzeit aufgerufen."))
    }

    @Test func documentsCarryTheirConditionAndNote() {
        let html = TicketSlipPage.html(Samples.slip())
        #expect(html.contains("<span class=\"slip-condition\">nur bei Personen unter 16 Jahren</span>"))
        #expect(html.contains("<span class=\"slip-note\">auch wenn er abgelaufen ist</span>"))
        var slip = Samples.slip()
        slip.documents = []
        #expect(!TicketSlipPage.html(slip).contains("Bitte halten Sie bereit"))
    }

    @Test func everyValueIsEscaped() {
        let hostile = Samples.hostile
        let slip = TicketSlip(
            officeName: hostile, number: hostile, services: [hostile], issuedAt: hostile, ahead: 1,
            estimatedWaitMinutes: 1, isAppointment: true, appointmentTime: hostile,
            documents: [SlipDocument(name: hostile, note: hostile, condition: hostile)], notice: hostile)
        let html = TicketSlipPage.html(slip)
        #expect(!html.contains("<script>alert"))
        #expect(html.ranges(of: "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;").count == 11)
    }

    @Test func thePrintStylesheetSizesThePageForAn80MillimetreRoll() throws {
        let css = try #require(Assets.file(named: "ticket.css")).body
        let text = String(decoding: css, as: UTF8.self)
        #expect(text.contains("@page { size: 80mm 200mm; margin: 0; }"))
        #expect(text.contains("@media print"))
        let script = String(decoding: try #require(Assets.file(named: "ticket.js")).body, as: UTF8.self)
        #expect(script.contains("sheet.replaceSync(`@page { size: 80mm ${millimetres}mm; margin: 0; }`);"))
    }
}
