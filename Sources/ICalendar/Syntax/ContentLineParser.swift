/// Splits iCalendar input into unfolded, parsed content lines (RFC 5545 §3.1).
///
/// Works on bytes: every delimiter is ASCII, so splitting UTF-8 at them never cuts a character.
/// Lines may end in CRLF or a bare LF (files that passed through Unix tools); a line that starts
/// with a space or a tab continues the previous one, and that one whitespace character is removed.
struct ContentLineParser {
    let limits: ICalendarLimits

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let colon = UInt8(ascii: ":")
    private static let semicolon = UInt8(ascii: ";")
    private static let comma = UInt8(ascii: ",")
    private static let equals = UInt8(ascii: "=")
    private static let quote = UInt8(ascii: "\"")

    func parse(_ input: [UInt8]) throws(ICalendarError) -> [ContentLine] {
        guard input.count <= limits.maximumInputBytes else {
            throw .inputTooLarge(bytes: input.count, limit: limits.maximumInputBytes)
        }
        var bytes = input[...]
        // A UTF-8 byte order mark, which some Windows programs write, is not part of the data.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }

        var lines: [ContentLine] = []
        var current: [UInt8] = []
        var currentLine = 0
        var physicalLine = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            physicalLine += 1
            let end = bytes[index...].firstIndex(of: Self.lineFeed) ?? bytes.endIndex
            var contentEnd = end
            if contentEnd > index, bytes[contentEnd - 1] == Self.carriageReturn { contentEnd -= 1 }
            let physical = bytes[index..<contentEnd]
            index = end < bytes.endIndex ? end + 1 : end

            if let first = physical.first, first == Self.space || first == Self.tab {
                guard currentLine > 0 else { throw .continuationWithoutLine(line: physicalLine) }
                guard current.count + physical.count - 1 <= limits.maximumLineOctets else {
                    throw .lineTooLong(line: currentLine, limit: limits.maximumLineOctets)
                }
                current.append(contentsOf: physical.dropFirst())
                continue
            }
            if currentLine > 0 {
                lines.append(try parseLine(current, line: currentLine, isFirst: lines.isEmpty))
                currentLine = 0
            }
            // Blank lines are not content lines; exporters leave them at the end of files.
            guard !physical.isEmpty else { continue }
            guard physical.count <= limits.maximumLineOctets else {
                throw .lineTooLong(line: physicalLine, limit: limits.maximumLineOctets)
            }
            current = Array(physical)
            currentLine = physicalLine
        }
        if currentLine > 0 {
            lines.append(try parseLine(current, line: currentLine, isFirst: lines.isEmpty))
        }
        guard !lines.isEmpty else { throw .emptyInput }
        return lines
    }

    private func parseLine(_ bytes: [UInt8], line: Int, isFirst: Bool) throws(ICalendarError) -> ContentLine {
        if isFirst {
            let expected = Array("BEGIN:VCALENDAR".utf8)
            let head = bytes.prefix(expected.count).map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
            guard head == expected else {
                let printable = String(decoding: bytes.prefix(60), as: UTF8.self).map {
                    $0.isASCII && ($0.asciiValue ?? 0) < 0x20 ? "?" : $0
                }
                throw .notACalendar(line: line, found: MessageText.excerpt(String(printable)))
            }
        }
        // RFC 5545 §3.1: any control character other than HTAB is not allowed in a content line.
        if let bad = bytes.first(where: { ($0 < 0x20 && $0 != Self.tab) || $0 == 0x7F }) {
            throw .controlCharacter(line: line, byte: bad)
        }
        // §3.1.4: the default (and only supported) charset is UTF-8.
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .invalidUTF8(line: line) }

        var index = 0
        while index < bytes.count, bytes[index] != Self.semicolon, bytes[index] != Self.colon { index += 1 }
        guard index < bytes.count else { throw .missingColon(line: line) }
        let name = try validName(bytes[0..<index], line: line)

        var parameters: [ICalendarParameter] = []
        while bytes[index] == Self.semicolon {
            let (parameter, next) = try parseParameter(bytes, from: index + 1, line: line)
            parameters.append(parameter)
            index = next
        }
        // bytes[index] is the colon that starts the value.
        let value = String(decoding: bytes[(index + 1)...], as: UTF8.self)
        return ContentLine(name: name, parameters: parameters, value: value, line: line)
    }

    /// Parses `NAME=value[,value…]` starting at `start`; returns the index of the `;` or `:`
    /// that follows.
    private func parseParameter(
        _ bytes: [UInt8], from start: Int, line: Int
    ) throws(ICalendarError) -> (ICalendarParameter, Int) {
        func malformed() -> ICalendarError {
            let rest = String(decoding: bytes[start...].prefix(60), as: UTF8.self)
            return .malformedParameter(line: line, parameter: MessageText.excerpt(rest))
        }
        var index = start
        while index < bytes.count, bytes[index] != Self.equals, bytes[index] != Self.colon,
            bytes[index] != Self.semicolon
        {
            index += 1
        }
        guard index < bytes.count, bytes[index] == Self.equals, index > start else { throw malformed() }
        let name = try validName(bytes[start..<index], line: line)
        var values: [String] = []
        index += 1
        while true {
            guard index < bytes.count else { throw malformed() }
            let valueStart: Int
            let valueEnd: Int
            if bytes[index] == Self.quote {
                // §3.1: quoted-string = DQUOTE *QSAFE-CHAR DQUOTE; no DQUOTE inside.
                valueStart = index + 1
                guard let close = bytes[valueStart...].firstIndex(of: Self.quote) else { throw malformed() }
                valueEnd = close
                index = close + 1
            } else {
                valueStart = index
                while index < bytes.count, bytes[index] != Self.comma, bytes[index] != Self.semicolon,
                    bytes[index] != Self.colon
                {
                    guard bytes[index] != Self.quote else { throw malformed() }
                    index += 1
                }
                valueEnd = index
            }
            values.append(TextEscaping.decodeParameter(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)))
            guard index < bytes.count else { throw malformed() }
            switch bytes[index] {
            case Self.comma: index += 1
            case Self.semicolon, Self.colon: return (ICalendarParameter(name: name, values: values), index)
            default: throw malformed()
            }
        }
    }

    /// §3.1: `name = iana-token / x-name`, both made of ALPHA, DIGIT and `-`.
    private func validName(_ bytes: ArraySlice<UInt8>, line: Int) throws(ICalendarError) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let valid =
            !bytes.isEmpty
            && bytes.allSatisfy { byte in
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: "-")
            }
        guard valid else { throw .invalidName(line: line, name: MessageText.excerpt(text)) }
        return text.uppercased()
    }
}
