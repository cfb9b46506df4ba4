/// The words of the citizen pages in one language. A struct of fields rather than a table of
/// keys, so a wording missing in one language is a compile error. The strings are written for
/// HTML (no unescaped `<` or `&`); what they interpolate is numbers and worded dates.
///
/// The problem titles of the JSON API are English; the pages word the problems citizens can meet
/// themselves (``problem(_:)``).
package struct CitizenText: Sendable {
    // MARK: Frame
    package var languageName: String
    package var languageNavigation: String
    package var siteTitle: String
    package var skipLink: String
    package var step: @Sendable (Int, Int) -> String
    package var stepNames: [String]
    package var accessibilityLink: String
    package var hotlineNote: String
    package var demoNote: String
    package var errorTitlePrefix: String
    package var errorPrefix: String
    package var errorSummaryTitle: String
    package var startOverButton: String

    // MARK: Step 1: services
    package var servicesTitle: String
    package var servicesHeading: String
    package var servicesIntro: String
    package var minutesPerPerson: @Sendable (Int) -> String
    package var byPhoneOnly: String
    package var byDraw: String
    package var personsQuestion: String
    package var personsHint: String
    package var continueButton: String
    package var serviceMissing: String
    package var serviceUnknown: String
    package var tooManyPersons: @Sendable (String, Int) -> String

    // MARK: Step 2: documents, fees, office
    package var selectionTitle: String
    package var selectionHeading: String
    package var chosenHeading: String
    package var personsAndDuration: @Sendable (Int, Int) -> String
    package var changeServices: String
    package var documentsHeading: String
    package var noDocuments: String
    package var feesHeading: String
    package var feeUnknown: String
    package var feeFree: String
    package var feeForPersons: @Sendable (Int) -> String
    package var feePayment: String
    package var officeQuestion: String
    package var earliestLabel: String
    package var noFreeTimes: String
    package var noOfficeTitle: String
    package var noOfficeDetail: String
    package var showTimesButton: String
    package var officeMissing: String

    // MARK: Step 3: day and time
    package var timesTitle: String
    package var holdHint: @Sendable (Int) -> String
    package var daysHeading: String
    package var timesCount: @Sendable (Int) -> String
    package var noDaysInRange: String
    package var earlierDays: String
    package var laterDays: String
    package var timesOn: @Sendable (String) -> String
    package var morning: String
    package var afternoon: String
    package var timeSuffix: @Sendable (String) -> String
    package var noTimesHeading: String
    package var noTimesDetail: String
    package var nextTimesHeading: String
    package var otherOffice: String
    package var takenTitle: String
    package var takenDetail: @Sendable (String) -> String
    package var takenNoneDetail: String

    // MARK: Steps 4 and 5: hold, contact, review
    package var contactTitle: String
    package var contactHeading: String
    package var heldHeading: String
    package var heldUntil: @Sendable (String) -> String
    package var extendButton: String
    package var releaseButton: String
    /// How many extensions are left, and that each gives the full hold time again (minutes).
    package var extensionsLeft: @Sendable (Int, Int) -> String
    package var holdActionsTitle: String
    package var countdownLeft: String
    package var holdWarning: String
    package var holdExpired: String
    package var extendedNotice: @Sendable (String) -> String
    package var nameLabel: String
    package var reachLegend: String
    package var reachHint: String
    package var emailLabel: String
    package var phoneLabel: String
    package var privacyNote: @Sendable (Int) -> String
    package var reviewButton: String
    package var nameMissing: String
    package var nameTooLong: String
    /// A name without a letter, or with a control or invisible character.
    package var nameInvalid: String
    package var contactMissing: String
    package var emailInvalid: String
    package var phoneInvalid: String
    package var reviewTitle: String
    package var reviewHeading: String
    package var contactSummaryHeading: String
    package var bookingTerms: String
    package var bookButton: String
    package var changeDetails: String
    package var whenLabel: String
    package var whereLabel: String
    package var servicesLabel: String
    package var personsLabel: String
    package var holdGoneTitle: String
    package var holdGoneDetail: String
    package var expiredTakenTitle: String

    // MARK: The booking's page
    package var bookedHeading: String
    package var bookingHeading: String
    package var cancelledHeading: String
    package var bookedNoticeTitle: String
    package var bookedNoticeDetail: String
    package var movedNoticeTitle: String
    package var movedNoticeDetail: String
    package var cancelledNoticeTitle: String
    package var cancelledNoticeDetail: String
    package var referenceLabel: String
    package var referenceHint: String
    package var manageHeading: String
    package var keepLinkHint: String
    package var calendarButton: String
    package var moveButton: String
    package var cancelButton: String
    package var printButton: String
    package var notChangeable: String
    package var newBookingButton: String
    package var cancelQuestion: String
    package var cancelExplanation: String
    package var cancelConfirmButton: String
    package var cancelBackButton: String
    package var moveTitle: String
    package var currentTime: String
    package var moveKeepsOld: String
    package var backToBooking: String
    package var bookingGoneTitle: String
    package var bookingGoneDetail: String

    // MARK: Beyond the booking steps
    package var pageNotFoundTitle: String
    package var pageNotFoundDetail: String
    /// A fee that depends on the person: from the lowest to the highest total (worded amounts).
    package var feeRange: @Sendable (String, String) -> String
    /// Which of the chosen services a document is for (their names, joined).
    package var documentFor: @Sendable (String) -> String
    /// The offices page, opening hours and the way there.
    package var places: PlaceText
    /// Releases and waiting rooms.
    package var room: RoomText
    /// Draws.
    package var draw: DrawText

    // MARK: Refusals and problems
    package var formRefusedTitle: String
    package var formRefusedDetail: String
    package var reloadButton: String
    /// Title and detail for a problem kind of the API (`slot-unavailable`), for those a citizen
    /// can meet on these pages.
    package var problems: [String: (title: String, detail: String)]
    package var problemFallback: (title: String, detail: String)

    /// The title and detail of a problem kind, worded for citizens.
    package func problem(_ kind: String) -> (title: String, detail: String) {
        problems[kind] ?? problemFallback
    }
}
