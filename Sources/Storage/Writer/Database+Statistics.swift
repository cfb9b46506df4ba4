package import Scheduling

extension Database {
    /// Rolls the finished days of every office up into the statistics' anonymous facts
    /// (Documentation/Statistics.md, "How anonymity works"): each day from the office's first
    /// record, or the day after the last rolled up, through yesterday in the office's time zone,
    /// one transaction per day so that the writers wait little. Returns how many days it stored.
    /// Run before personal data is erased, so that the facts are taken while the records are whole.
    @discardableResult
    package func rollUpStatistics(offices: [Office], services: [Service], now: Instant) throws -> Int {
        let byID = Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var stored = 0
        for office in offices {
            let yesterday = office.timeZone.local(now).date.adding(days: -1)
            let start = try committer.withConnection { connection -> LocalDate? in
                if let last = try connection.lastRolledUpDay(office: office.id) { return last.adding(days: 1) }
                return try connection.firstRecordedDay(office: office.id)
            }
            guard var day = start else { continue }
            while day <= yesterday {
                let date = day
                try committer.withConnection { connection in
                    try connection.transaction(.immediate) {
                        let facts = try connection.dayRecords(office: office.id, date: date)
                            .facts(office: office, services: byID)
                        try connection.insertStatistics(facts, office: office.id, at: now)
                    }
                }
                stored += 1
                day = day.adding(days: 1)
            }
        }
        return stored
    }
}
