import CSystem
import Glibc

/// A request a virtual client wants sent: the bytes and the route it is counted under.
struct LoadRequest {
    var route: Int
    var bytes: [UInt8]
    /// Set by the generator when it sends the request a second time.
    var resent = false
    /// When the generator handed it to the kernel (`LoadGenerator.now()`); set by the generator.
    var sentAt = 0.0
}

/// What a virtual client does next.
enum LoadAction {
    /// Send at once (as soon as a connection is free).
    case send(LoadRequest)
    /// Send at a moment of the monotonic clock (`LoadGenerator.now()`): think time, polling,
    /// `Retry-After`.
    case sendAt(Double, LoadRequest)
    /// This client has finished.
    case done
}

/// The virtual clients of one run. The generator calls these on its one thread.
protocol LoadScenario: AnyObject {
    var clientCount: Int { get }
    /// The first action of `client`.
    func start(_ client: Int, now: Double) -> LoadAction
    /// What `client` does with its answer.
    func receive(_ client: Int, _ request: LoadRequest, _ response: LoadResponse, now: Double) -> LoadAction
    /// What `client` does when its request got no answer (connection lost, timeout).
    func failed(_ client: Int, _ request: LoadRequest, now: Double) -> LoadAction
}

/// An HTTP/1.1 load generator on plain sockets: one thread, one epoll set, a fixed pool of
/// keep-alive connections to one server, and any number of virtual clients that take turns on
/// them, one request per connection at a time (as a reverse proxy's upstream pool does). A
/// client waiting (polling, thinking, obeying `Retry-After`) holds no connection.
///
/// Latency is measured from handing the request to the kernel until the last byte of the
/// answer has been read, so time a request waits for a free connection is not counted (the
/// server cannot see it either); `LoadStatistics` keeps it by route and status.
final class LoadGenerator {
    struct Configuration {
        var host = "127.0.0.1"
        var port = 8080
        /// Connections kept open to the server.
        var connections = 256
        /// A request without an answer after this many seconds counts as a timeout.
        var requestTimeout = 30.0
        /// The run stops after this many seconds even if clients are not done.
        var maxSeconds = 600.0
        /// Resident memory of this process is sampled during the run.
        var serverPID: Int32?
        /// A connection unused for this long is replaced by a fresh one before the server's
        /// timeouts close it (Rathaus closes a new connection that sent nothing after 10 s, a
        /// kept-alive one after 60 s idle), so that a request never races the server's close.
        var maxIdleSeconds = 5.0
    }

    private struct Busy {
        var client: Int
        var request: LoadRequest
        var sentAt: Double
    }

    private struct Connection {
        var fd: Int32 = -1
        var generation: UInt64 = 0
        var connected = false
        /// Connected, without a request, and in the `idle` queue.
        var idle = false
        /// When it was opened or last answered.
        var lastUsed = 0.0
        var busy: Busy?
        var output: [UInt8] = []
        var reader = ResponseReader()
    }

    private struct Timer: Comparable {
        var at: Double
        var order: Int
        var client: Int
        var request: LoadRequest

        static func < (lhs: Timer, rhs: Timer) -> Bool { (lhs.at, lhs.order) < (rhs.at, rhs.order) }
        static func == (lhs: Timer, rhs: Timer) -> Bool { lhs.at == rhs.at && lhs.order == rhs.order }
    }

    let configuration: Configuration
    let statistics = LoadStatistics()
    /// The highest resident memory of the server seen during the run, in KiB.
    private(set) var peakServerKiB: Int?
    /// Whether the run ended at `maxSeconds` with clients still active.
    private(set) var stoppedAtDeadline = false

    private var epoll: Int32 = -1
    private var connections: [Connection] = []
    /// Connections ready for a request, used in turn (first in, first out) so that all stay warm;
    /// entries of connections reopened since are stale and skipped (`Connection.idle` decides).
    private var idle: [Int] = []
    private var idleHead = 0
    private var ready: [(client: Int, request: LoadRequest)] = []
    private var readyHead = 0
    private var timers = Heap<Timer>()
    private var timerOrder = 0
    private var active = 0
    private var scratch = [UInt8](repeating: 0, count: 256 * 1024)

    init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Seconds of the monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs every client of `scenario` until all are done (or `maxSeconds` pass).
    func run(_ scenario: some LoadScenario) throws(LoadTestError) {
        epoll = csystem_epoll_create()
        guard epoll >= 0 else { throw .system("epoll_create", errno) }
        defer {
            for connection in connections where connection.fd >= 0 { close(connection.fd) }
            close(epoll)
        }
        connections = Array(repeating: Connection(), count: max(1, configuration.connections))
        for index in connections.indices { try open(index) }
        let start = Self.now()
        active = scenario.clientCount
        for client in 0..<scenario.clientCount { apply(scenario.start(client, now: start), client: client, now: start) }
        var events = [csystem_event](repeating: csystem_event(), count: 1024)
        var lastHousekeeping = start
        while active > 0 {
            var now = Self.now()
            if now - start > configuration.maxSeconds {
                stoppedAtDeadline = true
                break
            }
            while let first = timers.first, first.at <= now {
                let timer = timers.removeFirst()
                ready.append((timer.client, timer.request))
            }
            dispatch(now: now)
            if now - lastHousekeeping >= 0.1 {
                lastHousekeeping = now
                expire(scenario, now: now)
                sampleServerMemory()
            }
            var timeout = 100
            if readyHead < ready.count, idleHead < idle.count {
                timeout = 0
            } else if let first = timers.first {
                timeout = min(timeout, max(0, Int(((first.at - now) * 1000).rounded(.up))))
            }
            let count = events.withUnsafeMutableBufferPointer {
                csystem_epoll_wait(epoll, $0.baseAddress, Int32($0.count), Int32(timeout))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("epoll_wait", errno)
            }
            now = Self.now()
            for event in events.prefix(Int(count)) {
                let index = Int(event.tag & 0xFFFF_FFFF)
                guard index < connections.count, connections[index].generation == event.tag >> 32 else { continue }
                handle(index, events: event.events, scenario: scenario, now: now)
            }
        }
        sampleServerMemory()
    }

    // MARK: Connections

    private func open(_ index: Int) throws(LoadTestError) {
        connections[index].generation += 1
        connections[index].idle = false
        connections[index].lastUsed = Self.now()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system("socket", errno) }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: configuration.port).bigEndian)
        address.sin_addr.s_addr = inet_addr(configuration.host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 || errno == EINPROGRESS else {
            let code = errno
            close(fd)
            throw .system("connect to \(configuration.host):\(configuration.port)", code)
        }
        connections[index].fd = fd
        connections[index].connected = false
        connections[index].output = []
        connections[index].reader = ResponseReader()
        let tag = UInt64(index) | connections[index].generation << 32
        // Edge-triggered, registered once: readiness to write tells that the connect finished.
        let events = CSYSTEM_EPOLLIN | CSYSTEM_EPOLLOUT | CSYSTEM_EPOLLRDHUP | CSYSTEM_EPOLLET
        guard csystem_epoll_add(epoll, fd, events, tag) == 0 else {
            let code = errno
            close(fd)
            connections[index].fd = -1
            throw .system("epoll_ctl", code)
        }
    }

    /// Closes a connection (failing its request, if any) and opens a new one. A `GET` on a
    /// kept-alive connection that the server closed before sending any byte of the answer is
    /// sent again once, as a proxy would (RFC 9112 §9.3.1: the request is idempotent).
    private func reopen(_ index: Int, scenario: some LoadScenario, now: Double, timedOut: Bool = false) {
        if let busy = connections[index].busy {
            connections[index].busy = nil
            if !timedOut, !busy.request.resent, connections[index].reader.isEmpty,
                busy.request.bytes.starts(with: Self.get)
            {
                var again = busy.request
                again.resent = true
                statistics.resent()
                ready.append((busy.client, again))
            } else {
                statistics.transportError(timedOut: timedOut)
                apply(scenario.failed(busy.client, busy.request, now: now), client: busy.client, now: now)
            }
        }
        if connections[index].fd >= 0 { close(connections[index].fd) }
        connections[index].fd = -1
        connections[index].idle = false
        do {
            try open(index)
        } catch {
            statistics.connectFailed()
        }
    }

    // MARK: Sending

    private static let get = Array("GET ".utf8)

    private func dispatch(now: Double) {
        while readyHead < ready.count, idleHead < idle.count {
            let index = idle[idleHead]
            idleHead += 1
            guard connections[index].idle else { continue }
            connections[index].idle = false
            let (client, request) = ready[readyHead]
            readyHead += 1
            send(request, client: client, on: index, now: now)
        }
        if readyHead > 4096, readyHead * 2 > ready.count {
            ready.removeFirst(readyHead)
            readyHead = 0
        }
        if idleHead > 4096, idleHead * 2 > idle.count {
            idle.removeFirst(idleHead)
            idleHead = 0
        }
    }

    private func send(_ request: LoadRequest, client: Int, on index: Int, now: Double) {
        statistics.sent(at: now)
        var request = request
        request.sentAt = now
        connections[index].busy = Busy(client: client, request: request, sentAt: now)
        connections[index].output = request.bytes
        flush(index)
    }

    /// Writes what is pending; false when the connection failed.
    @discardableResult
    private func flush(_ index: Int) -> Bool {
        while !connections[index].output.isEmpty {
            let fd = connections[index].fd
            let written = connections[index].output.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                connections[index].output.removeFirst(written)
            } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                return true
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    // MARK: Receiving

    private func handle(_ index: Int, events: UInt32, scenario: some LoadScenario, now: Double) {
        if !connections[index].connected {
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(connections[index].fd, SOL_SOCKET, SO_ERROR, &failure, &length)
            if failure != 0 || events & (CSYSTEM_EPOLLERR | CSYSTEM_EPOLLHUP) != 0 {
                statistics.connectFailed()
                if connections[index].fd >= 0 { close(connections[index].fd) }
                connections[index].fd = -1
                return
            }
            guard events & CSYSTEM_EPOLLOUT != 0 else { return }
            connections[index].connected = true
            markIdle(index)
            return
        }
        if events & CSYSTEM_EPOLLOUT != 0, !connections[index].output.isEmpty, !flush(index) {
            reopen(index, scenario: scenario, now: now)
            return
        }
        guard events & (CSYSTEM_EPOLLIN | CSYSTEM_EPOLLRDHUP | CSYSTEM_EPOLLHUP | CSYSTEM_EPOLLERR) != 0 else { return }
        var closed = false
        while true {
            let fd = connections[index].fd
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                scratch.withUnsafeBytes {
                    connections[index].reader.append(UnsafeRawBufferPointer(rebasing: $0[0..<count]))
                }
                continue
            }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { break }
            closed = true
            break
        }
        while true {
            let response: LoadResponse?
            do {
                response = try connections[index].reader.next()
            } catch {
                reopen(index, scenario: scenario, now: now)
                return
            }
            guard let response else { break }
            guard let busy = connections[index].busy else {
                // An answer nobody asked for: the connection is out of step.
                reopen(index, scenario: scenario, now: now)
                return
            }
            connections[index].busy = nil
            connections[index].lastUsed = now
            statistics.record(
                route: busy.request.route, status: response.status, retryAfter: response.retryAfter,
                latency: now - busy.sentAt, at: now)
            apply(scenario.receive(busy.client, busy.request, response, now: now), client: busy.client, now: now)
            if response.closes {
                closed = true
                break
            }
        }
        if closed {
            reopen(index, scenario: scenario, now: now)
        } else if connections[index].busy == nil {
            markIdle(index)
        }
        dispatch(now: now)
    }

    private func markIdle(_ index: Int) {
        guard !connections[index].idle else { return }
        connections[index].idle = true
        idle.append(index)
    }

    private func expire(_ scenario: some LoadScenario, now: Double) {
        for index in connections.indices {
            if let busy = connections[index].busy, now - busy.sentAt > configuration.requestTimeout {
                reopen(index, scenario: scenario, now: now, timedOut: true)
            } else if connections[index].idle, now - connections[index].lastUsed > configuration.maxIdleSeconds {
                reopen(index, scenario: scenario, now: now)
            } else if connections[index].fd < 0 {
                do { try open(index) } catch { statistics.connectFailed() }
            }
        }
    }

    // MARK: Clients

    private func apply(_ action: LoadAction, client: Int, now: Double) {
        switch action {
        case .send(let request):
            ready.append((client, request))
        case .sendAt(let at, let request):
            if at <= now {
                ready.append((client, request))
            } else {
                timerOrder += 1
                timers.insert(Timer(at: at, order: timerOrder, client: client, request: request))
            }
        case .done:
            active -= 1
        }
    }

    private func sampleServerMemory() {
        guard let pid = configuration.serverPID, let memory = ProcessMemory.read(pid: pid) else { return }
        peakServerKiB = max(peakServerKiB ?? 0, memory.residentKiB)
    }
}

/// Why a load test could not run.
enum LoadTestError: Error, CustomStringConvertible {
    case system(String, Int32)
    case server(String)

    var description: String {
        switch self {
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        case .server(let message): message
        }
    }
}

/// A binary min-heap.
struct Heap<Element: Comparable> {
    private var items: [Element] = []

    var first: Element? { items.first }
    var count: Int { items.count }

    mutating func insert(_ element: Element) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func removeFirst() -> Element {
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count, items[left] < items[smallest] { smallest = left }
                if right < items.count, items[right] < items[smallest] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
