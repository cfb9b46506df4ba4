/// The frame of the staff's own pages (sign-in, the start page, the audit trail, refusals): the
/// town's header with, once signed in, the staff member's name and the sign-out button (a form
/// POST carrying the session's form token), and the message region. German, as the staff pages
/// are.
package struct StaffFrame: Equatable, Sendable {
    /// The town's name.
    package var town: String
    /// The page's title.
    package var title: String
    /// The signed-in staff member's name; nil before sign-in.
    package var person: String?
    /// The session's form token, for the sign-out form; nil before sign-in.
    package var formToken: String?

    package init(town: String, title: String, person: String? = nil, formToken: String? = nil) {
        self.town = town
        self.title = title
        self.person = person
        self.formToken = formToken
    }
}

enum StaffShell {
    /// A complete staff page around `body`.
    static func document(
        _ frame: StaffFrame, bodyClass: String, notice: Notice? = nil, body: (inout HTMLWriter) -> Void
    ) -> String {
        PageShell.document(
            title: "\(frame.title) – \(frame.town)", stylesheets: ["staff.css"], scripts: [],
            bodyAttributes: [("class", "staff-page " + bodyClass)]
        ) { writer in
            writer.open("<header class=\"page-header staff-header\">")
            writer.open("<p class=\"page-title\">")
            writer.line("<a class=\"staff-home\" href=\"/staff\">Rathaus</a>")
            writer.line("<span class=\"page-subtitle\">\(HTML.escape(frame.town))</span>")
            writer.close("</p>")
            if let person = frame.person, let token = frame.formToken {
                StaffParts.signOut(person: person, formToken: token, into: &writer)
            }
            writer.close("</header>")
            writer.open("<main class=\"staff-main\" id=\"main\">")
            if let notice {
                let role = notice.kind == .error ? "alert" : "status"
                writer.open("<div class=\"message\" role=\"\(role)\" data-kind=\"\(notice.kind.rawValue)\">")
                writer.line("<strong class=\"message-title\">\(HTML.escape(notice.title))</strong>")
                if !notice.detail.isEmpty {
                    writer.line("<span class=\"message-detail\">\(HTML.escape(notice.detail))</span>")
                }
                writer.close("</div>")
            }
            body(&writer)
            writer.close("</main>")
        }
    }
}

/// A staff page that only says something (a refusal, that someone has signed out), with links on.
package enum StaffMessagePage {
    package static func html(
        _ frame: StaffFrame, notice: Notice, links: [(href: String, label: String)]
    ) -> String {
        StaffShell.document(frame, bodyClass: "staff-message") { writer in
            writer.line("<h1>\(HTML.escape(notice.title))</h1>")
            if !notice.detail.isEmpty {
                writer.line("<p class=\"lead\">\(HTML.escape(notice.detail))</p>")
            }
            writer.open("<p class=\"staff-links\">")
            for (index, link) in links.enumerated() {
                let style = index == 0 ? "button button-primary" : "button"
                writer.line("<a class=\"\(style)\" href=\"\(HTML.escape(link.href))\">\(HTML.escape(link.label))</a>")
            }
            writer.close("</p>")
        }
    }
}
