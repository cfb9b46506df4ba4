import Foundation
import Glibc
import HTTPServer
import Testing

@Suite struct ProcessHeapTests {
    /// The process's resident anonymous memory in bytes, as the kernel counts it.
    private static func residentAnonymousBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") })
        let fields = line.split(separator: " ")
        let kibibytes = try #require(fields.count >= 2 ? Int(fields[1]) : nil)
        return kibibytes * 1024
    }

    @Test func freePagesBetweenLiveAllocationsGoBackToTheKernel() throws {
        // 64 MiB in 4 KiB blocks, written so that their pages are resident; then all but every
        // sixteenth are freed, so that the free space lies between live blocks, where glibc
        // keeps it on its own.
        let blockSize = 4096
        var blocks: [UnsafeMutableRawPointer] = []
        for _ in 0..<16_384 {
            let block = try #require(malloc(blockSize))
            memset(block, 0x5A, blockSize)
            blocks.append(block)
        }
        var kept: [UnsafeMutableRawPointer] = []
        defer { for block in kept { free(block) } }
        for (index, block) in blocks.enumerated() {
            if index % 16 == 15 { kept.append(block) } else { free(block) }
        }

        let held = try Self.residentAnonymousBytes()
        #expect(ProcessHeap.releaseFreePages())
        let released = held - (try Self.residentAnonymousBytes())

        // 60 MiB were freed between the live blocks: at least half of it must have gone back.
        #expect(released >= 30 << 20, "given back: \(released >> 20) MiB")
    }
}
