/// What the citizen typed into the contact form, and what is wrong with it.
package struct ContactEntry: Equatable, Sendable {
    package var name: String
    package var email: String
    package var phone: String
    package var issues: [FieldIssue]

    package init(name: String = "", email: String = "", phone: String = "", issues: [FieldIssue] = []) {
        self.name = name
        self.email = email
        self.phone = phone
        self.issues = issues
    }

    /// The issue of `field`, if any.
    func issue(_ field: String) -> FieldIssue? { issues.first { $0.field == field } }
}

/// A problem with one form field, worded for the citizen: what is wrong and how to put it right
/// (WCAG 3.3.1 and 3.3.3). `field` is the `id` of the input it belongs to.
package struct FieldIssue: Equatable, Sendable {
    package var field: String
    package var message: String

    package init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
