extension CitizenText {
    /// English: the pages under `/en/`. Names of services, documents and fee notes come from the
    /// configuration in German and are marked `lang="de"`.
    package static let english = CitizenText(
        languageName: "English",
        languageNavigation: "Language",
        siteTitle: "Appointments at the citizen office",
        skipLink: "Skip to content",
        step: { "Step \($0) of \($1)" },
        stepNames: ["Services", "Documents and office", "Day and time", "Your details", "Review and book"],
        accessibilityLink: "Accessibility statement",
        hotlineNote: "Appointments also by phone: 115",
        demoNote: "Demo town, no real appointments",
        errorTitlePrefix: "Error: ",
        errorPrefix: "Error: ",
        errorSummaryTitle: "Please check your entries",
        startOverButton: "Book an appointment",

        servicesTitle: "Choose services",
        servicesHeading: "What do you need an appointment for?",
        servicesIntro: "Choose one or more services. Whatever you choose together is done in one appointment.",
        minutesPerPerson: { "about \($0) minutes per person" },
        byPhoneOnly: "Appointments by phone only, on 115",
        byDraw: "The appointments are drawn among everyone who registers.",
        personsQuestion: "For how many people?",
        personsHint: "For example parents who come with their children and all need an ID card.",
        continueButton: "Continue",
        serviceMissing: "Choose at least one service.",
        serviceUnknown: "There is no such service. Please choose from the list.",
        tooManyPersons: {
            "“\($0)” is possible for at most \($1) people in one appointment. Choose fewer people or book a second appointment."
        },

        selectionTitle: "Documents and office",
        selectionHeading: "Documents, fees and office",
        chosenHeading: "Your services",
        personsAndDuration: { persons, minutes in
            (persons == 1 ? "For 1 person" : "For \(persons) people") + ", taking about \(minutes) minutes."
        },
        changeServices: "Change your choice",
        documentsHeading: "Please bring",
        noDocuments: "You do not need any documents.",
        feesHeading: "Fees",
        feeUnknown: "The fee depends on your case; you will learn it at the counter.",
        feeFree: "Free of charge.",
        feeForPersons: { "for \($0) people" },
        feePayment: "You pay at the appointment.",
        officeQuestion: "Where would you like to go?",
        earliestLabel: "Earliest",
        noFreeTimes: "No free times at present",
        noOfficeTitle: "No office offers all of these together",
        noOfficeDetail: "No office does these services in one appointment. Please book them separately.",
        showTimesButton: "Show free times",
        officeMissing: "Choose an office.",

        timesTitle: "Choose a day and time",
        holdHint: { "The time you choose is then held for you for \($0) minutes." },
        daysHeading: "Days with free times",
        timesCount: { $0 == 1 ? "1 free time" : "\($0) free times" },
        noDaysInRange: "Sorry, nothing is free in this period.",
        earlierDays: "Earlier days",
        laterDays: "Later days",
        timesOn: { "Free times on \($0)" },
        morning: "Morning",
        afternoon: "Afternoon",
        timeSuffix: { ", \($0)" },
        noTimesHeading: "No free times",
        noTimesDetail: "Look at later days or choose another office.",
        nextTimesHeading: "The next free times",
        otherOffice: "Choose another office",
        takenTitle: "Sorry, this time has just been taken",
        takenDetail: { "Someone else has just booked \($0). Please choose one of the next free times." },
        takenNoneDetail: "Someone else has just booked this time. Please choose another time.",

        contactTitle: "Your details",
        contactHeading: "Your details",
        heldHeading: "Held for you",
        heldUntil: { "We keep this time free for you until \($0)." },
        extendButton: "Extend the hold",
        releaseButton: "Choose another time",
        extensionsLeft: { left, minutes in
            switch left {
            case 0: "The hold cannot be extended again."
            case 1: "You can extend it once more; it then lasts \(minutes) minutes again."
            default: "You can extend it \(left) more times; each time it lasts \(minutes) minutes again."
            }
        },
        holdActionsTitle: "Need more time, or another time?",
        countdownLeft: "(%s minutes left)",
        holdWarning: "Your hold runs out in 2 minutes. If you need more time, choose “Extend the hold” below.",
        holdExpired: "The hold has run out. You can still go on: if the time is still free, we book it.",
        extendedNotice: { "Hold extended until \($0)." },
        nameLabel: "First and last name",
        reachLegend: "How we can reach you",
        reachHint: "Give an email address or a phone number so that we can reach you about changes.",
        emailLabel: "Email address",
        phoneLabel: "Phone number",
        privacyNote: { "We use your details for this appointment only and delete them \($0) days after it." },
        reviewButton: "Continue to review",
        nameMissing: "Enter your first and last name.",
        nameTooLong: "The name is too long. Enter at most 200 characters.",
        nameInvalid: "Enter your name in letters, without special characters such as line breaks.",
        contactMissing: "Enter an email address or a phone number, for example name@example.com or 0431 123456.",
        emailInvalid: "Enter the email address in the form name@example.com.",
        phoneInvalid: "Enter a phone number with 5 to 20 digits, for example 0431 123456.",
        reviewTitle: "Review and book",
        reviewHeading: "Please check your details",
        contactSummaryHeading: "Your contact details",
        bookingTerms:
            "With “Book appointment” the appointment is booked for you. Until it starts you can move or cancel it.",
        bookButton: "Book appointment",
        changeDetails: "Change details",
        whenLabel: "When",
        whereLabel: "Where",
        servicesLabel: "Services",
        personsLabel: "People",
        holdGoneTitle: "This hold no longer exists",
        holdGoneDetail: "It has run out or was already booked. Please choose a time again.",
        expiredTakenTitle: "The hold has run out, and the time has been taken",

        bookedHeading: "Your appointment is booked",
        bookingHeading: "Your appointment",
        cancelledHeading: "This appointment is cancelled",
        bookedNoticeTitle: "Please keep this page",
        bookedNoticeDetail:
            "The address of this page lets you view, move or cancel the appointment: bookmark it or print the page.",
        movedNoticeTitle: "Appointment moved",
        movedNoticeDetail: "Your appointment now has the time below. The old time is free again.",
        cancelledNoticeTitle: "Appointment cancelled",
        cancelledNoticeDetail: "The time is free again for others. Thank you for cancelling.",
        referenceLabel: "Booking reference",
        referenceHint: "Give it at the counter or type it in at the ticket kiosk.",
        manageHeading: "Manage your appointment",
        keepLinkHint:
            "The address of this page is your access to the appointment. Bookmark it and do not share it.",
        calendarButton: "Add to calendar (.ics)",
        moveButton: "Move appointment",
        cancelButton: "Cancel appointment",
        printButton: "Print",
        notChangeable: "The appointment has started or is over. It can no longer be changed.",
        newBookingButton: "Book a new appointment",
        cancelQuestion: "Cancel this appointment?",
        cancelExplanation: "If you cancel, the time becomes free for others. This cannot be undone.",
        cancelConfirmButton: "Yes, cancel it",
        cancelBackButton: "No, go back",
        moveTitle: "Move your appointment",
        currentTime: "Currently",
        moveKeepsOld: "Your current appointment stays until the new time is booked.",
        backToBooking: "Back to your appointment",
        bookingGoneTitle: "We cannot find this appointment",
        bookingGoneDetail: "Check that you opened the whole address from your confirmation. Or call 115.",

        pageNotFoundTitle: "There is no such page",
        pageNotFoundDetail:
            "Perhaps the address is misspelt or out of date. Start on the first page of the appointment booking, or call 115.",
        feeRange: { "\($0) to \($1)" },
        documentFor: { "for: \($0)" },
        places: .english,
        room: .english,
        draw: .english,

        formRefusedTitle: "The form has expired",
        formRefusedDetail:
            "For your security we only accept forms that come from this website. Reload the page and send the form again. Your browser must allow cookies from this website for this.",
        reloadButton: "Book an appointment",
        problems: [
            "slot-unavailable": ("Sorry, this time has just been taken", "Please choose another time."),
            "hold-expired": ("The hold has run out", "Please choose a time again."),
            "hold-extension-limit": (
                "The hold cannot be extended again", "Book now, or choose a new time afterwards."
            ),
            "limit-reached": (
                "You already have appointments for this service",
                "As many appointments as allowed are booked with this email address or phone number. Cancel one before you book another."
            ),
            "outside-booking-window": (
                "This time cannot be booked", "It is too soon or too far ahead. Please choose a time from the list."
            ),
            "start-not-offered": ("This time is not offered", "Please choose a time from the list."),
            "service-not-offered": ("Not at this office", "Please choose another office."),
            "services-not-combinable": ("Not possible in one appointment", "Please book these services separately."),
            "service-not-bookable-online": ("Bookable by phone only", "Please book this appointment on 115."),
            "unknown-service": ("There is no such service", "Please choose from the list."),
            "booking-cancelled": ("The appointment is cancelled", "A cancelled appointment cannot be changed."),
            "booking-started": ("The appointment has started", "It can no longer be moved or cancelled."),
            "by-draw": (
                "Appointments are allocated by lottery",
                "For this service, appointments are drawn among everyone who registers."
            ),
            "admission-required": (
                "Please queue in the waiting room",
                "Appointments for this service are being handed out through a waiting room right now. When it is your turn, you choose a time there."
            ),
            "admission-invalid": (
                "Your admission has run out",
                "The time in which you could hold a time after the waiting room is over. Please queue again."
            ),
            "waiting-room-not-open": (
                "The waiting room is not open yet", "It opens shortly before the appointments are released."
            ),
            "waiting-room-closed": (
                "The waiting room is closed", "Appointments are handed out as usual again."
            ),
            "registration-closed": (
                "Registration has closed", "The appointments of this lottery have been drawn."
            ),
            "already-registered": (
                "You are already registered",
                "Someone has already registered for this lottery with this email address or phone number. Each person can register once."
            ),
            "not-found": (
                "This does not exist (any more)", "Check the address, or start on the first page."
            ),
            "rate-limited": ("Too many requests", "Please wait a moment and try again."),
            "overloaded": ("Very busy right now", "Please try again in a few seconds."),
            "precondition-failed": (
                "The appointment was changed meanwhile", "Reload the page and try again."
            ),
        ],
        problemFallback: (
            "Sorry, that did not work",
            "Something went wrong and nothing was changed. Please try again or call 115."
        )
    )
}
