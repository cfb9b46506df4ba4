import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage

@testable import App

/// A browser on the staff's pages, in-process: it keeps its cookies by name (dropping one set
/// with `Max-Age=0`, sending one only under its `Path`), sends them back, marks its own form posts
/// and script requests as same-origin (`Sec-Fetch-Site`, as Chromium and Firefox do), and reads
/// the form tokens off the pages it was given.
final class StaffBrowser {
    let api: APIHarness
    private(set) var cookies: [String: (value: String, path: String)] = [:]
    /// The session's form token of the last staff page that carried one (`data-csrf` or `csrf`).
    private(set) var sessionFormToken: String?

    init(_ api: APIHarness) {
        self.api = api
    }

    /// The session cookie's value, if the browser has one.
    var session: String? { cookies[StaffSessions.cookieName]?.value }

    /// Sends a request with the cookies for its path; `site` is its `Sec-Fetch-Site` (nil: none).
    @discardableResult
    func send(
        _ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], body: String? = nil,
        site: String? = "same-origin"
    ) -> APIHarness.Answer {
        let path = String(target.split(separator: "?", maxSplits: 1).first ?? "")
        let jar = cookies.filter { path.hasPrefix($0.value.path) }.map { "\($0.key)=\($0.value.value)" }
        var fields = headers
        if !jar.isEmpty { fields.append(("Cookie", jar.sorted().joined(separator: "; "))) }
        if let site, method != .get { fields.append(("Sec-Fetch-Site", site)) }
        let answer = api.send(method, target, headers: fields, json: body)
        keep(answer)
        return answer
    }

    @discardableResult
    func get(_ target: String, headers: [(String, String)] = []) -> APIHarness.Answer {
        send(.get, target, headers: headers)
    }

    /// Posts a form (`application/x-www-form-urlencoded`).
    @discardableResult
    func post(_ target: String, _ fields: [(String, String)], site: String? = "same-origin") -> APIHarness.Answer {
        send(
            .post, target, headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: FormEncoding.encode(fields), site: site)
    }

    /// Calls the API as a staff page's script does: with the session's cookie and, for a change,
    /// its form token.
    @discardableResult
    func script(_ method: HTTPMethod, _ target: String, json: String? = nil, headers: [(String, String)] = [])
        -> APIHarness.Answer
    {
        var fields = headers
        if method != .get, let token = sessionFormToken { fields.append((StaffSessions.formTokenHeader, token)) }
        if json != nil { fields.append(("Content-Type", "application/json")) }
        return send(method, target, headers: fields, body: json)
    }

    /// Opens the sign-in page and signs in with a local account; returns the answer to the form.
    @discardableResult
    func signIn(_ login: String, password: String = StaffBrowser.password, next: String? = nil) -> APIHarness.Answer {
        let page = get("/staff/sign-in" + (next.map { "?next=" + FormEncoding.encode($0) } ?? ""))
        let token = Self.field("csrf", in: page.text) ?? ""
        let target = Self.field("next", in: page.text) ?? "/staff"
        return post("/staff/sign-in", [("login", login), ("password", password), ("next", target), ("csrf", token)])
    }

    /// The password tests give their accounts.
    static let password = "correct horse battery"

    /// The value of the hidden field `name` on a page.
    static func field(_ name: String, in html: String) -> String? {
        guard let pattern = try? Regex("name=\"\(name)\" value=\"([^\"]*)\""), let match = html.firstMatch(of: pattern)
        else { return nil }
        return match.output[1].substring.map { String($0).replacingOccurrences(of: "&amp;", with: "&") }
    }

    private func keep(_ answer: APIHarness.Answer) {
        for (name, value) in answer.headers where name.lowercased() == "set-cookie" {
            let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { continue }
            let key = String(pair[..<equals])
            let path = parts.first { $0.hasPrefix("Path=") }.map { String($0.dropFirst(5)) } ?? "/"
            if parts.contains("Max-Age=0") {
                cookies[key] = nil
            } else {
                cookies[key] = (String(pair[pair.index(after: equals)...]), path)
            }
        }
        if let match = answer.text.firstMatch(of: #/data-csrf="([^"]+)"/#) {
            sessionFormToken = String(match.output.1)
        } else if answer.text.contains("action=\"/staff/sign-out\""), let token = Self.field("csrf", in: answer.text) {
            sessionFormToken = token
        }
    }
}

extension APIHarness {
    /// A local staff account (its password hashed with few iterations, for quick tests).
    @discardableResult
    func addStaff(
        _ login: String, name: String = "Erika Mustermann", roles: String, password: String = StaffBrowser.password
    ) throws -> StaffMember {
        let hash = try PasswordHash(password: password, iterations: 1_000)
        return try database.committer.withConnection { connection in
            try connection.insertLocalStaffMember(
                login: login, name: name, roles: roles, passwordHash: hash.stored, now: clock.now)
        }
    }

    /// The audit trail, newest first.
    func auditEntries() throws -> [AuditEntry] {
        try database.reader.sync { connection in
            try connection.auditEntries(
                office: nil, from: Instant(secondsSinceEpoch: 0), to: clock.now.adding(seconds: 86_400), limit: 1_000)
        }
    }

    /// The Set-Cookie values of an answer.
    static func setCookies(_ answer: Answer) -> [String] {
        answer.headers.filter { $0.0.lowercased() == "set-cookie" }.map(\.1)
    }
}
