import Display
import HTTPServer
import Scheduling

/// The staff's mail page (`/staff/mail`): the outbox's newest messages and what became of each,
/// the demo folder's files, and a preview of each kind of message; `mail.js` loads them from the
/// API with a staff token, as the hotline console does.
struct MailPages: Sendable {
    let directory: OfficeDirectory

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/staff/mail") { _ in
                .reply(PageAnswers.page(MailPage.html(town: directory.municipality.name)))
            }
        ]
    }
}
