/// A service a page offers as a choice: on the kiosk to draw a ticket, on the counter page as a
/// transfer target.
package struct ServiceOption: Equatable, Sendable {
    /// The service's id, as the API takes it ("personalausweis").
    package var id: String
    /// Its name ("Personalausweis beantragen").
    package var name: String

    /// A choice.
    package init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
