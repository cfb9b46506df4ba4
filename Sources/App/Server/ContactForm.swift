import Display
import Scheduling

/// The contact fields of the booking form, checked by the same rules as the API's `contact`
/// (a name of 1 to 200 characters; an e-mail address or a phone number of 5 to 20 digits), with
/// messages that say what to put right (WCAG 3.3.3).
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
        if name.isEmpty {
            issues.append(FieldIssue(field: "name", message: text.nameMissing))
        } else if name.count > 200 {
            issues.append(FieldIssue(field: "name", message: text.nameTooLong))
        }
        if email.isEmpty && phone.isEmpty {
            issues.append(FieldIssue(field: "email", message: text.contactMissing))
        }
        if !email.isEmpty && !Self.isEmail(email) {
            issues.append(FieldIssue(field: "email", message: text.emailInvalid))
        }
        if !phone.isEmpty && !Self.isPhone(phone) {
            issues.append(FieldIssue(field: "phone", message: text.phoneInvalid))
        }
        return issues
    }

    /// What the page shows again, with `issues`.
    func entry(_ issues: [FieldIssue] = []) -> ContactEntry {
        ContactEntry(name: name, email: email, phone: phone, issues: issues)
    }

    /// The contact to book with (call only when `issues` is empty).
    var contact: Contact {
        Contact(name: name, email: email.isEmpty ? nil : email, phone: phone.isEmpty ? nil : phone)
    }

    /// The API's rule (`JSONReader.contact`): one `@`, a dot in the domain, no spaces or angle
    /// brackets, at most 254 characters.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0 == " " || $0 == "<" || $0 == ">" })
    }

    /// The API's rule: 5 to 20 digits, at most 40 characters of digits, spaces and `+-()/`.
    static func isPhone(_ text: String) -> Bool {
        let digits = text.filter(\.isASCIIDigitCharacter)
        return (5...20).contains(digits.count) && text.count <= 40
            && text.allSatisfy { $0.isASCIIDigitCharacter || " +-()/".contains($0) }
    }
}
