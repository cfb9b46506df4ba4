/// A counter the counter page offers as a transfer target.
package struct CounterOption: Equatable, Sendable {
    /// The counter's id, as the API takes it ("3").
    package var id: String
    /// Its name ("Schalter 3").
    package var name: String

    /// A choice.
    package init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
