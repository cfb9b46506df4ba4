/// The town's rules for wishes (Documentation/Wishes.md, "Configuration").
package struct WishPolicy: Hashable, Sendable {
    /// Whether citizens and the hotline can leave wishes at all.
    package var isEnabled: Bool
    /// How long an offered time is held for a wish before it goes to the next.
    package var offerMinutes: Int
    /// How long the hold of an offer outlasts the offer itself, so that the time is handed on to
    /// the next wish from its hold and never falls free in between (the offer runs out on the
    /// wishes' sweep; the hold's own expiry is only the backstop).
    package var offerGraceMinutes: Int
    /// How long a new wish waits for its e-mail address to be confirmed before it is dropped.
    package var confirmMinutes: Int
    /// Wishes one contact may have waiting at once (over all services; one per service anyway).
    package var maxActivePerContact: Int
    /// Offers that may run out unanswered in a row before the wish ends.
    package var maxUnansweredOffers: Int
    /// How far ahead a wish's latest date may lie, in days.
    package var maxDays: Int

    package init(
        isEnabled: Bool = true, offerMinutes: Int = 120, offerGraceMinutes: Int = 5, confirmMinutes: Int = 1440,
        maxActivePerContact: Int = 3, maxUnansweredOffers: Int = 2, maxDays: Int = 180
    ) {
        self.isEnabled = isEnabled
        self.offerMinutes = offerMinutes
        self.offerGraceMinutes = offerGraceMinutes
        self.confirmMinutes = confirmMinutes
        self.maxActivePerContact = maxActivePerContact
        self.maxUnansweredOffers = maxUnansweredOffers
        self.maxDays = maxDays
    }
}
