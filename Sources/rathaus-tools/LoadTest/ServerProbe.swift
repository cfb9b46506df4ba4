import App
import CSystem
import Foundation
import Glibc
import Scheduling

/// One blocking keep-alive connection to the server for what happens before and after a load
/// run: reading the server's clock, the release, the slots left; never during the run.
final class ServerProbe {
    let host: String
    let port: Int
    private var fd: Int32 = -1
    private var reader = ResponseReader()

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Sends one request and waits (at most 30 s) for its answer.
    func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = [])
        throws(LoadTestError) -> LoadResponse
    {
        for attempt in 0..<2 {
            if fd < 0 { try connectSocket() }
            var head = "\(method) \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            if method == "POST" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
            let bytes = Array((head + "\r\n").utf8) + body
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent == bytes.count, let response = try? receive() {
                if response.closes { disconnect() }
                return response
            }
            disconnect()
            if attempt == 1 { break }
        }
        throw .server("no answer from \(host):\(port) to \(method) \(target)")
    }

    /// `GET` with a JSON answer: the status and the parsed body (nil when not JSON).
    func json(_ target: String, headers: [(String, String)] = []) throws(LoadTestError) -> (Int, JSONValue?) {
        let response = try send("GET", target, headers: headers)
        return (response.status, try? JSONValue.parse(response.body))
    }

    private func connectSocket() throws(LoadTestError) {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard socketFD >= 0 else { throw .system("socket", errno) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(socketFD, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(socketFD)
            throw .system("connect to \(host):\(port)", code)
        }
        fd = socketFD
        reader = ResponseReader()
    }

    private func receive() throws -> LoadResponse? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let response = try reader.next() { return response }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            reader.append(Array(buffer[0..<count]))
        }
    }

    private func disconnect() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    /// The server's clock against this process's monotonic clock: `/healthz` reports the
    /// server's time in whole seconds, so this asks until the second turns over (at most ~1.2 s)
    /// and takes that moment, halfway through the request, as the start of the second.
    func serverClock() throws(LoadTestError) -> ServerTime {
        var previous: Int64?
        let deadline = LoadGenerator.now() + 3
        while LoadGenerator.now() < deadline {
            let before = LoadGenerator.now()
            let (status, body) = try json("/healthz")
            let after = LoadGenerator.now()
            guard status == 200, let text = body?["time"]?.stringValue, let time = RFC3339.parse(text) else {
                throw .server("/healthz answered \(status) without a time")
            }
            let seconds = time.instant.secondsSinceEpoch
            if let previous, seconds != previous {
                return ServerTime(offset: Double(seconds) - (before + after) / 2)
            }
            previous = seconds
            usleep(2000)
        }
        throw .server("/healthz: the server's clock does not advance")
    }
}

/// The server's clock (whole seconds since the epoch) as seen from the monotonic clock.
struct ServerTime {
    /// Server seconds minus monotonic seconds.
    var offset: Double

    /// The monotonic moment of a server instant.
    func monotonic(_ instant: Int64) -> Double { Double(instant) - offset }

    /// The server's time at a monotonic moment.
    func server(_ monotonic: Double) -> Double { monotonic + offset }
}

/// CPU seconds (user and system) this process has used so far (getrusage(2)): the load
/// generator shares the machine with the server, so its reports say how much it took.
enum ProcessCPU {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }
}

/// Resident memory of a process from `/proc/PID/status` (proc(5)): now and its peak.
struct ProcessMemory {
    var residentKiB: Int
    var peakKiB: Int

    static func read(pid: Int32) -> ProcessMemory? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        var resident: Int?
        var peak: Int?
        func kibibytes(_ line: Substring) -> Int? {
            Int(line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        for line in text.split(separator: "\n") {
            if line.hasPrefix("VmRSS:") { resident = kibibytes(line) }
            if line.hasPrefix("VmHWM:") { peak = kibibytes(line) }
        }
        guard let resident else { return nil }
        return ProcessMemory(residentKiB: resident, peakKiB: peak ?? resident)
    }
}

extension JSONValue {
    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text)
    }

    var arrayValue: [JSONValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }
}
