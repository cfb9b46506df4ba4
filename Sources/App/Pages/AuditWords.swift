import Display
import Scheduling
import Storage

/// The audit trail in words for the office manager's page (German, as the staff pages are).
enum AuditWords {
    /// What an action is called.
    static let actions: [String: String] = [
        "sign-in": "Angemeldet", "sign-in-failed": "Anmeldung fehlgeschlagen", "sign-out": "Abgemeldet",
        "book": "Termin gebucht", "cancel": "Termin abgesagt", "reschedule": "Termin verschoben",
        "call-next": "Wartemarke aufgerufen", "recall": "Erneut aufgerufen", "start": "Bedienung begonnen",
        "finish": "Fertig", "noShow": "Nicht erschienen", "park": "Geparkt", "resume": "Wieder eingereiht",
        "transfer": "Weitergeleitet", "markUrgent": "Als dringend markiert", "call": "Aufgerufen",
        "reconfigure": "Konfiguration geändert", "account-added": "Konto angelegt",
        "account-disabled": "Konto gesperrt", "account-enabled": "Konto entsperrt",
        "password-changed": "Passwort geändert",
    ]

    /// Who did it: a person's name; a token's name (or id) and role; "unbekannt" for a failed
    /// sign-in of nobody known.
    static func who(_ entry: AuditEntry) -> String {
        switch entry.role {
        case "person": entry.actorName ?? entry.actor
        case "-": "unbekannt"
        case "command-line": "Kommandozeile" + (entry.actorName.map { " (\($0))" } ?? "")
        default: "Schlüssel \(entry.actorName ?? entry.actor) (\(entry.role))"
        }
    }

    /// One line of the page, its time in `office`'s zone.
    static func line(_ entry: AuditEntry, in office: Office) -> AuditLine {
        AuditLine(
            time: QueueRepresentations.clock(entry.at, in: office) + ":"
                + Digits.padded(office.timeZone.local(entry.at).secondOfDay % 60, 2),
            who: who(entry), action: actions[entry.action] ?? entry.action, target: entry.target ?? "",
            detail: entry.detail ?? "")
    }
}
