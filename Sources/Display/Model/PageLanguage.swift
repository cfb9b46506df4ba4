/// The language of a citizen page: German at `/`, English under `/en/`, with the same paths after
/// the prefix (`/zeiten` and `/en/zeiten`), so the switch between them only adds or drops `/en`.
package enum PageLanguage: String, Sendable, CaseIterable {
    case german = "de"
    case english = "en"

    /// The value of `lang` and `hreflang`.
    package var code: String { rawValue }

    /// The path prefix of its pages: empty for German, `/en` for English.
    package var prefix: String { self == .german ? "" : "/en" }

    /// The other language, for the switch in the page header.
    package var other: PageLanguage { self == .german ? .english : .german }

    /// The words of its pages.
    package var text: CitizenText { self == .german ? .german : .english }

    /// The language of a path: English when it is `/en` or starts with `/en/`.
    package static func of(path: String) -> PageLanguage {
        path == "/en" || path.hasPrefix("/en/") ? .english : .german
    }
}
