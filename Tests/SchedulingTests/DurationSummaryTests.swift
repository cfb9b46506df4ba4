import RathausTesting
import Testing

@testable import Scheduling

@Suite struct DurationSummaryTests {
    /// Eight waits, unsorted. By hand, type 7 (h = p × (n − 1), then linear between the values
    /// of ranks ⌊h⌋ and ⌊h⌋ + 1, ranks from 0): the median at h = 3.5 lies halfway between 300
    /// and 420, so 360; the 90th percentile at h = 6.3 is 900 + 0.3 × (1500 − 900) = 1080; the
    /// mean 4080 / 8 = 510. Python's `statistics.quantiles(method="inclusive")` agrees.
    static let waits: [Int32] = [900, 60, 1500, 300, 120, 600, 180, 420]

    @Test func percentilesInterpolateBetweenTheClosestRanksAsTypeSevenDoes() {
        var values = Self.waits
        let summary = DurationSummary(sorting: &values, target: 600)
        #expect(summary.count == 8)
        #expect(summary.mean == 510)
        #expect(summary.median == 360)
        #expect(summary.p90 == 1080)
        #expect(summary.max == 1500)
        #expect(summary.overTarget == 2, "900 and 1500 lie strictly over 600; 600 itself does not")
        #expect(summary.shareOverTarget == 0.25)
    }

    @Test func anOddCountHasItsMiddleValueAsMedianAndOneValueIsEveryPercentile() {
        // h = 2 for the median: 35 exactly; h = 3.6 for the 90th: 40 + 0.6 × 10 = 46.
        var odd: [Int32] = [40, 15, 50, 20, 35]
        let summary = DurationSummary(sorting: &odd)
        #expect(summary.median == 35)
        #expect(summary.p90 == 46)
        var one: [Int32] = [75]
        let single = DurationSummary(sorting: &one, target: 60)
        #expect(single.median == 75 && single.p90 == 75 && single.mean == 75 && single.overTarget == 1)
        var none: [Int32] = []
        let empty = DurationSummary(sorting: &none, target: 60)
        #expect(empty.count == 0 && empty.median == nil && empty.mean == nil && empty.shareOverTarget == nil)
    }

    @Test func aTallyGivesTheSameSummaryAsTheSortedValues() {
        var tally = DurationTally()
        for value in Self.waits { tally.add(value) }
        var values = Self.waits
        #expect(tally.summary(target: 600) == DurationSummary(sorting: &values, target: 600))
        #expect(DurationTally().summary(target: 60) == DurationSummary())
    }

    /// Lists short and long (counted per second past `listedUpTo`), values past the counted
    /// range and below zero, ties, tallies merged into others: always the summary of the sorted
    /// list.
    @Test(arguments: [1, 2, 3, 5, 8, 13])
    func aTallyEqualsTheSortedSummaryForSeededValues(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<40 {
            let count = [0, 1, 2, 17, 511, 512, 513, 3000][Int.random(in: 0..<8, using: &generator)]
            let spread = [30, 3600, 20_000, 3_000_000][Int.random(in: 0..<4, using: &generator)]
            let values = (0..<count).map { _ -> Int32 in
                Int.random(in: 0..<50, using: &generator) == 0
                    ? Int32.random(in: -100...(-1), using: &generator)
                    : Int32.random(in: 0...Int32(spread), using: &generator)
            }
            let target = Int.random(in: 0...spread, using: &generator)
            var sorted = values
            let expected = DurationSummary(sorting: &sorted, target: target)
            var whole = DurationTally()
            for value in values { whole.add(value) }
            #expect(whole.summary(target: target) == expected, "\(count) values up to \(spread)")
            // The same values in parts, merged.
            var merged = DurationTally()
            var part = DurationTally()
            for value in values {
                part.add(value)
                if Int.random(in: 0..<200, using: &generator) == 0 {
                    merged.add(part)
                    part = DurationTally()
                }
            }
            merged.add(part)
            #expect(merged.summary(target: target) == expected, "merged, \(count) values up to \(spread)")
        }
    }

    @Test func selectionFindsEveryRankOfAListWithTies() {
        var generator = SeededGenerator(seed: 42)
        let values = (0..<300).map { _ in Int32.random(in: 0...20, using: &generator) }
        let sorted = values.sorted()
        for rank in [0, 1, 149, 150, 298, 299] {
            var scratch = values
            #expect(DurationTally.select(rank, in: &scratch) == sorted[rank])
        }
    }
}
