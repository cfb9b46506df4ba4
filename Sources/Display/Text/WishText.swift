/// The words of the wish pages (Terminwunsch) in one language, as ``CitizenText`` has those of the
/// booking: a struct of fields, so a wording missing in one language is a compile error. Written
/// for HTML (no unescaped `<` or `&`).
package struct WishText: Sendable {
    // MARK: The link from the times page
    package var linkTitle: String
    package var linkDetail: String
    package var linkButton: String

    // MARK: The form
    package var formTitle: String
    package var formIntro: String
    /// How long an offer is held (hours) and what happens to it.
    package var offerRule: @Sendable (Int) -> String
    package var officesLegend: String
    package var officesHint: String
    package var weekdaysLegend: String
    /// Monday … Sunday.
    package var weekdayNames: [String]
    package var timesLegend: String
    package var morningLabel: String
    package var afternoonLabel: String
    package var earliestLabel: String
    package var latestLabel: String
    /// The last date a wish may name.
    package var latestHint: @Sendable (String) -> String
    package var emailHint: String
    /// What is kept and for how long after the wish ends (days).
    package var privacyNote: @Sendable (Int) -> String
    package var submitButton: String
    package var officesMissing: String
    package var weekdaysMissing: String
    package var timesMissing: String
    package var dateInvalid: String
    package var datesReversed: String
    package var emailMissing: String

    // MARK: After leaving it
    package var sentTitle: String
    /// Within how many hours the link must be followed.
    package var sentDetail: @Sendable (Int) -> String

    // MARK: Confirming
    package var confirmTitle: String
    package var confirmLead: String
    package var confirmButton: String
    package var confirmedTitle: String
    package var confirmedDetail: String

    // MARK: The wish's page
    package var statusTitle: String
    package var statusLabel: String
    /// unconfirmed, waiting, booked, withdrawn, ended.
    package var statusNames: [String: String]
    /// How many wishes for the same services wait ahead.
    package var ahead: @Sendable (Int) -> String
    package var confirmedAt: @Sendable (String) -> String
    package var officesLabel: String
    package var weekdaysLabel: String
    package var timesLabel: String
    package var periodLabel: String
    package var period: @Sendable (String, String) -> String
    package var wholeDay: String
    package var keepMailHint: String
    package var withdrawHeading: String
    package var withdrawExplanation: String
    package var withdrawButton: String
    package var withdrawnTitle: String
    package var withdrawnDetail: String
    package var bookedDetail: String
    package var endedDetail: String

    // MARK: Offers
    package var offerHeading: String
    /// Until when (a worded date and time) the time is held.
    package var offerLead: @Sendable (String) -> String
    package var bookButton: String
    package var declineButton: String
    package var declineHint: String
    package var declinedTitle: String
    package var declinedDetail: String
    package var toWishLink: String

    /// Titles and details of the problems a citizen can meet on these pages (by kind).
    package var problems: [String: (title: String, detail: String)]
}

extension PageLanguage {
    /// The words of its wish pages.
    package var wishText: WishText { self == .german ? .german : .english }
}
