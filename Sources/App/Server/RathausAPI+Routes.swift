import HTTPServer

extension RathausAPI {
    /// Every route of the API; `/openapi.json` documents exactly these (a test checks both ways).
    static let allRoutes: [Route] = [
        Route(.get, "/v1/offices", "The offices") { api in { api.listOffices($0, $1) } },
        Route(.get, "/v1/offices/{office}", "One office") { api in { api.showOffice($0, $1) } },
        Route(.get, "/v1/services", "The services with their documents") { api in { api.listServices($0, $1) } },
        Route(
            .get, "/v1/offices/{office}/availability", "Free start times of an office",
            query: ["service", "persons", "from", "to"], repeatable: ["service"]
        ) { api in
            { api.availability($0, $1) }
        },
        Route(
            .get, "/v1/availability/earliest", "The earliest start per office", query: ["service", "persons", "from"],
            repeatable: ["service"]
        ) { api in { api.earliest($0, $1) } },
        Route(.get, "/v1/offices/{office}/closures.ics", "The office's closures as iCalendar") { api in
            { api.closures($0, $1) }
        },
        Route(.post, "/v1/holds", "Hold a start time", readsBody: true) { api in { api.placeHold($0, $1) } },
        Route(.post, "/v1/holds/{hold}/extend", "Extend a hold") { api in { api.extendHold($0, $1) } },
        Route(.delete, "/v1/holds/{hold}", "Release a hold") { api in { api.releaseHold($0, $1) } },
        Route(.post, "/v1/bookings", "Book", readsBody: true) { api in { api.book($0, $1) } },
        Route(.get, "/v1/bookings", "Find a booking by reference (staff)", query: ["reference"]) { api in
            { api.findBooking($0, $1) }
        },
        Route(.get, "/v1/bookings/{booking}", "One booking", query: ["token"]) { api in { api.showBooking($0, $1) } },
        Route(.delete, "/v1/bookings/{booking}", "Cancel a booking", query: ["token"]) { api in
            { api.cancelBooking($0, $1) }
        },
        Route(.post, "/v1/bookings/{booking}/reschedule", "Move a booking", query: ["token"], readsBody: true) {
            api in
            { api.reschedule($0, $1) }
        },
        Route(.get, "/v1/bookings/{booking}/calendar.ics", "A booking's calendar file", query: ["token"]) { api in
            { api.bookingCalendar($0, $1) }
        },
        Route(.get, "/v1/offices/{office}/bookings", "An office's bookings of a day (staff)", query: ["date"]) { api in
            { api.officeBookings($0, $1) }
        },
        Route(.get, "/healthz", "Health") { api in { api.health($0, $1) } },
        Route(.get, "/metrics", "Metrics (Prometheus text format)") { api in { api.metricsText($0, $1) } },
        Route(.get, "/openapi.json", "This API described in OpenAPI 3.1") { api in { api.openAPI($0, $1) } },
        Route(.get, "/problems/{kind}", "What a problem type means") { api in { api.problemPage($0, $1) } },
    ]

    /// Runs `body`, answering with the problem it throws.
    func run(_ reply: @escaping @Sendable (Reply) -> Void, _ body: () throws(APIProblem) -> Void) {
        do {
            try body()
        } catch {
            reply(.problem(error))
        }
    }
}
