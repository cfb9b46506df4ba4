/// A message as the content of an SMTP DATA command (RFC 5321 §4.1.1.4, §4.5.2).
package struct SMTPData: Equatable, Sendable {
    /// The bytes to send after the 354 reply: every line ending in CRLF, every line that starts
    /// with `.` given one more, and the terminating `.` line.
    package let bytes: [UInt8]
    /// The message's size as SIZE counts it (RFC 1870 §3): line ends as CRLF, without the dots
    /// added for transparency or the terminating line.
    package let messageSize: Int

    /// Prepares `message`. A bare CR or a bare LF is written as CRLF: lines of a message end in
    /// CRLF only (RFC 5321 §2.3.8), and a server that takes a bare LF for a line end could
    /// otherwise be made to see the end of the data early, with whatever follows read as commands
    /// (the "SMTP smuggling" of 2023).
    package init(message: [UInt8]) {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 32 + 8)
        var size = 0
        var atLineStart = true
        var index = 0
        while index < message.count {
            let byte = message[index]
            if byte == 0x0D || byte == 0x0A {
                output += [0x0D, 0x0A]
                size += 2
                atLineStart = true
                index += byte == 0x0D && index + 1 < message.count && message[index + 1] == 0x0A ? 2 : 1
                continue
            }
            if atLineStart, byte == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output.append(byte)
            size += 1
            atLineStart = false
            index += 1
        }
        if !atLineStart {
            output += [0x0D, 0x0A]
            size += 2
        }
        output += [UInt8(ascii: "."), 0x0D, 0x0A]
        self.bytes = output
        self.messageSize = size
    }
}
