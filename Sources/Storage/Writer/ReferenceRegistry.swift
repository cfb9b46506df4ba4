import Synchronization

/// The booking references in use anywhere in the database, shared by the office writers, so
/// that a writer draws a reference no office has used: otherwise the `UNIQUE` constraint would
/// fail the write (about once in 250 bookings with a million stored), and the writer would have
/// to rebuild its memory from the database.
///
/// A reference (`K7M-4PQ`) is kept as its number in base 25 (under 2^28), four bytes each.
package final class ReferenceRegistry: Sendable {
    private let taken: Mutex<Set<UInt32>>

    /// The registry of `references` (every reference stored, cancelled and past ones too).
    package init(references: some Sequence<String>) {
        var taken: Set<UInt32> = []
        for reference in references {
            if let code = Self.code(reference) { taken.insert(code) }
        }
        self.taken = Mutex(taken)
    }

    /// References known.
    package var count: Int { taken.withLock { $0.count } }

    /// A fresh reference, claimed for good (a claim whose booking is then not stored is simply
    /// not used again).
    package func claim() -> String {
        while true {
            let reference = Secrets.reference()
            guard let code = Self.code(reference) else { continue }
            if taken.withLock({ $0.insert(code).inserted }) { return reference }
        }
    }

    /// Whether `reference` is known (claimed or stored).
    package func contains(_ reference: String) -> Bool {
        guard let code = Self.code(reference) else { return false }
        return taken.withLock { $0.contains(code) }
    }

    /// The number of a reference of the usual form (three letters, `-`, three letters, all of
    /// `Secrets.referenceAlphabet`); nil for any other text.
    static func code(_ reference: String) -> UInt32? {
        var code: UInt32 = 0
        var count = 0
        for byte in reference.utf8 {
            count += 1
            if count == 4 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard count <= 7, let digit = digits[Int(byte)] else { return nil }
            code = code * 25 + UInt32(digit)
        }
        return count == 7 ? code : nil
    }

    /// The value of each alphabet letter by its byte.
    private static let digits: [UInt8?] = {
        var table = [UInt8?](repeating: nil, count: 256)
        for (index, letter) in Secrets.referenceAlphabet.enumerated() {
            if let byte = letter.asciiValue { table[Int(byte)] = UInt8(index) }
        }
        return table
    }()
}
