/// The language Rathaus writes to a citizen in: German, or English for those who booked on the
/// English pages (`/en/…`). Its raw value is the ISO 639-1 code stored and sent in the API.
package enum Language: String, Hashable, Sendable, CaseIterable {
    case german = "de"
    case english = "en"
}
