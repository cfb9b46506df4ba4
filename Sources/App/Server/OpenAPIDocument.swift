/// The OpenAPI 3.1 description of the API at `/openapi.json`. Every route of `RathausAPI` has an
/// operation here and every operation a route (a test checks both ways); the document is also
/// validated against the OpenAPI 3.1 schema in `Scripts/check-openapi`.
package enum OpenAPIDocument {
    /// One operation: how it is called and what it answers.
    struct Operation {
        var method: String
        var path: String
        var id: String
        var tag: String
        var summary: String
        var description: String = ""
        var parameters: [String] = []
        var body: String?
        var responses: [(String, String)]
        var security: String = "[]"
    }

    static let problem = ##"{"$ref":"#/components/responses/Problem"}"##

    static func json(_ schema: String, _ description: String) -> String {
        ##"{"description":"\##(description)","content":{"application/json":{"schema":\##(schema)}}}"##
    }

    static func ref(_ name: String) -> String { ##"{"$ref":"#/components/schemas/\##(name)"}"## }

    static func parameter(_ name: String) -> String { ##"{"$ref":"#/components/parameters/\##(name)"}"## }

    static let staffOnly = ##"[{"staffToken":[]}]"##
    static let bookingAccess = ##"[{"bookingToken":[]},{"bookingTokenQuery":[]},{"staffToken":[]}]"##
    static let optionalStaff = ##"[{},{"staffToken":[]}]"##

    static let operations: [Operation] = [
        Operation(
            method: "get", path: "/v1/offices", id: "listOffices", tag: "Offices", summary: "The offices",
            parameters: [parameter("IfNoneMatch")],
            responses: [
                ("200", json(##"{"type":"array","items":\##(ref("Office"))}"##, "The offices")),
                ("304", ##"{"description":"Not modified"}"##), ("400", problem),
            ]),
        Operation(
            method: "get", path: "/v1/offices/{office}", id: "getOffice", tag: "Offices", summary: "One office",
            parameters: [parameter("Office"), parameter("IfNoneMatch")],
            responses: [
                ("200", json(ref("Office"), "The office")), ("304", ##"{"description":"Not modified"}"##),
                ("400", problem), ("404", problem),
            ]),
        Operation(
            method: "get", path: "/v1/services", id: "listServices", tag: "Offices",
            summary: "The services, with duration, fee, LeiKa key and the documents to bring",
            parameters: [parameter("IfNoneMatch")],
            responses: [
                ("200", json(##"{"type":"array","items":\##(ref("Service"))}"##, "The services")),
                ("304", ##"{"description":"Not modified"}"##), ("400", problem),
            ]),
        Operation(
            method: "get", path: "/v1/offices/{office}/availability", id: "getAvailability", tag: "Availability",
            summary: "Free start times for services and persons, for the caller's channel",
            description:
                "Without a token the online contingent is used; a staff token uses its role's (hotline, counter). Answers carry an ETag; If-None-Match gives 304.",
            parameters: [
                parameter("Office"),
                ##"{"name":"service","in":"query","required":true,"description":"A service id; repeat for several services","schema":{"type":"array","items":{"type":"string"}},"style":"form","explode":true}"##,
                ##"{"name":"persons","in":"query","schema":{"type":"integer","minimum":1,"maximum":20,"default":1}}"##,
                ##"{"name":"from","in":"query","description":"First day (default today)","schema":{"type":"string","format":"date"}}"##,
                ##"{"name":"to","in":"query","description":"Last day (default from + 13 days; at most 92 days)","schema":{"type":"string","format":"date"}}"##,
                parameter("IfNoneMatch"),
            ],
            responses: [
                ("200", json(ref("Availability"), "Free starts by day")), ("304", ##"{"description":"Not modified"}"##),
                ("400", problem), ("404", problem), ("422", problem),
            ],
            security: optionalStaff),
        Operation(
            method: "get", path: "/v1/availability/earliest", id: "getEarliest", tag: "Availability",
            summary: "The earliest start per office, soonest first",
            parameters: [
                ##"{"name":"service","in":"query","required":true,"schema":{"type":"array","items":{"type":"string"}},"style":"form","explode":true}"##,
                ##"{"name":"persons","in":"query","schema":{"type":"integer","minimum":1,"maximum":20,"default":1}}"##,
                ##"{"name":"from","in":"query","schema":{"type":"string","format":"date"}}"##,
            ],
            responses: [
                ("200", json(ref("Earliest"), "The earliest start of each office that has one")), ("400", problem),
                ("422", problem),
            ],
            security: optionalStaff),
        Operation(
            method: "get", path: "/v1/offices/{office}/closures.ics", id: "getClosures", tag: "Offices",
            summary: "The office's closures (holidays, closure days) as an iCalendar file to subscribe to",
            parameters: [parameter("Office")],
            responses: [
                (
                    "200",
                    ##"{"description":"An iCalendar file","content":{"text/calendar":{"schema":{"type":"string"}}}}"##
                ), ("400", problem), ("404", problem),
            ]),
        Operation(
            method: "post", path: "/v1/holds", id: "placeHold", tag: "Bookings",
            summary: "Hold a start time while the form is filled in",
            parameters: [parameter("IdempotencyKey"), parameter("AdmissionToken")], body: ref("HoldRequest"),
            responses: [("201", json(ref("Hold"), "The hold")), ("400", problem), ("409", problem), ("422", problem)],
            security: optionalStaff),
        Operation(
            method: "post", path: "/v1/holds/{hold}/extend", id: "extendHold", tag: "Bookings",
            summary: "Extend a hold",
            parameters: [parameter("Hold"), parameter("IdempotencyKey")],
            responses: [
                ("200", json(ref("Hold"), "The extended hold")), ("400", problem), ("404", problem), ("409", problem),
                ("410", problem),
            ]),
        Operation(
            method: "delete", path: "/v1/holds/{hold}", id: "releaseHold", tag: "Bookings", summary: "Release a hold",
            parameters: [parameter("Hold")],
            responses: [("204", ##"{"description":"Released"}"##), ("400", problem), ("404", problem)]),
        Operation(
            method: "post", path: "/v1/bookings", id: "createBooking", tag: "Bookings",
            summary: "Book a hold, or a start directly",
            description:
                "The answer carries the booking's token once: keep it, it opens the booking. With Idempotency-Key a retry gets the first answer.",
            parameters: [parameter("IdempotencyKey"), parameter("AdmissionToken")], body: ref("BookingRequest"),
            responses: [
                (
                    "201",
                    ##"{"description":"The booking","headers":{"Location":{"schema":{"type":"string"}},"ETag":{"schema":{"type":"string"}}},"content":{"application/json":{"schema":\##(ref("Booking"))}}}"##
                ),
                ("400", problem), ("409", problem), ("410", problem), ("422", problem),
            ],
            security: optionalStaff),
        Operation(
            method: "get", path: "/v1/bookings", id: "findBooking", tag: "Staff",
            summary: "Find a booking by its reference",
            parameters: [##"{"name":"reference","in":"query","required":true,"schema":{"type":"string"}}"##],
            responses: [
                ("200", json(ref("Booking"), "The booking")), ("400", problem), ("401", problem), ("403", problem),
                ("404", problem),
            ],
            security: staffOnly),
        Operation(
            method: "get", path: "/v1/bookings/{booking}", id: "getBooking", tag: "Bookings", summary: "One booking",
            parameters: [parameter("Booking"), parameter("IfNoneMatch")],
            responses: [
                ("200", json(ref("Booking"), "The booking")), ("304", ##"{"description":"Not modified"}"##),
                ("400", problem), ("401", problem), ("403", problem), ("404", problem),
            ],
            security: bookingAccess),
        Operation(
            method: "delete", path: "/v1/bookings/{booking}", id: "cancelBooking", tag: "Bookings",
            summary: "Cancel a booking",
            parameters: [parameter("Booking"), parameter("IfMatch")],
            responses: [
                ("200", json(ref("Booking"), "The cancelled booking")), ("400", problem), ("401", problem),
                ("403", problem),
                ("404", problem), ("409", problem), ("412", problem),
            ],
            security: bookingAccess),
        Operation(
            method: "post", path: "/v1/bookings/{booking}/reschedule", id: "rescheduleBooking", tag: "Bookings",
            summary: "Move a booking to another start in one step (the old time is kept if the new one is gone)",
            parameters: [parameter("Booking"), parameter("IfMatch"), parameter("IdempotencyKey")],
            body:
                ##"{"type":"object","required":["start"],"additionalProperties":false,"properties":{"start":{"type":"string","format":"date-time"}}}"##,
            responses: [
                ("200", json(ref("Booking"), "The moved booking")), ("400", problem), ("401", problem),
                ("403", problem), ("404", problem), ("409", problem), ("412", problem), ("422", problem),
            ],
            security: bookingAccess),
        Operation(
            method: "get", path: "/v1/bookings/{booking}/calendar.ics", id: "getBookingCalendar", tag: "Bookings",
            summary: "The booking as an iCalendar file (METHOD:CANCEL once cancelled)",
            parameters: [parameter("Booking")],
            responses: [
                (
                    "200",
                    ##"{"description":"An iCalendar file","content":{"text/calendar":{"schema":{"type":"string"}}}}"##
                ), ("400", problem), ("401", problem), ("403", problem), ("404", problem),
            ],
            security: bookingAccess),
        Operation(
            method: "get", path: "/v1/offices/{office}/bookings", id: "listOfficeBookings", tag: "Staff",
            summary: "An office's bookings of a day",
            parameters: [
                parameter("Office"), ##"{"name":"date","in":"query","schema":{"type":"string","format":"date"}}"##,
            ],
            responses: [
                ("200", json(ref("BookingList"), "The bookings")), ("400", problem), ("401", problem), ("403", problem),
                ("404", problem),
            ],
            security: staffOnly),
        Operation(
            method: "post", path: "/v1/offices/{office}/tickets", id: "issueTicket", tag: "Queue",
            summary: "Draw a walk-in ticket",
            parameters: [parameter("Office"), parameter("IdempotencyKey")],
            body:
                ##"{"type":"object","required":["services"],"additionalProperties":false,"properties":{"services":{"type":"array","minItems":1,"items":{"type":"string"}}}}"##,
            responses: [
                ("201", json(ref("Ticket"), "The ticket")), ("400", problem), ("401", problem), ("403", problem),
                ("404", problem), ("409", problem), ("422", problem),
            ],
            security: staffOnly),
        Operation(
            method: "post", path: "/v1/offices/{office}/check-in", id: "checkInByReference", tag: "Queue",
            summary: "Check an appointment in by its reference (kiosk); a late arrival may get a walk-in ticket",
            parameters: [parameter("Office")],
            body:
                ##"{"type":"object","required":["reference"],"additionalProperties":false,"properties":{"reference":{"type":"string"}}}"##,
            responses: [
                ("201", json(ref("Ticket"), "The appointment's ticket")), ("400", problem), ("401", problem),
                ("403", problem), ("404", problem), ("409", problem),
            ],
            security: staffOnly),
        Operation(
            method: "post", path: "/v1/bookings/{booking}/check-in", id: "checkInBooking", tag: "Queue",
            summary: "Check an appointment in",
            parameters: [parameter("Booking")],
            responses: [
                ("201", json(ref("Ticket"), "The appointment's ticket")), ("400", problem), ("401", problem),
                ("403", problem),
                ("404", problem), ("409", problem),
            ],
            security: bookingAccess),
        Operation(
            method: "post", path: "/v1/offices/{office}/counters/{counter}/call-next", id: "callNext", tag: "Queue",
            summary: "Call the next ticket this counter can serve",
            parameters: [parameter("Office"), parameter("Counter"), parameter("IdempotencyKey")],
            responses: [
                ("200", json(ref("Ticket"), "The called ticket")),
                ("204", ##"{"description":"Nobody waits that this counter can serve"}"##), ("400", problem),
                ("401", problem),
                ("403", problem), ("404", problem), ("409", problem),
            ],
            security: staffOnly),
        Operation(
            method: "get", path: "/v1/offices/{office}/counters/{counter}", id: "getCounter", tag: "Queue",
            summary: "A counter's current and parked tickets and how many wait for it",
            parameters: [parameter("Office"), parameter("Counter")],
            responses: [
                (
                    "200",
                    json(
                        ##"{"type":"object","properties":{"counter":{"type":"string"},"counterName":{"type":"string"},"current":{"oneOf":[{"$ref":"#/components/schemas/Ticket"},{"type":"null"}]},"parked":{"type":"array","items":{"$ref":"#/components/schemas/Ticket"}},"waiting":{"type":"integer"}}}"##,
                        "The counter")
                ), ("400", problem), ("401", problem), ("403", problem), ("404", problem),
            ],
            security: staffOnly),
        Operation(
            method: "post", path: "/v1/tickets/{ticket}/{action}", id: "ticketAction", tag: "Queue",
            summary: "Act on a ticket at the counter",
            parameters: [
                parameter("Ticket"),
                ##"{"name":"action","in":"path","required":true,"schema":{"type":"string","enum":["recall","start","finish","no-show","park","resume","transfer","urgent"]}}"##,
                parameter("IdempotencyKey"),
            ],
            body:
                ##"{"type":"object","additionalProperties":false,"description":"Only for transfer: other services, a counter, or both","properties":{"services":{"type":"array","items":{"type":"string"}},"counter":{"type":"string"}}}"##,
            responses: [
                ("200", json(ref("Ticket"), "The ticket as it is now")), ("400", problem), ("401", problem),
                ("403", problem), ("404", problem), ("409", problem),
            ],
            security: staffOnly),
        Operation(
            method: "get", path: "/v1/offices/{office}/queue", id: "getBoard", tag: "Queue",
            summary:
                "The board: current and recent calls, waiting counts and estimated waits (numbers only; more for staff)",
            parameters: [parameter("Office")],
            responses: [("200", json(ref("Board"), "The board")), ("400", problem), ("404", problem)],
            security: optionalStaff),
        Operation(
            method: "get", path: "/v1/offices/{office}/queue.txt", id: "getBoardText", tag: "Queue",
            summary: "The board as plain text for LED boards",
            parameters: [parameter("Office")],
            responses: [
                ("200", ##"{"description":"Lines of text","content":{"text/plain":{"schema":{"type":"string"}}}}"##),
                ("400", problem), ("404", problem),
            ]),
        Operation(
            method: "get", path: "/v1/offices/{office}/queue/events", id: "getQueueEvents", tag: "Queue",
            summary:
                "Server-Sent Events: `board` (the whole board) and `queue` (one change, with `id:`; Last-Event-ID resumes)",
            parameters: [parameter("Office"), ##"{"name":"Last-Event-ID","in":"header","schema":{"type":"string"}}"##],
            responses: [
                (
                    "200",
                    ##"{"description":"An event stream","content":{"text/event-stream":{"schema":{"type":"string"}}}}"##
                ), ("400", problem), ("404", problem),
            ]),
        Operation(
            method: "get", path: "/v1/waiting-rooms/{service}", id: "getWaitingRoom", tag: "Rush",
            summary: "A service's waiting room around its release: when it opens, the release, entrants and admitted",
            parameters: [parameter("Service")],
            responses: [("200", json(##"{"type":"object"}"##, "The waiting room")), ("400", problem), ("404", problem)]),
        Operation(
            method: "post", path: "/v1/waiting-rooms/{service}", id: "joinWaitingRoom", tag: "Rush",
            summary: "Join the waiting room: who joins before the release gets a place drawn at random at the release",
            parameters: [parameter("Service")],
            responses: [
                ("201", json(ref("WaitingRoomEntry"), "The entrant (its entry is a secret)")), ("400", problem),
                ("404", problem),
                ("409", problem),
            ]),
        Operation(
            method: "get", path: "/v1/waiting-rooms/{service}/entries/{entry}", id: "getWaitingRoomEntry", tag: "Rush",
            summary: "Where an entrant stands; once admitted, the signed Admission-Token that holds and bookings need",
            parameters: [
                parameter("Service"), ##"{"name":"entry","in":"path","required":true,"schema":{"type":"string"}}"##,
            ],
            responses: [("200", json(ref("WaitingRoomEntry"), "The entrant")), ("400", problem), ("404", problem)]),
        Operation(
            method: "get", path: "/v1/draws/{service}", id: "getDraw", tag: "Rush",
            summary: "A service's draw: registration deadline, the days drawn, priority groups, entries by status",
            parameters: [parameter("Service")],
            responses: [("200", json(##"{"type":"object"}"##, "The draw")), ("400", problem), ("404", problem)]),
        Operation(
            method: "post", path: "/v1/draws/{service}/entries", id: "registerForDraw", tag: "Rush",
            summary: "Register for a draw (one entry per e-mail address or phone number)",
            parameters: [parameter("Service")],
            body:
                ##"{"type":"object","required":["contact","priority"],"additionalProperties":false,"properties":{"contact":{"$ref":"#/components/schemas/Contact"},"priority":{"type":"string"},"persons":{"type":"integer","minimum":1}}}"##,
            responses: [
                (
                    "201",
                    json(
                        ##"{"type":"object","properties":{"id":{"type":"string"},"token":{"type":"string"},"status":{"type":"string"},"registrationCloses":{"type":"string","format":"date-time"}}}"##,
                        "The entry and its token (shown once)")
                ), ("400", problem), ("404", problem), ("409", problem),
            ]),
        Operation(
            method: "get", path: "/v1/draws/{service}/entries/{entry}", id: "getDrawEntry", tag: "Rush",
            summary: "An entry's status: registered, won (with its booking) or its place on the waiting list",
            parameters: [
                parameter("Service"), ##"{"name":"entry","in":"path","required":true,"schema":{"type":"string"}}"##,
            ],
            responses: [
                (
                    "200",
                    json(
                        ##"{"type":"object","properties":{"id":{"type":"string"},"status":{"type":"string","enum":["registered","won","waitlisted","withdrawn"]},"waitingListPlace":{"type":"integer"},"booking":{"$ref":"#/components/schemas/Booking"}}}"##,
                        "The entry")
                ), ("400", problem), ("401", problem), ("403", problem), ("404", problem),
            ],
            security: ##"[{"bookingToken":[]}]"##),
        Operation(
            method: "delete", path: "/v1/draws/{service}/entries/{entry}", id: "withdrawFromDraw", tag: "Rush",
            summary: "Withdraw; a won time is offered to the next on the waiting list",
            parameters: [
                parameter("Service"), ##"{"name":"entry","in":"path","required":true,"schema":{"type":"string"}}"##,
            ],
            responses: [
                ("204", ##"{"description":"Withdrawn"}"##), ("400", problem), ("401", problem), ("403", problem),
                ("404", problem),
            ],
            security: ##"[{"bookingToken":[]}]"##),
        Operation(
            method: "get", path: "/healthz", id: "health", tag: "Operations", summary: "Health",
            responses: [
                ("200", json(##"{"type":"object"}"##, "Healthy")),
                ("503", json(##"{"type":"object"}"##, "The database does not answer")),
            ]),
        Operation(
            method: "get", path: "/metrics", id: "metrics", tag: "Operations",
            summary: "Metrics in the Prometheus text format",
            responses: [("200", ##"{"description":"Metrics","content":{"text/plain":{"schema":{"type":"string"}}}}"##)]),
        Operation(
            method: "get", path: "/openapi.json", id: "openAPI", tag: "Operations", summary: "This document",
            responses: [("200", json(##"{"type":"object"}"##, "The OpenAPI document"))]),
        Operation(
            method: "get", path: "/problems/{kind}", id: "problemType", tag: "Operations",
            summary: "What a problem type means",
            parameters: [##"{"name":"kind","in":"path","required":true,"schema":{"type":"string"}}"##],
            responses: [
                ("200", ##"{"description":"An explanation","content":{"text/plain":{"schema":{"type":"string"}}}}"##),
                ("404", problem),
            ]),
    ]

    static let components = ##"""
        "securitySchemes":{
          "staffToken":{"type":"http","scheme":"bearer","description":"A staff token (rst_…) made with 'rathaus token create'; its role decides the channel and contingent."},
          "bookingToken":{"type":"http","scheme":"bearer","description":"The token a booking's confirmation carries; it opens that booking only."},
          "bookingTokenQuery":{"type":"apiKey","in":"query","name":"token","description":"The booking's token in links (the manage link, the calendar file)."}
        },
        "parameters":{
          "Office":{"name":"office","in":"path","required":true,"schema":{"type":"string"}},
          "Hold":{"name":"hold","in":"path","required":true,"schema":{"type":"string"}},
          "Booking":{"name":"booking","in":"path","required":true,"schema":{"type":"string"}},
          "Ticket":{"name":"ticket","in":"path","required":true,"schema":{"type":"string"}},
          "Counter":{"name":"counter","in":"path","required":true,"schema":{"type":"string"}},
          "Service":{"name":"service","in":"path","required":true,"schema":{"type":"string"}},
          "IdempotencyKey":{"name":"Idempotency-Key","in":"header","description":"A unique key per request: a retry with the same key gets the first answer.","schema":{"type":"string","maxLength":255}},
          "IfMatch":{"name":"If-Match","in":"header","description":"The booking's ETag, compared strongly: the change is refused with 412 if the booking changed since, and a weak ETag (W/…) never matches.","schema":{"type":"string"}},
          "IfNoneMatch":{"name":"If-None-Match","in":"header","schema":{"type":"string"}},
          "AdmissionToken":{"name":"Admission-Token","in":"header","description":"While a service's waiting room is open, the token its entrant got when admitted.","schema":{"type":"string"}}
        },
        "responses":{
          "Problem":{"description":"An RFC 9457 problem","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}
        },
        "schemas":{
          "Problem":{"type":"object","required":["type","title","status"],"properties":{
            "type":{"type":"string","description":"A URI reference; /problems/{kind} explains it"},"title":{"type":"string"},"status":{"type":"integer"},
            "detail":{"type":"string"},"instance":{"type":"string"},
            "errors":{"type":"array","items":{"type":"object","required":["field","message"],"properties":{"field":{"type":"string"},"message":{"type":"string"}}}}}},
          "WeeklyRule":{"type":"object","required":["days","from","to"],"properties":{
            "days":{"type":"array","items":{"type":"string","enum":["mon","tue","wed","thu","fri","sat","sun"]}},
            "from":{"type":"string","pattern":"^[0-2][0-9]:[0-5][0-9]$"},"to":{"type":"string","pattern":"^[0-2][0-9]:[0-5][0-9]$"},
            "validFrom":{"type":"string","format":"date"},"validUntil":{"type":"string","format":"date"},"everyWeeks":{"type":"integer"}}},
          "Office":{"type":"object","required":["id","name","address","timeZone","state","services"],"properties":{
            "id":{"type":"string"},"name":{"type":"string"},"address":{"type":"array","items":{"type":"string"}},
            "timeZone":{"type":"string","examples":["Europe/Berlin"]},"state":{"type":"string","examples":["DE-SH"]},
            "services":{"type":"array","items":{"type":"string"}},
            "openingHours":{"type":"array","items":{"$ref":"#/components/schemas/WeeklyRule"}},
            "breaks":{"type":"array","items":{"$ref":"#/components/schemas/WeeklyRule"}},
            "counters":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}}}},
            "links":{"type":"object","additionalProperties":{"type":"string"}}}},
          "Document":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"note":{"type":"string"},"condition":{"type":"string"}}},
          "Fee":{"type":"object","properties":{"cents":{"type":"integer"},"text":{"type":"string"},"note":{"type":"string"}}},
          "Service":{"type":"object","required":["id","name","durationMinutes","maxPersons","bookableOnline","group","documents"],"properties":{
            "id":{"type":"string"},"name":{"type":"string"},"durationMinutes":{"type":"integer"},"maxPersons":{"type":"integer"},
            "bookableOnline":{"type":"boolean"},"fee":{"oneOf":[{"$ref":"#/components/schemas/Fee"},{"type":"null"}]},
            "leika":{"type":["string","null"]},"group":{"type":"string"},
            "documents":{"type":"array","items":{"$ref":"#/components/schemas/Document"}},"offices":{"type":"array","items":{"type":"string"}}}},
          "Availability":{"type":"object","required":["office","services","persons","durationMinutes","days"],"properties":{
            "office":{"type":"string"},"services":{"type":"array","items":{"type":"string"}},"persons":{"type":"integer"},
            "durationMinutes":{"type":"integer"},"channel":{"type":"string","enum":["online","hotline","counter","kiosk"]},
            "from":{"type":"string","format":"date"},"to":{"type":"string","format":"date"},
            "days":{"type":"array","items":{"type":"object","required":["date","slots"],"properties":{
              "date":{"type":"string","format":"date"},"slots":{"type":"array","items":{"type":"string","format":"date-time"}}}}}}},
          "Earliest":{"type":"object","properties":{"services":{"type":"array","items":{"type":"string"}},"persons":{"type":"integer"},
            "channel":{"type":"string"},"draw":{"type":"string","description":"For the public, a service handed out by a draw: where to register (and no offices)"},
            "offices":{"type":"array","items":{"type":"object","required":["office","name","start"],"properties":{
              "office":{"type":"string"},"name":{"type":"string"},"start":{"type":"string","format":"date-time"}}}}}},
          "HoldRequest":{"type":"object","required":["office","services","start"],"additionalProperties":false,"properties":{
            "office":{"type":"string"},"services":{"type":"array","minItems":1,"items":{"type":"string"}},
            "persons":{"type":"integer","minimum":1,"maximum":20,"default":1},"start":{"type":"string","format":"date-time"}}},
          "Hold":{"type":"object","required":["id","expiresAt","office","start","end"],"properties":{
            "id":{"type":"string"},"expiresAt":{"type":"string","format":"date-time"},"office":{"type":"string"},
            "services":{"type":"array","items":{"type":"string"}},"persons":{"type":"integer"},
            "start":{"type":"string","format":"date-time"},"end":{"type":"string","format":"date-time"},"channel":{"type":"string"},
            "extensions":{"type":"integer"},"maxExtensions":{"type":"integer"},"links":{"type":"object","additionalProperties":{"type":"string"}}}},
          "Contact":{"type":"object","required":["name"],"additionalProperties":false,"properties":{
            "name":{"type":"string","maxLength":200},"email":{"type":"string","format":"email"},"phone":{"type":"string"}},
            "description":"Online bookings need an e-mail address or a phone number."},
          "BookingRequest":{"type":"object","required":["contact"],"additionalProperties":false,"properties":{
            "hold":{"type":"string","description":"A hold to book; or give office, services, persons and start"},
            "office":{"type":"string"},"services":{"type":"array","minItems":1,"items":{"type":"string"}},
            "persons":{"type":"integer","minimum":1,"maximum":20},"start":{"type":"string","format":"date-time"},
            "contact":{"$ref":"#/components/schemas/Contact"}}},
          "Booking":{"type":"object","required":["id","reference","status","office","counter","services","persons","start","end","documents","links"],"properties":{
            "id":{"type":"string"},"reference":{"type":"string","examples":["K7M-4PQ"]},
            "token":{"type":"string","description":"Only in the answer that creates the booking"},
            "status":{"type":"string","enum":["booked","cancelled"]},"office":{"type":"string"},"officeName":{"type":"string"},
            "address":{"type":"array","items":{"type":"string"}},"counter":{"type":"string"},"counterName":{"type":"string"},
            "services":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}}}},
            "persons":{"type":"integer"},"start":{"type":"string","format":"date-time"},"end":{"type":"string","format":"date-time"},
            "channel":{"type":"string"},"sequence":{"type":"integer"},"fee":{"$ref":"#/components/schemas/Fee"},
            "documents":{"type":"array","items":{"$ref":"#/components/schemas/Document"}},"contact":{"$ref":"#/components/schemas/Contact"},
            "links":{"type":"object","additionalProperties":{"type":"string"}}}},
          "Ticket":{"type":"object","required":["id","number","state","services","issuedAt"],"properties":{
            "id":{"type":"string"},"number":{"type":"string","examples":["A017"]},"group":{"type":"string"},
            "state":{"type":"string","enum":["waiting","called","serving","done","noShow","parked"]},
            "services":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}}}},
            "issuedAt":{"type":"string","format":"date-time"},"appointment":{"type":"string"},"urgent":{"type":"boolean"},
            "recalls":{"type":"integer"},"counter":{"type":"string"},"counterName":{"type":"string"},"ahead":{"type":"integer"},
            "estimatedWaitMinutes":{"type":"integer"},"documents":{"type":"array","items":{"$ref":"#/components/schemas/Document"}},
            "lateArrival":{"type":"boolean"},"notice":{"type":"string"},"links":{"type":"object","additionalProperties":{"type":"string"}}}},
          "BoardCall":{"type":"object","required":["ticket","number","counter","counterName"],"properties":{
            "ticket":{"type":"string"},"number":{"type":"string"},"counter":{"type":"string"},"counterName":{"type":"string"},
            "calledAt":{"type":"string"},"recalls":{"type":"integer"},"state":{"type":"string"}}},
          "Board":{"type":"object","required":["office","name","sequence","calls","recent","groups"],"properties":{
            "office":{"type":"string"},"name":{"type":"string"},"date":{"type":"string"},"time":{"type":"string"},"sequence":{"type":"integer"},
            "calls":{"type":"array","items":{"$ref":"#/components/schemas/BoardCall"}},"recent":{"type":"array","items":{"$ref":"#/components/schemas/BoardCall"}},
            "groups":{"type":"array","items":{"type":"object","properties":{"letter":{"type":"string"},"name":{"type":"string"},"waiting":{"type":"integer"},"estimatedWaitMinutes":{"type":"integer"}}}},
            "waiting":{"type":"array","description":"Staff only","items":{"type":"object"}}}},
          "WaitingRoomEntry":{"type":"object","required":["service","entry","status"],"properties":{
            "service":{"type":"string"},"entry":{"type":"string"},"releaseAt":{"type":"string","format":"date-time"},
            "status":{"type":"string","enum":["waiting","admitted","expired"]},"place":{"type":"integer"},
            "admissionAt":{"type":"string","format":"date-time"},"admittedUntil":{"type":"string","format":"date-time"},
            "admissionToken":{"type":"string","description":"Send as Admission-Token with holds and bookings of the service"},
            "notice":{"type":"string"},"links":{"type":"object","additionalProperties":{"type":"string"}}}},
          "BookingList":{"type":"object","properties":{"office":{"type":"string"},"date":{"type":"string","format":"date"},
            "bookings":{"type":"array","items":{"$ref":"#/components/schemas/Booking"}}}}
        }
        """##

    /// The document's bytes.
    package static let json: [UInt8] = {
        var paths: [String: [Operation]] = [:]
        var order: [String] = []
        for operation in operations {
            if paths[operation.path] == nil { order.append(operation.path) }
            paths[operation.path, default: []].append(operation)
        }
        var text = ##"{"openapi":"3.1.0","info":{"title":"Rathaus","version":"1","description":"##
        text +=
            ##""Appointment booking and the waiting-room queue of a municipal citizen office. Times are RFC 3339 with the office's UTC offset; errors are RFC 9457 problems. Bad input changes nothing: a query parameter an operation does not list, a parameter given twice (but service), a body where an operation takes none (but {}), and a body that is not application/json in UTF-8 are 400 validation problems.","##
        text += ##""license":{"name":"Proprietary","identifier":"LicenseRef-Rathaus"}},"servers":[{"url":"/"}],"##
        text +=
            ##""tags":[{"name":"Offices"},{"name":"Availability"},{"name":"Bookings"},{"name":"Staff"},{"name":"Queue"},{"name":"Rush"},{"name":"Operations"}],"##
        text += ##""paths":{"##
        text += order.map { path in
            "\"\(path)\":{"
                + (paths[path] ?? []).map { operation in
                    var members = [
                        "\"operationId\":\"\(operation.id)\"", "\"tags\":[\"\(operation.tag)\"]",
                        "\"summary\":\"\(operation.summary)\"",
                    ]
                    if !operation.description.isEmpty { members.append("\"description\":\"\(operation.description)\"") }
                    if !operation.parameters.isEmpty {
                        members.append("\"parameters\":[" + operation.parameters.joined(separator: ",") + "]")
                    }
                    if let body = operation.body {
                        members.append(
                            ##""requestBody":{"required":true,"content":{"application/json":{"schema":\##(body)}}}"##)
                    }
                    members.append(
                        "\"responses\":{" + operation.responses.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
                            + "}")
                    members.append("\"security\":\(operation.security)")
                    return "\"\(operation.method)\":{" + members.joined(separator: ",") + "}"
                }.joined(separator: ",") + "}"
        }.joined(separator: ",")
        text += "},\"components\":{" + components + "}}"
        return Array(text.utf8)
    }()

    /// The method and path of every operation (for the test against the routes).
    package static var routes: [(method: String, path: String)] {
        operations.map { ($0.method.uppercased(), $0.path) }
    }
}
