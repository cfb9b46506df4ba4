import Glibc

/// Seconds of the system's monotonic clock (`CLOCK_MONOTONIC`), for the ages of cache entries
/// and rate buckets: read per request, so without `Duration` arithmetic.
enum MonotonicClock {
    static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
