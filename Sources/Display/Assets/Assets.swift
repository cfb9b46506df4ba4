/// The pages' static files (stylesheets and scripts), compiled into the binary as string
/// constants rather than SwiftPM resources, so Rathaus stays one file to deploy. The server
/// serves them at `/assets/{name}` with ``etag(named:)`` as the entity tag.
///
/// The files themselves are `Assets/Files/*.css` and `*.js` (excluded from the target in
/// `Package.swift`); `Scripts/generate-assets` writes them into `Assets+Generated.swift` as
/// ``sources``, and `Scripts/lint-assets` checks them as CSS and JavaScript. Each begins with a
/// comment on what it does:
///
/// - `base.css`: the palette as custom properties (every colour a page uses is one of these, so
///   the contrast test sees them all), type, focus, buttons, form fields, the message region and
///   the token form; every page loads it first and its own stylesheet builds on it.
/// - `display.css`, `display.js`: the waiting-room display, a dark palette with every text pair
///   at 7:1 or more and ticket numbers of at least 8.6 % of a 16:9 screen's height; the script
///   follows the office's event stream (polling when it fails), updates the board in place,
///   highlights and announces new calls and runs the clock.
/// - `kiosk.css`, `kiosk.js`: the kiosk, touch targets at least 88 CSS pixels high; screens,
///   drawing a ticket, the check-in with its keypad and the waiting times on the group buttons.
/// - `counter.css`, `counter.js`: the counter page, the counter's state, the actions and their
///   shortcuts, the transfer dialog, parked tickets and live updates from the event stream.
/// - `ticket.css`, `ticket.js`: the printable ticket, an 80 mm receipt (72 mm printed width);
///   the script sizes the printed page to the slip, prints on load and returns to the kiosk.
/// - `citizen.css`, `citizen.js`: the citizen pages, one column that reflows down to 320 CSS
///   pixels (WCAG 1.4.10) and a print layout for the confirmation; the script is an enhancement
///   only (the hold's countdown, extending a hold, choosing a time without a reload).
/// - `hotline.css`, `hotline.js`: the hotline console, earliest times across offices, holds and
///   bookings on the hotline contingent, look-up by reference, phone, e-mail or name, moving and
///   cancelling, and its shortcuts; `daylist.js`: an office's bookings of a day (styled by
///   `hotline.css`).
/// - `mobile-ticket.css`, `mobile-ticket.js`, `mobile-ticket-worker.js`: a ticket's own page on
///   the phone and the page that hands out tickets from home; the script follows the ticket's
///   event stream and, on a call, vibrates, sounds a chime and shows a notification (through the
///   service worker, which does nothing else).
/// - `statistics.css`, `statistics.js`: the statistics page, its range form, key figures, the
///   charts' colours and tables; the script loads the report and the CSV files with the session.
/// - `staff.css`: the staff's own pages: sign-in, the start page, the audit trail and refusals.
/// - `mail.css`, `mail.js`: the staff's mail page, the outbox's newest messages, the demo
///   folder's messages and the previews of each kind, loaded with the session.
/// - `administration.css`, `administration.js`: the administration console and its history, the
///   editor bound to the configuration document by path, the week table, the preview with the
///   affected bookings and the call list after saving; the script loads and sends it all with the
///   session.
/// - `common.js`: what the kiosk, the counter page, the hotline console, the day list and the
///   statistics share: the kiosk's device token, the staff session's form token, API calls with
///   problem+json errors worded in German by their kind, the
///   message region and the wording of waits.
///
/// No file holds an inline handler or relies on inline style: the pages run under a
/// Content-Security-Policy of `default-src 'self'`.
package enum Assets {
    /// One static file.
    struct File: Sendable {
        var contentType: String
        var body: [UInt8]
        var etag: String
    }

    /// The names of every asset, in a fixed order: the files of `Assets/Files/`.
    package static let names: [String] = [
        "base.css", "display.css", "kiosk.css", "counter.css", "ticket.css", "citizen.css", "hotline.css",
        "mobile-ticket.css", "statistics.css", "staff.css", "mail.css", "administration.css", "common.js",
        "display.js", "kiosk.js", "counter.js", "ticket.js", "citizen.js", "hotline.js", "mobile-ticket.js",
        "mobile-ticket-worker.js", "statistics.js", "daylist.js", "mail.js", "administration.js",
    ]

    /// The file named `name` (`display.js`) with its content type, or nil if there is none.
    package static func file(named name: String) -> (contentType: String, body: [UInt8])? {
        guard let file = files[name] else { return nil }
        return (file.contentType, file.body)
    }

    /// A strong entity tag for the file named `name`, quoted as the `ETag` header wants it
    /// (RFC 9110 §8.8.3): the 64-bit FNV-1a hash of its bytes in hex, e.g. `"3f2a…"`. It changes
    /// exactly when the bytes do; nil if there is no such file.
    package static func etag(named name: String) -> String? {
        files[name]?.etag
    }

    /// The URL path a page uses for the asset `name`.
    package static func path(_ name: String) -> String {
        "/assets/" + name
    }

    private static let files: [String: File] = {
        var files: [String: File] = [:]
        for (name, text) in sources {
            let body = Array(text.utf8)
            let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
            files[name] = File(contentType: type, body: body, etag: "\"" + hex(fnv1a64(body)) + "\"")
        }
        return files
    }()

    /// The 64-bit FNV-1a hash (offset basis 14695981039346656037, prime 1099511628211).
    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
