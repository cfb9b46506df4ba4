import CSystem
import Glibc

/// The process's malloc heap (glibc's): what a long-running server does so that memory freed
/// under a varied load goes back to the kernel.
///
/// glibc keeps freed memory for later allocations and gives back only the free space at the top
/// of an arena. Under a steady varied load (answers of many sizes, kept a while by a cache and
/// freed on other threads than allocated them) the free space lies between allocations still in
/// use, spread over an arena per thread, so resident memory grows while the bytes in use stay
/// flat (Documentation/Performance.md, "Memory over time"). `rathaus serve` therefore limits the
/// arenas at start (`limitArenas`) and hands their whole free pages back at every sweep
/// (`releaseFreePages`).
package enum ProcessHeap {
    /// Arenas malloc makes at most in `rathaus serve`: 2 (glibc's default is eight per core).
    package static let arenaLimit = 2

    /// Lets malloc make at most `count` arenas from now on (`mallopt(M_ARENA_MAX)`), unless the
    /// environment chose a number (`MALLOC_ARENA_MAX`, or `GLIBC_TUNABLES` naming
    /// `glibc.malloc.arena_max`), which stays. Call it before the threads start. Returns whether
    /// the limit was set.
    @discardableResult
    package static func limitArenas(to count: Int = arenaLimit) -> Bool {
        if getenv("MALLOC_ARENA_MAX") != nil { return false }
        if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("glibc.malloc.arena_max") {
            return false
        }
        return csystem_limit_malloc_arenas(Int32(clamping: max(1, count))) == 1
    }

    /// Gives every arena's whole free pages back to the kernel (`malloc_trim(0)`); their addresses
    /// stay reserved and are filled again on use. Returns whether any memory was given back.
    /// Walks the free chunks of every arena, each locked meanwhile (about a millisecond under the
    /// soak's load): call it now and then (`RathausServer` does at every sweep), not per request.
    @discardableResult
    package static func releaseFreePages() -> Bool {
        csystem_malloc_trim() == 1
    }
}
