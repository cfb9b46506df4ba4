import RathausTesting
import Testing

@testable import Scheduling

/// Which messages each change of a booking causes.
@Suite struct MessagePolicyTests {
    let now = Fixtures.instant("2026-12-01T10:00")
    let policy = MessagePolicy()

    func booking(
        start: String = "2026-12-07T09:00", email: String? = "erika@example.org", phone: String? = nil,
        language: Language = .german, deadline: Instant? = nil, sequence: Int = 0
    ) -> Booking {
        let start = Fixtures.instant(start)
        return Booking(
            id: "rathaus.b1", reference: "K7M-4PQ", office: "rathaus", counter: "1", services: ["pass"], persons: 1,
            start: start, end: start.adding(minutes: 20), channel: .online,
            contact: Contact(name: "Erika", email: email, phone: phone, language: language), status: .booked,
            createdAt: now, updatedAt: now, sequence: sequence,
            placement: Placement(date: Fixtures.date("2026-12-07"), counterIndex: 0, units: 0..<4),
            confirmationDeadline: deadline)
    }

    @Test func aBookingGetsItsConfirmationAndAReminderADayBefore() {
        let made = booking(language: .english)
        let messages = policy.messages(for: .booked(made), now: now)
        #expect(messages.map(\.kind) == [.confirmation, .reminder])
        #expect(messages[0].notBefore == now)
        #expect(messages[1].notBefore == Fixtures.instant("2026-12-06T09:00"))
        #expect(messages.allSatisfy { $0.language == .english && $0.sequence == 0 && $0.booking == made.id })
    }

    @Test func aBookingMadeLessThanTheLeadBeforeItsStartGetsNoReminder() {
        let soon = booking(start: "2026-12-02T09:00")
        #expect(policy.messages(for: .booked(soon), now: now).map(\.kind) == [.confirmation])
        #expect(
            MessagePolicy(reminderLeadMinutes: nil).messages(for: .booked(booking()), now: now).map(\.kind)
                == [.confirmation])
    }

    @Test func anUnconfirmedBookingGetsTheRequestAndItsConfirmationOnlyOnceConfirmed() {
        let waiting = booking(deadline: now.adding(minutes: 30))
        #expect(policy.messages(for: .booked(waiting), now: now).map(\.kind) == [.confirmationRequest])
        let confirmed = booking(sequence: 1)
        #expect(policy.messages(for: .confirmed(confirmed), now: now).map(\.kind) == [.confirmation, .reminder])
        #expect(policy.messages(for: .released(waiting), now: now).map(\.kind) == [.released])
        #expect(policy.messages(for: .sentAgain(waiting), now: now).map(\.kind) == [.confirmationRequest])
    }

    @Test func aMoveGetsOneNoticeWithTheOldTimeAndANewReminder() {
        let from = booking()
        let to = booking(start: "2026-12-09T11:00", sequence: 1)
        let messages = policy.messages(for: .moved(from: from, to: to, cause: .staff), now: now)
        #expect(messages.map(\.kind) == [.moved, .reminder])
        #expect(messages[0].previousStart == from.start)
        #expect(messages[0].cause == .staff)
        #expect(messages.allSatisfy { $0.sequence == 1 })
        #expect(messages[1].notBefore == Fixtures.instant("2026-12-08T11:00"))
    }

    @Test func aCancellationGetsOneNoticeWithItsCauseAndReason() {
        var cancelled = booking(sequence: 1)
        cancelled.status = .cancelled
        let messages = policy.messages(
            for: .cancelled(cancelled, cause: .configuration, reason: .closed(["Betriebsausflug"])), now: now)
        #expect(messages.map(\.kind) == [.cancelled])
        #expect(messages.first?.cause == .configuration)
        #expect(messages.first?.reason == .closed(["Betriebsausflug"]))
        #expect(policy.messages(for: .sentAgain(cancelled), now: now).isEmpty, "nothing to send again")
    }

    @Test func aBookingWithOnlyAPhoneNumberAndMailSwitchedOffGetNothing() {
        let phoneOnly = booking(email: nil, phone: "0431 123456")
        let changes: [BookingChange] = [
            .booked(phoneOnly), .confirmed(phoneOnly), .moved(from: phoneOnly, to: phoneOnly, cause: .citizen),
            .cancelled(phoneOnly, cause: .citizen), .released(phoneOnly), .sentAgain(phoneOnly),
        ]
        for change in changes { #expect(policy.messages(for: change, now: now).isEmpty) }
        #expect(MessagePolicy.off.messages(for: .booked(booking()), now: now).isEmpty)
        #expect(policy.messages(for: .booked(booking(email: "")), now: now).isEmpty)
    }

    @Test(arguments: [
        BookingMisfit.counterRemoved("4"), .offGrid, .serviceNotDone("pass"),
        .closed(["Betriebsausflug", "Brandschutz"]),
        .closed([]), .outsideHours,
    ])
    func aMisfitReadsBackFromItsStoredCode(misfit: BookingMisfit) {
        #expect(BookingMisfit(code: misfit.code, detail: misfit.detail) == misfit)
    }
}
