/// The schemas, parameters and security schemes of `/openapi.json`: what the routes' operations
/// refer to. The representations they describe are written in `Representations` and
/// `QueueRepresentations`; a test checks answers against them.
enum OpenAPIComponents {
    /// The components every operation refers to: security schemes, parameters, the problem answer
    /// and the schemas of the representations.
    static let components = ##"""
        "securitySchemes":{
          "staffToken":{"type":"http","scheme":"bearer","description":"A staff token (rst_…) made with 'rathaus token create'; its role decides the channel and contingent."},
          "staffSession":{"type":"apiKey","in":"cookie","name":"rathaus_session","description":"The session of a staff member signed in at /staff/sign-in; a request that changes something also carries the session's form token as X-CSRF-Token. Their roles per office decide the channel and what they may do."},
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
            "mapURL":{"type":"string","format":"uri","description":"A map showing the way there"},
            "timeZone":{"type":"string","examples":["Europe/Berlin"]},"state":{"type":"string","examples":["DE-SH"]},
            "services":{"type":"array","items":{"type":"string"}},
            "openingHours":{"type":"array","items":{"$ref":"#/components/schemas/WeeklyRule"}},
            "breaks":{"type":"array","items":{"$ref":"#/components/schemas/WeeklyRule"}},
            "counters":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}}}},
            "links":{"type":"object","additionalProperties":{"type":"string"}}}},
          "Document":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"note":{"type":"string"},"condition":{"type":"string"},
            "services":{"type":"array","items":{"type":"string"},"description":"In a booking of several services: the ones that ask for this item, when not all do"}}},
          "Fee":{"type":"object","properties":{"cents":{"type":"integer","description":"The regular (highest) rate; for a booking, times its persons"},
            "lowestCents":{"type":"integer","description":"The lowest rate where the fee has several (a reduced one for those under 24)"},
            "text":{"type":"string","description":"German: one amount or the range, 45,60 € bis 74,00 €"},"note":{"type":"string"}}},
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
              "office":{"type":"string"},"name":{"type":"string"},"start":{"type":"string","format":"date-time"}}}},
            "partial":{"type":"boolean","description":"True when an instance serving some offices did not answer in time (several instances): their offices are missing from the list"},
            "missing":{"type":"array","items":{"type":"string"},"description":"With partial: the instances that did not answer, with the offices they serve"}}},
          "HoldRequest":{"type":"object","required":["office","services","start"],"additionalProperties":false,"properties":{
            "office":{"type":"string"},"services":{"type":"array","minItems":1,"items":{"type":"string"}},
            "persons":{"type":"integer","minimum":1,"maximum":20,"default":1},"start":{"type":"string","format":"date-time"}}},
          "Hold":{"type":"object","required":["id","expiresAt","office","start","end"],"properties":{
            "id":{"type":"string"},"expiresAt":{"type":"string","format":"date-time"},"office":{"type":"string"},
            "services":{"type":"array","items":{"type":"string"}},"persons":{"type":"integer"},
            "start":{"type":"string","format":"date-time"},"end":{"type":"string","format":"date-time"},"channel":{"type":"string"},
            "extensions":{"type":"integer"},"maxExtensions":{"type":"integer"},"links":{"type":"object","additionalProperties":{"type":"string"}}}},
          "Contact":{"type":"object","required":["name"],"additionalProperties":false,"properties":{
            "name":{"type":"string","maxLength":200},"email":{"type":"string","format":"email"},"phone":{"type":"string"},
            "language":{"type":"string","enum":["de","en"],"default":"de","description":"The language of the messages to the citizen"}},
            "description":"Online bookings need an e-mail address or a phone number; only an e-mail address gets mail."},
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
            "channel":{"type":"string"},"sequence":{"type":"integer"},"language":{"type":"string","enum":["de","en"]},
            "confirmBy":{"type":"string","format":"date-time","description":"Set while the booking waits for its confirmation by e-mail (double opt-in)"},
            "released":{"type":"boolean","description":"Not confirmed in time: its time was released"},
            "fee":{"$ref":"#/components/schemas/Fee"},
            "documents":{"type":"array","items":{"$ref":"#/components/schemas/Document"}},"contact":{"$ref":"#/components/schemas/Contact"},
            "checkedIn":{"type":"boolean","description":"In an office's list of a day: whether the appointment has a ticket"},
            "ticket":{"type":"string","description":"In an office's list of a day: the number of its ticket once checked in"},
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
            "bookings":{"type":"array","items":{"$ref":"#/components/schemas/Booking"}}}},
          "BookingSearch":{"type":"object","required":["query"],"additionalProperties":false,"properties":{
            "query":{"type":"string","minLength":3,"maxLength":200,"description":"A reference, a phone number, part of an e-mail address or of the name"}}},
          "BookingSearchResult":{"type":"object","required":["kind","bookings","more"],"properties":{
            "kind":{"type":"string","enum":["reference","phone","email","name"],"description":"What the query was taken for"},
            "bookings":{"type":"array","items":{"$ref":"#/components/schemas/Booking"}},
            "more":{"type":"boolean","description":"Whether more bookings matched than the 20 shown"}}},
          "Configuration":{"type":"object","required":["version","document"],"properties":{
            "version":{"type":"integer"},"document":{"type":"object","description":"The configuration in the format of the configuration file"},
            "calendars":{"type":"array","items":{"type":"string"}},"at":{"type":"string","format":"date-time"},"actor":{"type":"string"},
            "source":{"type":"string","enum":["file","console"]},"summary":{"type":"string"}}},
          "AffectedBooking":{"type":"object","required":["id","reference","office","start","reason"],"properties":{
            "id":{"type":"string"},"reference":{"type":"string"},"office":{"type":"string"},"counter":{"type":"string"},
            "start":{"type":"string","format":"date-time"},"end":{"type":"string","format":"date-time"},
            "services":{"type":"array","items":{"type":"string"}},"reason":{"type":"string"},
            "contact":{"$ref":"#/components/schemas/Contact"},"proposedStart":{"type":"string","format":"date-time"}}},
          "ConfigurationPreview":{"type":"object","required":["version","changes","affected"],"properties":{
            "version":{"type":"integer"},"changedOffices":{"type":"array","items":{"type":"string"}},
            "changes":{"type":"array","items":{"type":"object","properties":{"path":{"type":"string"},"kind":{"type":"string","enum":["added","removed","changed"]},
              "before":{"type":"string"},"after":{"type":"string"},"text":{"type":"string"}}}},
            "affected":{"type":"array","items":{"$ref":"#/components/schemas/AffectedBooking"}},
            "weeks":{"type":"array","description":"The week (weekFrom) of each changed office as the new configuration opens it","items":{"$ref":"#/components/schemas/WeekPlan"}}}},
          "ConfigurationSaved":{"type":"object","required":["version","offices"],"properties":{
            "version":{"type":"integer"},"offices":{"type":"array","items":{"type":"object","properties":{
              "office":{"type":"string"},"kept":{"type":"array","items":{"type":"object"}},"moved":{"type":"array","items":{"type":"object"}},
              "cancelled":{"type":"array","items":{"type":"object","description":"notice: email (the citizen gets a mail), phone (call: contact has the phone) or none","properties":{
                "id":{"type":"string"},"reference":{"type":"string"},"start":{"type":"string","format":"date-time"},
                "notice":{"type":"string","enum":["email","phone","none"]},"contact":{"type":"object","properties":{"name":{"type":"string"},"phone":{"type":"string"}}}}}},
              "unmovable":{"type":"array","items":{"type":"string"}}}}}}},
          "WeekPlan":{"type":"object","required":["office","from","days"],"properties":{
            "office":{"type":"string"},"from":{"type":"string","format":"date"},
            "days":{"type":"array","items":{"type":"object","properties":{"date":{"type":"string","format":"date"},"weekday":{"type":"string"},
              "counters":{"type":"array","items":{"type":"object","properties":{"counter":{"type":"string"},"name":{"type":"string"},
                "intervals":{"type":"array","items":{"type":"object","properties":{"from":{"type":"string"},"to":{"type":"string"},
                  "openTo":{"type":"string","enum":["online","hotline","counter","walkIn"]}}}},
                "closures":{"type":"array","items":{"type":"string"}}}}}}}}}},
          "FlaggedBookings":{"type":"object","required":["office","bookings"],"properties":{"office":{"type":"string"},
            "bookings":{"type":"array","items":{"type":"object","properties":{"booking":{"$ref":"#/components/schemas/Booking"},
              "reason":{"type":"string"},"version":{"type":"integer"},"flaggedAt":{"type":"string","format":"date-time"}}}}}},
          "AuditLog":{"type":"object","required":["entries"],"properties":{
            "entries":{"type":"array","items":{"type":"object","required":["id","at","actor","role","action"],"properties":{
              "id":{"type":"integer"},"at":{"type":"string","format":"date-time"},"actor":{"type":"string"},"actorName":{"type":"string"},
              "role":{"type":"string"},"action":{"type":"string"},"office":{"type":"string"},"target":{"type":"string"},"detail":{"type":"string"}}}}}},
          "ConfigurationHistory":{"type":"object","required":["versions"],"properties":{
            "versions":{"type":"array","items":{"type":"object","required":["version","at","actor","source","summary"],"properties":{
              "version":{"type":"integer"},"at":{"type":"string","format":"date-time"},"actor":{"type":"string"},
              "source":{"type":"string","enum":["file","console"]},"summary":{"type":"string"}}}}}},
          "Durations":{"type":"object","description":"Seconds; percentiles interpolate between ranks (type 7)","required":["count"],"properties":{
            "count":{"type":"integer"},"mean":{"type":"number"},"median":{"type":"number"},"p90":{"type":"number"},"max":{"type":"integer"},
            "overTarget":{"type":"integer"},"shareOverTarget":{"type":"number"}}},
          "StatisticsFigures":{"type":"object","required":["tickets","served"],"properties":{
            "tickets":{"type":"object","properties":{"walkIn":{"type":"integer"},"kiosk":{"type":"integer"},"appointment":{"type":"integer"},"total":{"type":"integer"}}},
            "served":{"type":"integer"},"walkInNoShows":{"type":"integer"},"walkInNoShowRate":{"type":"number"},"unfinished":{"type":"integer"},
            "wait":{"$ref":"#/components/schemas/Durations"},"toCounter":{"$ref":"#/components/schemas/Durations"},
            "service":{"$ref":"#/components/schemas/Durations"},"planned":{"$ref":"#/components/schemas/Durations"},
            "bookings":{"type":"integer"},"kept":{"type":"integer"},"cancelled":{"type":"integer"},"moves":{"type":"integer"},
            "appointmentNoShows":{"type":"integer"},"appointmentNoShowRate":{"type":"number"},"leadTime":{"$ref":"#/components/schemas/Durations"},
            "days":{"type":"integer"},"openedSeconds":{"type":"integer"},"bookableSeconds":{"type":"integer"},
            "bookedSeconds":{"type":"integer"},"usedSeconds":{"type":"integer"}}},
          "StatisticsRelease":{"type":"object","description":"A waiting-room release or a draw of a scarce service","required":["service","kind","at","firstDay","lastDay","slots","registrations","booked"],"properties":{
            "service":{"type":"string"},"kind":{"type":"string","enum":["waiting-room","draw"]},"at":{"type":"string","format":"date-time"},
            "firstDay":{"type":"string","format":"date"},"lastDay":{"type":"string","format":"date"},
            "slots":{"type":"integer","description":"One-person slots of the service on the released days"},
            "registrations":{"type":"integer","description":"Waiting-room entrants or draw entries"},
            "booked":{"type":"integer","description":"Slots taken by bookings still kept"},
            "soldOutSeconds":{"type":"integer","description":"From the release until its last free slot was booked; absent when never sold out"}}},
          "Statistics":{"type":"object","required":["office","from","to","targetSeconds","total","breakdowns","releases"],"properties":{
            "office":{"type":"string"},"from":{"type":"string","format":"date"},"to":{"type":"string","format":"date"},
            "targetSeconds":{"type":"integer"},"total":{"$ref":"#/components/schemas/StatisticsFigures"},
            "breakdowns":{"type":"object","description":"By day, weekday, hour, group, service, channel and counter",
              "additionalProperties":{"type":"array","items":{"allOf":[{"$ref":"#/components/schemas/StatisticsFigures"},
                {"type":"object","required":["key"],"properties":{"key":{"type":"string"}}}]}}},
            "releases":{"type":"array","items":{"$ref":"#/components/schemas/StatisticsRelease"}}}}
        }
        """##
}
