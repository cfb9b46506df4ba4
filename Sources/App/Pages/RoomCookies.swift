import HTTPServer
import Scheduling

/// The two cookies that carry a waiting room through the pages, so that no secret goes into an
/// address (an address ends up in histories, bookmarks and the logs of proxies):
///
/// - `rathaus_room` holds the entrant's secret (what `POST /v1/waiting-rooms/{service}` answers).
///   It is scoped to the room's own page (`Path=/warteraum/{service}`, and the same under `/en`),
///   the only page that reads it.
/// - `rathaus_admission` holds the signed admission (what the API takes as `Admission-Token`) once
///   the room has admitted the entrant. It is scoped to the whole site (`Path=/`): the times page
///   reads it to say until when the citizen may choose, and placing a hold and booking a hold that
///   ran out send it on (the booking steps live at `/zeiten`, `/reservierung` and under `/en`,
///   which no one path covers). It carries no personal data, opens nothing but the holds of the
///   one service for the admission's minutes (ten attempts at most) and expires with it.
///
/// Both are `HttpOnly` (no script reads them) and `SameSite=Strict` (another site's links and
/// forms do not bring them), `Secure` behind a TLS proxy, like the form cookie. A hidden form field
/// would not do: the hold's page is reached by a redirect, which carries no form.
enum RoomCookies {
    static let entryName = "rathaus_room"
    static let admissionName = "rathaus_admission"

    /// The entrant's secret, if the request brings one (43 characters of base64url).
    static func entry(of request: HTTPRequest) -> String? {
        value(named: entryName, of: request).flatMap { $0.utf8.count == 43 ? $0 : nil }
    }

    /// The admission token, if the request brings one.
    static func admission(of request: HTTPRequest) -> String? {
        value(named: admissionName, of: request)
    }

    /// `Set-Cookie` values that keep `entry` for the room of `service`, on its German and English page.
    static func keepEntry(_ entry: String, service: ServiceID, request: HTTPRequest) -> [String] {
        let path = "/warteraum/" + service.rawValue
        return [path, "/en" + path].map { "\(entryName)=\(entry); Path=\($0)" + attributes(request, maxAge: 6 * 3600) }
    }

    /// The `Set-Cookie` value that keeps an admission for `seconds`.
    static func keepAdmission(_ token: String, seconds: Int, request: HTTPRequest) -> String {
        "\(admissionName)=\(token); Path=/" + attributes(request, maxAge: max(1, seconds))
    }

    private static func attributes(_ request: HTTPRequest, maxAge: Int) -> String {
        var text = "; Max-Age=\(maxAge); HttpOnly; SameSite=Strict"
        if request.headers["X-Forwarded-Proto"]?.lowercased() == "https" { text += "; Secure" }
        return text
    }

    /// A cookie's value: printable characters without separators (base64url, the token's dots).
    private static func value(named name: String, of request: HTTPRequest) -> String? {
        for header in request.headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingWhitespace == name else { continue }
                let value = parts[1].trimmingWhitespace
                let allowed = value.utf8.allSatisfy { byte in
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                }
                if !value.isEmpty, value.utf8.count <= 300, allowed { return value }
            }
        }
        return nil
    }
}
