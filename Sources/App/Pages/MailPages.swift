import Display
import HTTPServer
import Scheduling
import Storage

/// The staff's mail page (`/staff/mail`): the outbox's newest messages and what became of each,
/// the demo folder's messages and previews of every kind, for signed-in hotline staff and
/// administrators; the page loads them from the API with the session.
struct MailPages: Sendable {
    let directory: OfficeDirectory
    let sessions: StaffSessions

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/staff/mail", Contract(access: .staff([.hotline], office: .any))) { context in
                .reply(
                    PageAnswers.staffPage(
                        MailPage.html(
                            town: directory.municipality.name, person: context.person?.name,
                            formToken: context.person.map { sessions.formToken(for: $0) })))
            }
        ]
    }
}
