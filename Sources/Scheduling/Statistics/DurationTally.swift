/// Durations in whole seconds, collected for a `DurationSummary` without sorting them all: kept
/// as a list while there are few, then counted per second from 0 up to `countedBelow` (the rare
/// values outside stay listed). Percentiles then come from running totals of the counts, and
/// from selecting in the list, so a year of waits is counted rather than sorted. The summary is
/// exactly the one of the sorted values (`DurationSummary(sorting:)`): the same ranks, the same
/// arithmetic.
package struct DurationTally: Sendable {
    /// A list grows to this many values before they are counted per second instead.
    static let listedUpTo = 512
    /// Values from 0 up to (not including) this many seconds are counted per second (4 hours:
    /// at most 57.6 KB of counts); longer ones, and negative ones, are listed.
    static let countedBelow = 4 * 3600

    package private(set) var count = 0
    private var sum = 0
    private var largest = Int32.min
    /// Every value while `perSecond` is empty; afterwards the values outside `0..<countedBelow`.
    private var listed: [Int32] = []
    /// How many values of each second, once there were more than `listedUpTo`; as long as the
    /// largest value counted so far.
    private var perSecond: [UInt32] = []
    private var counting = false

    package init() {}

    package mutating func add(_ value: Int32) {
        count += 1
        sum += Int(value)
        if value > largest { largest = value }
        if counting, value >= 0, Int(value) < Self.countedBelow {
            let second = Int(value)
            if second >= perSecond.count {
                perSecond.append(contentsOf: repeatElement(0, count: second + 1 - perSecond.count))
            }
            perSecond[second] &+= 1
            return
        }
        listed.append(value)
        if !counting, listed.count > Self.listedUpTo { startCounting() }
    }

    /// Adds every value of `other`.
    package mutating func add(_ other: DurationTally) {
        guard other.count > 0 else { return }
        if !counting, count + other.count > Self.listedUpTo { startCounting() }
        if counting, !other.perSecond.isEmpty {
            if other.perSecond.count > perSecond.count {
                perSecond.append(contentsOf: repeatElement(0, count: other.perSecond.count - perSecond.count))
            }
            var added = 0
            var addedSum = 0
            perSecond.withUnsafeMutableBufferPointer { counts in
                for (second, times) in other.perSecond.enumerated() where times != 0 {
                    counts[second] &+= times
                    added += Int(times)
                    addedSum += second * Int(times)
                }
            }
            count += added
            sum += addedSum
            largest = max(largest, Int32(other.perSecond.count - 1))
        }
        // A tally still listing has no counts (it lists until it has more values than a merge
        // into a listing one can bring).
        for value in other.listed { add(value) }
    }

    private mutating func startCounting() {
        counting = true
        let values = listed
        listed = []
        count -= values.count
        sum -= values.reduce(0) { $0 + Int($1) }
        for value in values { add(value) }
    }

    /// The summary; `target` in seconds counts the values strictly over it.
    package func summary(target: Int? = nil) -> DurationSummary {
        var summary = DurationSummary()
        summary.count = count
        guard count > 0 else { return summary }
        summary.mean = Double(sum) / Double(count)
        summary.max = Int(largest)
        // Type 7: the values at the closest ranks around p / 100 × (n − 1), as `percentile` does.
        let positions = [0.5, 0.9].map { $0 * Double(count - 1) }
        var ranks: [Int] = []
        for position in positions {
            let lower = Int(position.rounded(.down))
            ranks += [lower, Swift.min(lower + 1, count - 1)]
        }
        let values = self.values(atRanks: ranks)
        func interpolated(_ index: Int) -> Double {
            let position = positions[index]
            let lower = Double(values[2 * index])
            let upper = Double(values[2 * index + 1])
            return lower + (upper - lower) * (position - position.rounded(.down))
        }
        summary.median = interpolated(0)
        summary.p90 = interpolated(1)
        if let target {
            var over = listed.reduce(0) { $0 + (Int($1) > target ? 1 : 0) }
            if target + 1 < perSecond.count {
                for second in Swift.max(0, target + 1)..<perSecond.count { over += Int(perSecond[second]) }
            }
            summary.overTarget = over
        }
        return summary
    }

    /// The values at `ranks` (0 is the smallest) of all values, in the order asked.
    func values(atRanks ranks: [Int]) -> [Int32] {
        var below = listed.filter { $0 < 0 }
        var above = below.isEmpty ? listed : listed.filter { $0 >= 0 }
        let counted = perSecond.reduce(0) { $0 + Int($1) }
        let order = ranks.indices.sorted { ranks[$0] < ranks[$1] }
        var found = [Int32](repeating: 0, count: ranks.count)
        var second = 0
        var countedBefore = 0
        for index in order {
            let rank = ranks[index]
            if rank < below.count {
                found[index] = Self.select(rank, in: &below)
            } else if rank < below.count + counted {
                let wanted = rank - below.count
                while countedBefore + Int(perSecond[second]) <= wanted {
                    countedBefore += Int(perSecond[second])
                    second += 1
                }
                found[index] = Int32(second)
            } else {
                found[index] = Self.select(rank - below.count - counted, in: &above)
            }
        }
        return found
    }

    /// The value of rank `rank` in `values`, which it reorders (Hoare's selection with the median
    /// of three as pivot; a sort where that keeps choosing badly).
    static func select(_ rank: Int, in values: inout [Int32]) -> Int32 {
        var low = 0
        var high = values.count - 1
        var rounds = 0
        while high - low > 16 {
            rounds += 1
            if rounds > 64 { break }
            let middle = low + (high - low) / 2
            let pivot = median(values[low], values[middle], values[high])
            var left = low
            var right = high
            while left <= right {
                while values[left] < pivot { left += 1 }
                while values[right] > pivot { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if rank <= right {
                high = right
            } else if rank >= left {
                low = left
            } else {
                return values[rank]
            }
        }
        values[low...high].sort()
        return values[rank]
    }

    private static func median(_ a: Int32, _ b: Int32, _ c: Int32) -> Int32 {
        Swift.max(Swift.min(a, b), Swift.min(Swift.max(a, b), c))
    }
}
