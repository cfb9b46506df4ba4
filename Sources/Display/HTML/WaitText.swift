/// How pages and the text board word a count or an estimated wait. `display.js`, `kiosk.js` and
/// `common.js` word them the same way (`waitText`), so a page reads the same before and after its
/// script updates it.
package enum WaitText {
    /// "keine Wartezeit" for 0 or less; "ca. 25 Min." below an hour; "ca. 75 Min." (to 5 minutes)
    /// below two hours; beyond that "ca. 3 Std." (to the hour). Short enough for one line of the
    /// display's side column; more precision would be false anyway.
    package static func estimate(minutes: Int) -> String {
        if minutes <= 0 { return "keine Wartezeit" }
        if minutes < 60 { return "ca. \(minutes) Min." }
        if minutes < 120 { return "ca. \(min(120, (minutes + 2) / 5 * 5)) Min." }
        return "ca. \((minutes + 30) / 60) Std."
    }

    /// "3 wartend" (German uses the same word for one and for many).
    package static func waiting(_ count: Int) -> String {
        "\(max(0, count)) wartend"
    }

    /// How many tickets are ahead on a slip: "keine", "1 Wartemarke", "2 Wartemarken".
    package static func ahead(_ count: Int) -> String {
        switch count {
        case ...0: "keine"
        case 1: "1 Wartemarke"
        default: "\(count) Wartemarken"
        }
    }

    /// The cue shown on a call the counter still waits for: "Aufruf", then "2. Aufruf" and so on.
    package static func callCue(recalls: Int) -> String {
        recalls <= 0 ? "Aufruf" : "\(recalls + 1). Aufruf"
    }
}
