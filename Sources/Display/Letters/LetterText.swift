/// A message to a citizen as a subject and a plain-text body, in the letter's language: the words
/// come from `LetterWords`, dates and amounts from `DateText`. Pure: the same letter always gives
/// the same text. Lines end in `\n` (the mail writer makes them CRLF).
package enum LetterText {
    /// The subject line.
    package static func subject(_ letter: Letter) -> String {
        let words = words(letter.language)
        let when =
            DateText.short(letter.start.date, letter.language) + " " + String(letter.start.date.year) + ", "
            + DateText.time(letter.start.time, letter.language)
        return words.subjects(letter.kind, when, letter.reference)
    }

    /// The body.
    package static func body(_ letter: Letter) -> String {
        let words = words(letter.language)
        var lines: [String] = [words.greeting(letter.name), "", words.opening(letter), ""]
        if letter.cause == .configuration { lines += [words.sorry, ""] }
        if letter.kind == .confirmationRequest, let confirm = letter.links.confirm {
            lines += [words.confirmLabel + ":", confirm, "", words.requestIgnore, ""]
        }
        lines += facts(letter, words)
        lines.append("")
        if letter.kind == .confirmation || letter.kind == .reminder || letter.kind == .moved {
            lines += checklist(letter, words)
            lines.append("")
            lines.append(fee(letter, words))
            lines.append("")
            lines.append(words.referenceHint)
            lines.append("")
        }
        lines += links(letter, words)
        if letter.hasCalendar {
            switch letter.kind {
            case .cancelled: lines += [words.calendarCancel, ""]
            case .moved: lines += [words.calendarUpdate, ""]
            default: lines += [words.calendarInvitation, ""]
            }
        }
        lines += [words.closing, letter.office.name]
        if letter.town != letter.office.name { lines.append(letter.town) }
        lines += ["", "-- ", words.automatic]
        return lines.joined(separator: "\n") + "\n"
    }

    /// „Dienstag, 8. Dezember 2026, 09:30 Uhr" / "Tuesday, 8 December 2026, 09:30".
    package static func moment(_ moment: Letter.Moment, _ language: PageLanguage) -> String {
        DateText.long(moment.date, language) + ", " + DateText.time(moment.time, language)
    }

    static func words(_ language: PageLanguage) -> LetterWords {
        language == .german ? .german : .english
    }

    private static func facts(_ letter: Letter, _ words: LetterWords) -> [String] {
        let language = letter.language
        var lines = ["\(words.referenceLabel): \(letter.reference)"]
        if let previous = letter.previous {
            lines.append("\(words.previousLabel): \(moment(previous, language))")
        }
        lines.append(
            "\(words.whenLabel): \(DateText.long(letter.start.date, language)), "
                + DateText.span(letter.start.time, letter.end, language))
        lines.append("\(words.whereLabel): " + ([letter.office.name] + letter.office.address).joined(separator: ", "))
        lines.append(
            "\(words.servicesLabel): " + letter.services.map(\.name).joined(separator: ", ")
                + (letter.persons > 1 ? " (\(words.persons(letter.persons)))" : ""))
        return lines
    }

    private static func checklist(_ letter: Letter, _ words: LetterWords) -> [String] {
        guard !letter.documents.isEmpty else { return [words.noDocuments] }
        return [words.documentsHeading]
            + letter.documents.map { document in
                var line = "- " + document.name
                if let note = document.note { line += " (\(note))" }
                if let condition = document.condition { line += " – \(condition)" }
                return line
            }
    }

    private static func fee(_ letter: Letter, _ words: LetterWords) -> String {
        let language = letter.language
        let known = letter.services.compactMap(\.feeCents)
        let notes = letter.services.compactMap { service in service.feeNote.map { "\(service.name): \($0)" } }
        if known.isEmpty && notes.isEmpty { return "\(words.feeLabel): \(words.feeUnknown)" }
        var text = "\(words.feeLabel): "
        let total = known.reduce(0, +) * letter.persons
        if total == 0 && known.count == letter.services.count {
            text += words.feeFree
        } else if !known.isEmpty {
            text +=
                DateText.euros(total, language) + (letter.persons > 1 ? " " + words.feeForPersons(letter.persons) : "")
                + ". " + words.feePayment
        }
        if !notes.isEmpty { text += (known.isEmpty ? "" : " ") + notes.joined(separator: "; ") }
        return text
    }

    private static func links(_ letter: Letter, _ words: LetterWords) -> [String] {
        var lines: [String] = []
        switch letter.kind {
        case .cancelled, .released:
            lines += ["\(words.bookAgainLabel):", letter.links.bookAgain, ""]
            return lines
        case .reminder:
            lines += [words.reminderCantCome, ""]
        default:
            break
        }
        guard let manage = letter.links.manage else { return lines + [words.noLinks, ""] }
        lines += ["\(words.manageLabel):", manage]
        if let move = letter.links.move, letter.kind != .confirmationRequest { lines += ["\(words.moveLabel):", move] }
        if let cancel = letter.links.cancel { lines += ["\(words.cancelLabel):", cancel] }
        return lines + ["", words.linksPrivate, ""]
    }
}
