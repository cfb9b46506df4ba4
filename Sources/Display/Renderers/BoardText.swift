/// The board as plain text for simple LED boards and their controllers
/// (`GET /v1/offices/{office}/queue.txt`): fixed, short lines in printable ASCII, ending in LF.
///
/// ```
/// Buergerbuero im Rathaus  09:41
/// A017  Schalter 4
/// B004  Schalter 2
///
/// A  3 wartend  ca. 25 Min.
/// B  0 wartend
/// ```
///
/// Line 1 is the office and the time; then one line per current call, newest first (number,
/// two spaces, counter; numbers padded so the counters line up), none when nobody is called;
/// then an empty line; then one line per group: letter, waiting count and, when someone waits,
/// the estimate. Umlauts are written out as German does without them (ä → ae, ß → ss), other
/// accented Latin letters lose their accent (é → e), a few signs become ASCII (– → -, € → EUR),
/// anything else becomes `?`, and control characters (a line break in a name) become a space,
/// so a field can never break the line structure.
package enum BoardText {
    /// The text board for `snapshot`.
    package static func text(_ snapshot: BoardSnapshot) -> String {
        var lines: [String] = []
        lines.append(ascii(snapshot.officeName) + "  " + ascii(snapshot.time))
        let numbers = snapshot.calls.map { ascii($0.number) }
        let width = numbers.map(\.count).max() ?? 0
        for (number, call) in zip(numbers, snapshot.calls) {
            lines.append(padded(number, to: width) + "  " + ascii(call.counterName))
        }
        lines.append("")
        let letters = snapshot.groups.map { ascii($0.letter) }
        let letterWidth = letters.map(\.count).max() ?? 0
        for (letter, group) in zip(letters, snapshot.groups) {
            var line = padded(letter, to: letterWidth) + "  " + WaitText.waiting(group.waiting)
            if group.waiting > 0 {
                line += "  " + ascii(WaitText.estimate(minutes: group.estimatedWaitMinutes))
            }
            lines.append(line)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `text` in printable ASCII, as described above.
    package static func ascii(_ text: String) -> String {
        var output = ""
        for character in text {
            if let replacement = replacements[character] {
                output += replacement
                continue
            }
            for scalar in character.unicodeScalars {
                switch scalar.value {
                case 0x20...0x7E: output.unicodeScalars.append(scalar)
                case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: output += " "
                // Combining marks left over from a decomposed letter (e + U+0301) are dropped.
                case 0x0300...0x036F: break
                default: output += "?"
                }
            }
        }
        return output
    }

    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// German umlauts as German writes them without umlauts (DIN 5007-2), accented Latin letters
    /// without their accent, and a few signs.
    private static let replacements: [Character: String] = {
        var table: [Character: String] = [
            "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS",
            "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "…": "...", "→": "->", "·": "-", "•": "-",
            "„": "\"", "“": "\"", "”": "\"", "«": "\"", "»": "\"", "‚": "'", "‘": "'", "’": "'",
            "€": "EUR", "\u{A0}": " ", "\u{202F}": " ", "\u{2009}": " ", "æ": "ae", "Æ": "Ae", "œ": "oe",
            "Œ": "Oe", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
        ]
        let plain: [(String, String)] = [
            ("àáâãāăą", "a"), ("ÀÁÂÃĀĂĄ", "A"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "C"), ("ďđ", "d"), ("ĎĐ", "D"),
            ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("ğĝġģ", "g"), ("ĞĜĠĢ", "G"), ("ìíîïĩīĭįı", "i"),
            ("ÌÍÎÏĨĪĬĮİ", "I"), ("ñńņňŉ", "n"), ("ÑŃŅŇ", "N"), ("òóôõōŏő", "o"), ("ÒÓÔÕŌŎŐ", "O"),
            ("ŕŗř", "r"), ("ŔŖŘ", "R"), ("śŝşšș", "s"), ("ŚŜŞŠȘ", "S"), ("ţťțŧ", "t"), ("ŢŤȚŦ", "T"),
            ("ùúûũūŭůűų", "u"), ("ÙÚÛŨŪŬŮŰŲ", "U"), ("ýÿŷ", "y"), ("ÝŸŶ", "Y"), ("źżž", "z"), ("ŹŻŽ", "Z"),
        ]
        for (letters, base) in plain {
            for letter in letters {
                table[letter] = base
            }
        }
        return table
    }()
}
