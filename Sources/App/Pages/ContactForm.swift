import Display
import Scheduling

/// The contact fields of the booking form, checked by the same rules as the API's `contact`
/// (`Contact+Rules.swift`: a name of 1 to 200 characters with a letter and nothing invisible; an
/// e-mail address or a phone number of 5 to 20 digits), with messages that say what to put right
/// (WCAG 3.3.3).
struct ContactForm {
    var name: String
    var email: String
    var phone: String

    init(name: String?, email: String?, phone: String?) {
        self.name = (name ?? "").trimmingWhitespace
        self.email = (email ?? "").trimmingWhitespace
        self.phone = (phone ?? "").trimmingWhitespace
    }

    /// The problems with the fields, worded in `text`; empty when the contact is good.
    func issues(_ text: CitizenText) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        switch Contact.nameIssue(name) {
        case .empty: issues.append(FieldIssue(field: "name", message: text.nameMissing))
        case .tooLong: issues.append(FieldIssue(field: "name", message: text.nameTooLong))
        case .invisibleCharacter, .noLetter: issues.append(FieldIssue(field: "name", message: text.nameInvalid))
        case nil: break
        }
        if email.isEmpty && phone.isEmpty {
            issues.append(FieldIssue(field: "email", message: text.contactMissing))
        }
        if !email.isEmpty && !Contact.isEmail(email) {
            issues.append(FieldIssue(field: "email", message: text.emailInvalid))
        }
        if !phone.isEmpty && !Contact.isPhone(phone) {
            issues.append(FieldIssue(field: "phone", message: text.phoneInvalid))
        }
        return issues
    }

    /// What the page shows again, with `issues`.
    func entry(_ issues: [FieldIssue] = []) -> ContactEntry {
        ContactEntry(name: name, email: email, phone: phone, issues: issues)
    }

    /// The contact to book with on the pages of `language` (call only when `issues` is empty).
    func contact(_ language: PageLanguage) -> Contact {
        Contact(
            name: name, email: email.isEmpty ? nil : email, phone: phone.isEmpty ? nil : phone,
            language: language == .english ? .english : .german)
    }
}
