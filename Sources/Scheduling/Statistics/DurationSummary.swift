/// Count, mean, median, 90th percentile and maximum of durations in seconds, and how many lie
/// over a target. Percentiles interpolate linearly between the closest ranks (Hyndman and Fan's
/// type 7: numpy's default, Excel's PERCENTILE.INC, Python's `statistics.quantiles(method=
/// "inclusive")`), so the median of 60 and 120 is 90.
package struct DurationSummary: Hashable, Sendable {
    package var count = 0
    package var mean: Double?
    package var median: Double?
    package var p90: Double?
    package var max: Int?
    /// How many lie strictly over the target (0 without one).
    package var overTarget = 0

    package init() {}

    /// The summary of `values` (sorted in place); `target` in seconds, if any.
    package init(sorting values: inout [Int32], target: Int? = nil) {
        count = values.count
        guard !values.isEmpty else { return }
        values.sort()
        var sum = 0
        for value in values { sum += Int(value) }
        mean = Double(sum) / Double(values.count)
        median = Self.percentile(50, ofSorted: values)
        p90 = Self.percentile(90, ofSorted: values)
        max = values.last.map(Int.init)
        if let target {
            // The first index over the target, by binary search.
            var low = 0
            var high = values.count
            while low < high {
                let middle = (low + high) / 2
                if Int(values[middle]) > target { high = middle } else { low = middle + 1 }
            }
            overTarget = values.count - low
        }
    }

    /// The share over the target, 0…1; nil without values.
    package var shareOverTarget: Double? {
        count == 0 ? nil : Double(overTarget) / Double(count)
    }

    /// The `p`-th percentile (0…100) of sorted `values`, type 7.
    package static func percentile(_ p: Double, ofSorted values: [Int32]) -> Double? {
        guard let first = values.first else { return nil }
        guard values.count > 1 else { return Double(first) }
        let position = p / 100 * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, values.count - 1)
        let fraction = position - Double(lower)
        return Double(values[lower]) + (Double(values[upper]) - Double(values[lower])) * fraction
    }
}
