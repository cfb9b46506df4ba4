import Foundation
import Glibc

/// A loopback server that answers every request with the same bytes and closes the connection:
/// a real socket for the failures a provider can show (a redirect, an error status, a huge answer).
final class CannedAnswerServer: Sendable {
    let port: Int
    private let descriptor: Int32

    init(_ answer: String) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let descriptor = descriptor
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, listening else { throw MockIdentityProvider.ProviderAnswer.unexpected(0, "no socket") }
        port = Int(UInt16(bigEndian: address.sin_port))
        let bytes = Array(answer.utf8)
        Thread.detachNewThread {
            while true {
                let connection = accept(descriptor, nil, nil)
                guard connection >= 0 else { return }  // stop() shut the socket down
                // Read the request head before answering, so that closing does not reset the connection.
                var request: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4_096)
                while !request.suffix(4).elementsEqual([13, 10, 13, 10]) {
                    let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                    if count <= 0 { break }
                    request += buffer[0..<count]
                }
                _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(connection)
            }
        }
    }

    /// Stops accepting; the accepting thread ends.
    func stop() {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }
}
