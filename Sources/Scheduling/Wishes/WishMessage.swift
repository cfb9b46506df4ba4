/// What a message about a wish says (Documentation/Wishes.md, "The messages").
package enum WishMessageKind: String, Hashable, Sendable, CaseIterable {
    /// Double opt-in: the wish counts once the citizen follows the link in this message.
    case confirmationRequest = "wish-confirmation-request"
    /// The hotline registered the wish for a caller: it counts, and the link opens it.
    case registered = "wish-registered"
    /// A time was freed for the wish: the link books or declines it.
    case offer = "wish-offer"
    /// The wish ended without a booking: its latest date passed, or its offers ran out unanswered.
    case ended = "wish-ended"
}

/// A message a wish's change causes, as it is stored in the transaction of that change: what it
/// is about, never its text, which is written when it is sent from the wish (and the offer) as
/// they are then.
package struct WishMessage: Hashable, Sendable {
    package var kind: WishMessageKind
    package var wish: WishID
    /// The offer it is about (`offer`).
    package var offer: String?
    package var language: Language
    /// Not to be sent before then.
    package var notBefore: Instant

    package init(kind: WishMessageKind, wish: WishID, offer: String? = nil, language: Language, notBefore: Instant) {
        self.kind = kind
        self.wish = wish
        self.offer = offer
        self.language = language
        self.notBefore = notBefore
    }
}
