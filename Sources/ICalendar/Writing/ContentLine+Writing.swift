extension ContentLine {
    /// A TEXT property, escaped (RFC 5545 §3.3.11): `ContentLine(text: "SUMMARY", "Heiligabend")`.
    package init(text name: String, _ value: String, parameters: [ICalendarParameter] = []) {
        self.init(name: name, parameters: parameters, value: TextEscaping.escape(value))
    }

    /// A DATE or DATE-TIME property with its `VALUE=DATE` or `TZID` parameter.
    package init(name: String, time: ICalendarTime) {
        self.init(name: name, parameters: time.parameters, value: time.text)
    }

    /// The line as written, before folding: `NAME;PARAM=value:value`.
    package var unfolded: String {
        var text = name
        for parameter in parameters {
            text +=
                ";" + parameter.name + "=" + parameter.values.map(TextEscaping.encodeParameter).joined(separator: ",")
        }
        return text + ":" + value
    }
}

/// Line folding for output (RFC 5545 §3.1).
package enum Folding {
    /// The longest line, in octets without the line break, that §3.1 says a writer should emit.
    package static let maximumOctets = 75

    /// Appends `line` to `output`, folded so that no physical line exceeds 75 octets, each piece
    /// ending in CRLF and every continuation starting with one space.
    ///
    /// §3.1: folding must not split a multi-octet UTF-8 character, so lines are cut between
    /// Unicode scalars; a piece may therefore be shorter than 75 octets.
    package static func append(_ line: String, to output: inout String) {
        if line.utf8.count <= maximumOctets {
            output += line
            output += "\r\n"
            return
        }
        var used = 0
        var limit = maximumOctets
        var piece = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if used + size > limit {
                output += String(piece)
                output += "\r\n "
                piece = String.UnicodeScalarView()
                used = 0
                limit = maximumOctets - 1  // the leading space counts
            }
            piece.append(scalar)
            used += size
        }
        output += String(piece)
        output += "\r\n"
    }
}

extension ICalendarComponent {
    /// The component as iCalendar text: CRLF line ends, folded at 75 octets (RFC 5545 §3.1).
    package var serialized: String {
        var output = ""
        append(to: &output)
        return output
    }

    private func append(to output: inout String) {
        Folding.append("BEGIN:" + name, to: &output)
        for property in properties { Folding.append(property.unfolded, to: &output) }
        for component in components { component.append(to: &output) }
        Folding.append("END:" + name, to: &output)
    }
}
