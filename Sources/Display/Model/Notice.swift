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

    package init(_ kind: Kind, title: String, detail: String = "") {
        self.kind = kind
        self.title = title
        self.detail = detail
    }
}
