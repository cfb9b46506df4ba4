/// A set of grid units of one day (unit `i` covers `i * grid ..< (i + 1) * grid` elapsed
/// minutes), stored as a bitset. Bits at and beyond `count` are always zero.
package struct UnitSet: Hashable, Sendable {
    package private(set) var words: [UInt64]
    /// The number of units in the day.
    package let count: Int

    package init(count: Int) {
        self.count = max(0, count)
        self.words = Array(repeating: 0, count: (self.count + 63) / 64)
    }

    package var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The number of units in the set.
    package var population: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    package func contains(_ unit: Int) -> Bool {
        guard unit >= 0, unit < count else { return false }
        return words[unit >> 6] & (1 << UInt64(unit & 63)) != 0
    }

    /// Whether every unit of `range` is in the set (false for a range outside the day).
    package func containsAll(_ range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= count else { return false }
        var result = true
        UnitSet.forEachWord(in: range) { index, mask in
            if words[index] & mask != mask { result = false }
        }
        return result
    }

    /// Whether any unit of `range` is in the set.
    package func intersects(_ range: Range<Int>) -> Bool {
        let clamped = range.clamped(to: 0..<count)
        var result = false
        UnitSet.forEachWord(in: clamped) { index, mask in
            if words[index] & mask != 0 { result = true }
        }
        return result
    }

    /// Adds the units of `range` (clamped to the day).
    package mutating func insert(_ range: Range<Int>) {
        UnitSet.forEachWord(in: range.clamped(to: 0..<count)) { index, mask in words[index] |= mask }
    }

    /// Removes the units of `range` (clamped to the day).
    package mutating func remove(_ range: Range<Int>) {
        UnitSet.forEachWord(in: range.clamped(to: 0..<count)) { index, mask in words[index] &= ~mask }
    }

    package mutating func formUnion(_ other: UnitSet) {
        for index in words.indices where index < other.words.count { words[index] |= other.words[index] }
    }

    package mutating func formIntersection(_ other: UnitSet) {
        for index in words.indices {
            words[index] &= index < other.words.count ? other.words[index] : 0
        }
    }

    package mutating func subtract(_ other: UnitSet) {
        for index in words.indices where index < other.words.count { words[index] &= ~other.words[index] }
    }

    /// The units in the set, ascending.
    package var elements: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                result.append(index * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }

    /// The maximal runs of consecutive units in the set, ascending.
    package var runs: [Range<Int>] {
        var result: [Range<Int>] = []
        UnitSet.forEachRun(wordCount: words.count, word: { words[$0] }, body: { result.append($0..<$1) })
        return result
    }

    /// Calls `body(index, mask)` for each word touched by `range`, with the bits of `range` in it.
    @inline(__always)
    static func forEachWord(in range: Range<Int>, _ body: (Int, UInt64) -> Void) {
        guard !range.isEmpty else { return }
        let first = range.lowerBound >> 6
        let last = (range.upperBound - 1) >> 6
        for index in first...last {
            let low = index == first ? range.lowerBound & 63 : 0
            let high = index == last ? ((range.upperBound - 1) & 63) + 1 : 64
            let mask = (high == 64 ? ~UInt64(0) : (UInt64(1) << UInt64(high)) - 1) & ~((UInt64(1) << UInt64(low)) - 1)
            body(index, mask)
        }
    }

    /// The maximal run of set bits that contains `range` (which must be all set), extended over
    /// the words `word(0) … word(wordCount - 1)` with whole-word steps where it can.
    @inline(__always)
    static func run(around range: Range<Int>, wordCount: Int, word: (Int) -> UInt64) -> Range<Int> {
        var low = range.lowerBound
        while low > 0 {
            let index = (low - 1) >> 6
            let bit = (low - 1) & 63
            // Bits 0...bit of the word, shifted so that `bit` is the top bit.
            let bits = word(index) << UInt64(63 - bit)
            let ones = (~bits).leadingZeroBitCount
            low -= ones
            if ones <= bit { break }
        }
        var high = range.upperBound
        while high < wordCount << 6 {
            let index = high >> 6
            let bit = high & 63
            let ones = (~(word(index) >> UInt64(bit))).trailingZeroBitCount
            let available = 64 - bit
            high += min(ones, available)
            if ones < available { break }
        }
        return low..<high
    }

    /// Calls `body(start, end)` for every maximal run of set bits in the words `word(0) …
    /// word(wordCount - 1)`, in ascending order, across word boundaries.
    @inline(__always)
    static func forEachRun(wordCount: Int, word: (Int) -> UInt64, body: (Int, Int) -> Void) {
        var open = -1
        for index in 0..<wordCount {
            var bits = word(index)
            let base = index << 6
            if open >= 0 {
                if bits == ~UInt64(0) { continue }
                let end = (~bits).trailingZeroBitCount
                body(open, base + end)
                open = -1
                bits &= ~((UInt64(1) << UInt64(end)) - 1)
            }
            while bits != 0 {
                let start = bits.trailingZeroBitCount
                let length = (~(bits >> UInt64(start))).trailingZeroBitCount
                if start + length >= 64 {
                    open = base + start
                    break
                }
                body(base + start, base + start + length)
                bits &= ~(((UInt64(1) << UInt64(length)) - 1) << UInt64(start))
            }
        }
        if open >= 0 { body(open, wordCount << 6) }
    }
}
