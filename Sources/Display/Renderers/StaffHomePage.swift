/// A group of links on the staff's start page: a heading and its pages.
package struct StaffLinks: Equatable, Sendable {
    package var title: String
    package var links: [StaffLink]

    package init(title: String, links: [StaffLink]) {
        self.title = title
        self.links = links
    }
}

/// One link on the staff's start page.
package struct StaffLink: Equatable, Sendable {
    package var href: String
    package var label: String

    package init(href: String, label: String) {
        self.href = href
        self.label = label
    }
}

/// The staff's start page at `/staff`: who is signed in, their roles, and the pages those roles
/// open (counters of their offices, the hotline console, the audit trail).
package enum StaffHomePage {
    package static func html(_ frame: StaffFrame, roles: [String], groups: [StaffLinks]) -> String {
        StaffShell.document(frame, bodyClass: "staff-home-page") { writer in
            writer.line("<h1>Guten Tag, \(HTML.escape(frame.person ?? ""))</h1>")
            writer.open("<section class=\"panel\" aria-labelledby=\"roles-heading\">")
            writer.line("<h2 class=\"panel-heading\" id=\"roles-heading\">Ihre Rollen</h2>")
            writer.open("<ul class=\"role-list\">")
            for role in roles {
                writer.line("<li>\(HTML.escape(role))</li>")
            }
            writer.close("</ul>")
            writer.close("</section>")
            for (index, group) in groups.enumerated() where !group.links.isEmpty {
                writer.open("<section class=\"panel\" aria-labelledby=\"links-\(index)\">")
                writer.line("<h2 class=\"panel-heading\" id=\"links-\(index)\">\(HTML.escape(group.title))</h2>")
                writer.open("<ul class=\"link-list\">")
                for link in group.links {
                    writer.line("<li><a href=\"\(HTML.escape(link.href))\">\(HTML.escape(link.label))</a></li>")
                }
                writer.close("</ul>")
                writer.close("</section>")
            }
        }
    }
}
