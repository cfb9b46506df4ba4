import Testing

@testable import HTTPServer

/// A small seeded generator (SplitMix64), so a failing case can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

@Suite struct RequestDecoderPropertyTests {
    static let samples = [
        "GET /v1/offices/mitte/availability?service=pass HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n",
        "POST /v1/bookings HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n{\"slot\":42}",
        "POST /v1/holds HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4;x=1\r\nabcd\r\n0\r\nT: 1\r\n\r\n",
        "GET /events HTTP/1.0\r\nLast-Event-ID: 7\r\nConnection: keep-alive\r\n\r\n",
    ]

    /// A valid request with a few random bytes changed, inserted or removed.
    static func mutated(_ random: inout SeededRandom) -> [UInt8] {
        var bytes = Array(samples[Int.random(in: 0..<samples.count, using: &random)].utf8)
        let interesting: [UInt8] = [0, 9, 10, 13, 32, 34, 44, 58, 59, 48, 102, 127, 128, 255]
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let index = Int.random(in: 0..<bytes.count, using: &random)
            let byte =
                Bool.random(using: &random)
                ? interesting.randomElement(using: &random) ?? 0 : UInt8.random(in: 0...255, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes[index] = byte
            case 1: bytes.insert(byte, at: index)
            default: if bytes.count > 1 { bytes.remove(at: index) }
            }
        }
        return bytes + bytes
    }

    @Test func mutatedRequestsNeverTrapAndDecodeTheSameHoweverSplit() {
        var random = SeededRandom(state: 20_261_201)
        for _ in 0..<3_000 {
            let bytes = Self.mutated(&random)
            let whole = outcomes(bytes)
            let piece = Int.random(in: 1...17, using: &random)
            #expect(
                outcomes(bytes, piece: piece) == whole, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test func randomBytesNeverTrap() {
        var random = SeededRandom(state: 115)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0..<300, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            let result = outcomes(bytes)
            #expect(result.count <= 1 || result.dropLast().allSatisfy { if case .request = $0 { true } else { false } })
        }
    }
}
