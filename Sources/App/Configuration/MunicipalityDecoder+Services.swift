import ICalendar
import Scheduling

extension MunicipalityDecoder {
    // MARK: Services

    static func group(_ reader: JSONReader) throws(JSONPathError) -> ServiceGroup {
        var object = try reader.object()
        let letterReader = try object.required("letter")
        let letter = try letterReader.string()
        guard letter.count == 1, letter.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw letterReader.fail("must be one capital letter A–Z")
        }
        let group = ServiceGroup(
            letter: letter, name: try object.required("name").text(maxLength: 100),
            dailyTicketCap: try object.optional("dailyTicketCap")?.int(in: 1...9999))
        try object.finish()
        return group
    }

    static func service(_ reader: JSONReader, groups: Set<String>) throws(JSONPathError) -> Service {
        var object = try reader.object()
        let id = try identifier(object.required("id"))
        let groupReader = try object.required("group")
        let group = try groupReader.string()
        guard groups.isEmpty || groups.contains(group) else {
            throw groupReader.fail("unknown group \"\(group)\"")
        }
        guard group.count == 1, group.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw groupReader.fail("must be one capital letter A–Z")
        }
        var feeCents: Int?
        var lowestFeeCents: Int?
        var feeNote: String?
        if var fee = try object.optional("fee")?.object() {
            feeCents = try fee.optional("cents")?.int(in: 0...1_000_000)
            if let lowest = fee.optional("lowestCents") {
                guard let feeCents else { throw lowest.fail("needs \"cents\", the highest rate, beside it") }
                lowestFeeCents = try lowest.int(in: 0...feeCents)
            }
            feeNote = try fee.optional("note")?.text()
            try fee.finish()
        }
        let documents = try (object.optional("documents")?.array() ?? []).map(document)
        let service = Service(
            id: ServiceID(id), name: try object.required("name").text(maxLength: 200),
            durationMinutes: try object.required("durationMinutes").int(in: 1...480),
            maxPersons: try object.optional("maxPersons")?.int(in: 1...20) ?? 1,
            bookableOnline: try object.optional("bookableOnline")?.bool() ?? true, feeCents: feeCents,
            lowestFeeCents: lowestFeeCents, feeNote: feeNote, leika: try leika(object.optional("leika")), group: group,
            documents: documents,
            window: try object.optional("window").map(window),
            maxActivePerContact: try object.optional("maxActivePerContact")?.int(in: 1...100),
            rush: try rush(&object),
            confirmByEmailMinutes: try object.optional("confirmByEmailMinutes")?.int(in: 1...10_080))
        try object.finish()
        return service
    }

    static func rush(_ object: inout JSONObjectReader) throws(JSONPathError) -> RushMode? {
        let room = object.optional("waitingRoom")
        let draw = object.optional("draw")
        if let room, draw != nil { throw room.fail("a service has a waiting room or a draw, not both") }
        if let room {
            var fields = try room.object()
            let defaults = WaitingRoomPolicy()
            let policy = WaitingRoomPolicy(
                opensMinutesBefore: try fields.optional("opensMinutesBefore")?.int(in: 0...1440)
                    ?? defaults.opensMinutesBefore,
                admitPerMinute: try fields.optional("admitPerMinute")?.int(in: 1...100_000) ?? defaults.admitPerMinute,
                admissionMinutes: try fields.optional("admissionMinutes")?.int(in: 1...1440)
                    ?? defaults.admissionMinutes,
                activeMinutesAfter: try fields.optional("activeMinutesAfter")?.int(in: 0...10_080)
                    ?? defaults.activeMinutesAfter)
            try fields.finish()
            return .waitingRoom(policy)
        }
        guard let draw else { return nil }
        var fields = try draw.object()
        let office = OfficeID(try identifier(fields.required("office")))
        let closesReader = try fields.required("registrationCloses")
        let closesText = try closesReader.string()
        let parts = closesText.split(separator: "T")
        guard parts.count == 2, let closesDate = LocalDate(iso: parts[0]), let closesTime = LocalTime(hhmm: parts[1])
        else {
            throw closesReader.fail("expected a local time YYYY-MM-DDTHH:MM, got \"\(closesText)\"")
        }
        let slotsFrom = try date(fields.required("slotsFrom"))
        let toReader = try fields.required("slotsTo")
        let slotsTo = try date(toReader)
        guard slotsTo >= slotsFrom else { throw toReader.fail("must not be before slotsFrom") }
        var priorities: [DrawPolicy.Priority] = []
        for reader in try fields.required("priorities").array() {
            var priority = try reader.object()
            let id = try identifier(priority.required("id"))
            guard !priorities.contains(where: { $0.id == id }) else {
                throw reader.fail("priority \"\(id)\" named twice")
            }
            priorities.append(DrawPolicy.Priority(id: id, name: try priority.required("name").text(maxLength: 100)))
            try priority.finish()
        }
        guard !priorities.isEmpty else {
            throw JSONPathError(path: draw.path + ".priorities", message: "must not be empty")
        }
        try fields.finish()
        return .draw(
            DrawPolicy(
                office: office, closesDate: closesDate, closesTime: closesTime, slotsFrom: slotsFrom, slotsTo: slotsTo,
                priorities: priorities))
    }

    static func leika(_ reader: JSONReader?) throws(JSONPathError) -> String? {
        guard let reader else { return nil }
        let key = try reader.string()
        guard key.count == 14, key.allSatisfy(\.isASCIIDigitCharacter) else {
            throw reader.fail("a LeiKa key has 14 digits")
        }
        return key
    }

    static func document(_ reader: JSONReader) throws(JSONPathError) -> Document {
        var object = try reader.object()
        let document = Document(
            name: try object.required("name").text(), note: try object.optional("note")?.text(),
            condition: try object.optional("condition")?.text())
        try object.finish()
        return document
    }

    static func window(_ reader: JSONReader) throws(JSONPathError) -> BookingWindow {
        var object = try reader.object()
        let window = try window(&object, defaults: BookingWindow())
        try object.finish()
        return window
    }

    /// Reads the booking-window fields from `object`, falling back to `defaults`.
    static func window(_ object: inout JSONObjectReader, defaults: BookingWindow) throws(JSONPathError)
        -> BookingWindow
    {
        let window = BookingWindow(
            minNoticeDays: try object.optional("minNoticeDays")?.int(in: 0...365) ?? defaults.minNoticeDays,
            minNoticeMinutes: try object.optional("minNoticeMinutes")?.int(in: 0...10_080) ?? defaults.minNoticeMinutes,
            maxAdvanceDays: try object.optional("maxAdvanceDays")?.int(in: 0...730) ?? defaults.maxAdvanceDays,
            releaseTime: try object.optional("releaseTime").map(time) ?? defaults.releaseTime,
            weeklyRelease: try object.optional("weeklyRelease").map(weeklyRelease) ?? defaults.weeklyRelease)
        guard window.maxAdvanceDays >= window.minNoticeDays else {
            throw object.error("maxAdvanceDays must not be less than minNoticeDays")
        }
        return window
    }

    static func weeklyRelease(_ reader: JSONReader) throws(JSONPathError) -> WeeklyRelease {
        var object = try reader.object()
        let dayReader = try object.required("weekday")
        let key = try dayReader.string()
        guard let weekday = Weekday(key: key) else { throw dayReader.fail("unknown day \"\(key)\"; use mon … sun") }
        let release = WeeklyRelease(
            weekday: weekday, time: try time(object.required("time")),
            weeksAhead: try object.optional("weeksAhead")?.int(in: 0...52) ?? 1)
        try object.finish()
        return release
    }
}
