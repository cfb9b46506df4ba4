extension WishText {
    /// English.
    package static let english = WishText(
        linkTitle: "No time that suits you?",
        linkDetail:
            "Leave a wish. When a time that fits your wish becomes free, we offer it to you by e-mail – whoever wished first gets the first offer.",
        linkButton: "Leave a wish",

        formTitle: "Leave a wish for an appointment",
        formIntro:
            "Tell us when and where an appointment suits you. When such a time becomes free – because someone cancels or new days are released – we offer it to you by e-mail. The order is the order in which the wishes were confirmed.",
        offerRule: {
            "We hold an offer for you for \($0) \($0 == 1 ? "hour" : "hours"). You book it with one click, or you decline it; then it goes to the next wish, and yours keeps waiting."
        },
        officesLegend: "Which offices suit you?",
        officesHint: "Choose all you can reach: an offer then comes sooner.",
        weekdaysLegend: "On which days?",
        weekdayNames: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        timesLegend: "At what time of day?",
        morningLabel: "Morning (starting before noon)",
        afternoonLabel: "Afternoon (starting from noon)",
        earliestLabel: "Not before",
        latestLabel: "Not after",
        latestHint: { "At most until \($0). After that your wish ends by itself." },
        emailHint: "We send the confirmation link and the offers there.",
        privacyNote: {
            "We use your details only for this wish. If you withdraw it, we delete them at once, otherwise \($0) days after it ends."
        },
        submitButton: "Leave the wish",
        officesMissing: "Choose at least one office.",
        weekdaysMissing: "Choose at least one day.",
        timesMissing: "Choose at least one time of day.",
        dateInvalid: "Enter the date as YYYY-MM-DD or DD.MM.YYYY.",
        datesReversed: "The last date must not be before the first, nor be over.",
        emailMissing: "Give your e-mail address: offers come by e-mail.",

        sentTitle: "Please confirm your e-mail address",
        sentDetail: {
            "We have sent you an e-mail with a link. Your wish counts once you have confirmed it with that link, which is valid for \($0) hours. No e-mail? Look in your spam folder too."
        },

        confirmTitle: "Confirm your wish",
        confirmLead: "Confirm that you left this wish. From then on it counts, and you are in line.",
        confirmButton: "Confirm the wish",
        confirmedTitle: "Thank you, your wish is confirmed",
        confirmedDetail: "When a time that suits you becomes free, we will write to you.",

        statusTitle: "Your wish",
        statusLabel: "Status",
        statusNames: [
            "unconfirmed": "Not confirmed yet", "waiting": "Waiting for a time that suits", "booked": "Booked",
            "withdrawn": "Withdrawn", "ended": "Ended",
        ],
        ahead: {
            $0 == 0
                ? "You are next in line for this service."
                : "\($0 == 1 ? "1 wish is" : "\($0) wishes are") waiting ahead of you for this service."
        },
        confirmedAt: { "In line since \($0)." },
        officesLabel: "Offices",
        weekdaysLabel: "Days",
        timesLabel: "Time of day",
        periodLabel: "Period",
        period: { "\($0) to \($1)" },
        wholeDay: "any time",
        keepMailHint: "Keep our e-mail: its link opens this page.",
        withdrawHeading: "Withdraw your wish",
        withdrawExplanation: "No longer need an appointment? Then withdraw your wish. We delete your details at once.",
        withdrawButton: "Withdraw the wish",
        withdrawnTitle: "Your wish is withdrawn",
        withdrawnDetail: "We will send you no more offers; your details are deleted.",
        bookedDetail: "You booked an appointment; the confirmation came by e-mail.",
        endedDetail: "Your wish has ended. If you still need an appointment, leave a new wish.",

        offerHeading: "An appointment for you",
        offerLead: {
            "A time that fits your wish has become free. We hold it for you until \($0); nobody else can book it until then."
        },
        bookButton: "Book this appointment",
        declineButton: "Decline",
        declineHint: "If you decline, the time goes to the next wish; yours keeps waiting.",
        declinedTitle: "You declined the time",
        declinedDetail: "Your wish keeps waiting for another time that suits you.",
        toWishLink: "To your wish",

        problems: [
            "no-wishes": (
                "No wishes here",
                "These appointments are allocated by lottery or through a waiting room, which keep their own order."
            ),
            "already-wishing": (
                "You already have a wish",
                "A wish with your e-mail address is already waiting for this service. To change it, withdraw it with the link in our e-mail and leave a new one."
            ),
            "too-many-wishes": (
                "Too many wishes", "One e-mail address can have only a few wishes at once. Withdraw one first."
            ),
            "wish-closed": ("This wish has ended", "It was booked, withdrawn or has run out."),
            "wish-confirmation-expired": (
                "The link has expired", "Your wish was not confirmed in time. Please leave it again."
            ),
            "offer-expired": (
                "This offer has run out",
                "The time was not booked in time and went to the next wish. Your wish keeps waiting."
            ),
            "offer-closed": (
                "This offer is no longer valid", "It was booked or declined already, or the wish was withdrawn."
            ),
            "not-found": (
                "There is no such wish",
                "The link is incomplete, or the wish was deleted. Copy the whole link from the e-mail."
            ),
        ])
}
