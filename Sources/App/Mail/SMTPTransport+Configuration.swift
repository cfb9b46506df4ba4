extension SMTPTransport {
    /// Where the relay is and how long to wait for it, each with a default. The relay beside
    /// Rathaus (postfix, exim, msmtpd, the data centre's gateway) does TLS, DKIM and bounces: the
    /// toolchain has no TLS socket on Linux, so the connection to it is plain TCP.
    package struct Configuration: Sendable {
        /// The relay's host name or address. Default `127.0.0.1`.
        package var host = "127.0.0.1"
        /// The relay's port. Default 587, the submission port (RFC 6409 §3.1).
        package var port = 587
        /// The name the client gives in EHLO and HELO (RFC 5321 §4.1.1.1: the client's domain
        /// name): letters, digits, `.` and `-`, or an address literal in brackets. Default
        /// `localhost`.
        package var clientName = "localhost"
        /// Whether to send commands in groups when the relay offers PIPELINING (RFC 2920).
        /// Default true.
        package var usesPipelining = true
        /// How long to wait at each step.
        package var timeouts = Timeouts()

        package init() {}
    }

    /// The waits of RFC 5321 §4.5.3.2, with its minimums as defaults, and the two it leaves open.
    package struct Timeouts: Sendable {
        /// To establish the TCP connection (not in RFC 5321). Default 30 s.
        package var connect: Duration = .seconds(30)
        /// For the 220 greeting (§4.5.3.2.1). Default 5 min.
        package var greeting: Duration = .minutes(5)
        /// For the reply to MAIL, and to EHLO, HELO and RSET (§4.5.3.2.2). Default 5 min.
        package var mail: Duration = .minutes(5)
        /// For the reply to each RCPT (§4.5.3.2.3). Default 5 min.
        package var recipient: Duration = .minutes(5)
        /// For the 354 reply to DATA (§4.5.3.2.4). Default 2 min.
        package var dataInitiation: Duration = .minutes(2)
        /// For the relay to take each block of the message (§4.5.3.2.5). Default 3 min.
        package var dataBlock: Duration = .minutes(3)
        /// For the reply to the final `.` (§4.5.3.2.6). Default 10 min.
        package var dataTermination: Duration = .minutes(10)
        /// For the reply to QUIT, after every result is known (not in RFC 5321). Default 10 s.
        package var quit: Duration = .seconds(10)

        package init() {}
    }

    /// Why a configuration cannot be used.
    package enum ConfigurationError: Error, Equatable, Sendable {
        /// The port is not 1 to 65535.
        case invalidPort
        /// The client name is not a domain name or an address literal.
        case invalidClientName
    }
}

extension Duration {
    fileprivate static func minutes(_ count: Int64) -> Duration { .seconds(count * 60) }
}
