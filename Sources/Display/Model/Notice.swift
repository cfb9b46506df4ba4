/// A message at the top of a page: a problem, a confirmation or a note.
package struct Notice: Equatable, Sendable {
    package enum Kind: String, Equatable, Sendable {
        case error
        case success
        case info
    }

    package var kind: Kind
    package var title: String
    package var detail: String
    /// Where to go to put it right (the waiting room after an admission ran out).
    package var link: NoticeLink?

    package init(_ kind: Kind, title: String, detail: String = "", link: NoticeLink? = nil) {
        self.kind = kind
        self.title = title
        self.detail = detail
        self.link = link
    }
}

/// A link in a notice: where it goes and what it says.
package struct NoticeLink: Equatable, Sendable {
    package var href: String
    package var label: String

    package init(href: String, label: String) {
        self.href = href
        self.label = label
    }
}
