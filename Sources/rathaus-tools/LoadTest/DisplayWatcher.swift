import App
import CSystem
import Foundation
import Glibc
import Synchronization

/// The waiting-room displays of one office: `displays` event streams
/// (`GET /v1/offices/{office}/queue/events`) kept open on a thread of their own, noting when each
/// display received each call (a `queue` event of kind `called`, by the number called). With
/// `reopenEvery` each display closes its stream and opens a new one after that many seconds (as
/// a display does on a reload), so that streams come and go.
final class DisplayWatcher: @unchecked Sendable {
    // Invariant: `connections` and the buffers are touched only on the watcher's thread; what
    // other threads read is under `state`.
    struct Options {
        var host = "127.0.0.1"
        var port = 8080
        var office = "buergeramt"
        var displays = 20
        var reopenEvery: Double?
    }

    private struct Stream {
        var fd: Int32 = -1
        var buffer: [UInt8] = []
        var headRead = false
        var openedAt = 0.0
    }

    private struct State {
        var stop = false
        /// Number called → when each display received its call.
        var arrivals: [String: [Double]] = [:]
        var opened = 0
        var failures = 0
    }

    let options: Options
    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)
    private var streams: [Stream] = []

    init(options: Options) {
        self.options = options
    }

    /// Opens the streams and watches them on a new thread until `stop()`.
    func start() {
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.start()
    }

    /// Stops watching and waits for the thread; what the displays saw.
    func stop() -> (arrivals: [String: [Double]], opened: Int, failures: Int) {
        state.withLock { $0.stop = true }
        finished.wait()
        return state.withLock { ($0.arrivals, $0.opened, $0.failures) }
    }

    private func run() {
        streams = Array(repeating: Stream(), count: options.displays)
        for index in streams.indices { open(index) }
        var descriptors = [pollfd](repeating: pollfd(), count: streams.count)
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        while !state.withLock({ $0.stop }) {
            for index in streams.indices {
                descriptors[index] = pollfd(fd: streams[index].fd, events: Int16(POLLIN), revents: 0)
            }
            _ = poll(&descriptors, nfds_t(descriptors.count), 100)
            let now = LoadGenerator.now()
            for index in streams.indices {
                if descriptors[index].revents != 0 {
                    let count = scratch.withUnsafeMutableBytes { recv(streams[index].fd, $0.baseAddress, $0.count, 0) }
                    if count <= 0 {
                        state.withLock { $0.failures += 1 }
                        close(streams[index].fd)
                        open(index)
                        continue
                    }
                    streams[index].buffer.append(contentsOf: scratch[0..<count])
                    read(index, at: now)
                }
                if streams[index].fd < 0, now - streams[index].openedAt > 1 {
                    open(index)
                } else if let every = options.reopenEvery, now - streams[index].openedAt > every {
                    close(streams[index].fd)
                    open(index)
                }
            }
        }
        for stream in streams where stream.fd >= 0 { close(stream.fd) }
    }

    /// Connects display `index` and asks for the office's events.
    private func open(_ index: Int) {
        streams[index] = Stream(openedAt: LoadGenerator.now())
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: options.port).bigEndian)
        address.sin_addr.s_addr = inet_addr(options.host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        let request = Array(
            "GET /v1/offices/\(options.office)/queue/events HTTP/1.1\r\nHost: rathaus\r\nAccept: text/event-stream\r\n\r\n"
                .utf8)
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard connected == 0, sent == request.count else {
            close(fd)
            state.withLock { $0.failures += 1 }
            return
        }
        streams[index].fd = fd
        state.withLock { $0.opened += 1 }
    }

    /// Takes the complete events out of display `index`'s buffer. Each event comes in one chunk
    /// and ends with an empty line (WHATWG HTML §9.2.5), so the chunk framing between events is
    /// skipped as lines that are neither `event:` nor `data:`.
    private func read(_ index: Int, at now: Double) {
        var buffer = streams[index].buffer
        defer { streams[index].buffer = buffer }
        if !streams[index].headRead {
            guard let end = Self.find([13, 10, 13, 10], in: buffer[...]) else { return }
            buffer.removeFirst(end + 4)
            streams[index].headRead = true
        }
        while let end = Self.find([10, 10], in: buffer[...]) {
            var kind: String?
            var data: String?
            for line in buffer[..<end].split(separator: 10) {
                let text = String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
                if text.hasPrefix("event: ") { kind = String(text.dropFirst(7)) }
                if text.hasPrefix("data: ") { data = String(text.dropFirst(6)) }
            }
            buffer.removeFirst(end + 2)
            guard kind == "queue", let data, let event = try? JSONValue.parse(data),
                event["kind"]?.stringValue == "called", let number = event["number"]?.stringValue
            else { continue }
            state.withLock { $0.arrivals[number, default: []].append(now) }
        }
    }

    static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        var index = bytes.startIndex
        while index + pattern.count <= bytes.endIndex {
            if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) {
                return index - bytes.startIndex
            }
            index += 1
        }
        return nil
    }
}
