/// What the waiting-room display shows at one moment: the current calls, the last few calls, the
/// waiting counts per group and the clock. The server builds it from the office's queue; the
/// renderers turn it into the display page and the text board.
///
/// It carries ticket numbers and counters only: no type in this module has a field for a name,
/// an e-mail address or a phone number, so none can reach the hall.
package struct BoardSnapshot: Equatable, Sendable {
    /// The office's id (`rathaus`), used in the URLs the page's script calls.
    package var officeID: String
    /// The office's name as the hall sees it ("Bürgerbüro im Rathaus").
    package var officeName: String
    /// Today's date as the office writes it ("Montag, 7. Dezember 2026").
    package var date: String
    /// The office's wall-clock time when the snapshot was taken ("09:41").
    package var time: String
    /// Tickets now called or being served, newest call first.
    package var calls: [BoardCall]
    /// The last few earlier calls (finished, no-show, moved on), newest first, at most
    /// ``BoardSnapshot/maximumRecent`` of which are shown.
    package var recent: [BoardCall]
    /// The service groups with their waiting counts and estimated waits.
    package var groups: [BoardGroup]
    /// The id of the last queue event included, so the page's event stream resumes after it.
    package var sequence: Int
    /// Languages of headings and announcements: always German (`de`), optionally English (`en`).
    package var languages: [String]
    /// Whether the display plays a gong and speaks each call.
    package var sound: Bool
    /// The office's IANA time zone ("Europe/Berlin"), so the page's clock shows office time even
    /// on a device set to another zone; nil leaves the clock on the device's zone.
    package var timeZone: String?
    /// The server's clock when the board was made, in milliseconds since 1970 (the display's
    /// clock keeps the difference to the device's); nil to use the device's alone.
    package var serverTime: Int64?

    /// How many earlier calls the display and the text board show.
    package static let maximumRecent = 6

    /// A snapshot; `languages` defaults to German only, `sound` to off.
    package init(
        officeID: String, officeName: String, date: String, time: String, calls: [BoardCall], recent: [BoardCall],
        groups: [BoardGroup], sequence: Int, languages: [String] = ["de"], sound: Bool = false,
        timeZone: String? = nil, serverTime: Int64? = nil
    ) {
        self.officeID = officeID
        self.officeName = officeName
        self.date = date
        self.time = time
        self.calls = calls
        self.recent = recent
        self.groups = groups
        self.sequence = sequence
        self.languages = languages
        self.sound = sound
        self.timeZone = timeZone
        self.serverTime = serverTime
    }

    /// Whether headings and announcements are also given in English.
    package var includesEnglish: Bool { languages.contains("en") }
}
