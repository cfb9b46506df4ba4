/// The schema of the Rathaus database: the application id that marks the file and the numbered
/// migration steps that build its tables.
package enum RathausSchema {
    /// PRAGMA application_id of every Rathaus database: "RTHS" in ASCII, so that `file(1)` and
    /// this program can tell the file from other SQLite databases
    /// (sqlite.org/fileformat2.html#application_id).
    package static let applicationID: Int32 = 0x5254_4853

    /// Every step, in order, append-only once released (see `Migration`).
    package static let migrations: [Migration] = [
        Migration(version: 1, name: "bookings, holds, queue, staff tokens, idempotency keys, audit log", sql: version1),
        Migration(version: 2, name: "server secret, waiting rooms, draws", sql: version2),
        Migration(version: 3, name: "idempotency keys recorded with their change", sql: version3),
        Migration(version: 4, name: "configuration versions, flagged bookings", sql: version4),
        Migration(version: 5, name: "ticket pages and tickets from home", sql: version5),
        Migration(version: 6, name: "statistics: who issued a ticket, moves, anonymous daily facts", sql: statistics),
        // Assigned number 6, which statistics took when it was merged first: the next free one.
        Migration(version: 7, name: "staff members, sessions, the audit's names", sql: staffSignIn),
        Migration(version: 8, name: "mail: the outbox, a booking's language and double opt-in", sql: mail),
        Migration(version: 9, name: "wishes and their offers", sql: wishes),
        Migration(version: 10, name: "statistics: each day's facts packed with the day", apply: statisticsDigests),
        Migration(version: 11, name: "CHECKs of a few constants as comparisons, not IN lists", apply: constantsChecks),
        Migration(version: 12, name: "occupancy found by its key, not by an index of bookings", sql: occupancyByKey),
        Migration(
            version: 13, name: "bookings and messages indexed in the order they are made", sql: indexesInOrderMade),
    ]

    /// Two indexes that every booking wrote at its own place are replaced by ones it writes at
    /// their end, where the other bookings of its commit write too: at the 100-office town, the
    /// log's frames per booking fell from 7.5 to 5.9 (Documentation/Performance.md).
    ///
    /// - `booking_ends_at` (the end time of the bookings not erased) becomes `booking_unerased`,
    ///   the same bookings by creation time. Its readers, retention and the staff's search, read
    ///   every booking not erased and check the end time in the row. Erasing a booking erases
    ///   the token kept for its links too (it was gone already: it goes once a booking is over),
    ///   so that only bookings not erased keep one.
    /// - `outbox_booking` (a message's booking id, which starts with its office: a hundred places
    ///   at a town of a hundred offices) becomes `outbox_booking_made`, the id without the office:
    ///   its time-ordered part (`RecordID`). The queries that find a booking's messages compare
    ///   that expression (`SQLiteConnection.messageBookingKey`) and then the whole id.
    static let indexesInOrderMade = """
        DROP INDEX booking_ends_at;
        UPDATE booking SET link_secret = NULL WHERE erased_at IS NOT NULL AND link_secret IS NOT NULL;
        CREATE INDEX booking_unerased ON booking (created_at) WHERE erased_at IS NULL;
        DROP INDEX outbox_booking;
        CREATE INDEX outbox_booking_made ON outbox (substr(booking, instr(booking, '.') + 1));
        """

    /// The occupancy's index by booking goes: a booking wrote one entry in it per grid unit, at a
    /// random place (a booking's id starts with its office), so a group commit of 30 bookings at
    /// a town of 100 offices wrote about 53 of its pages to the log, a fifth of the commit's
    /// pages. Its only use was to find a booking's rows when it is cancelled or moved; they are
    /// found by the key instead (`SQLiteConnection.deleteOccupancy`): the office, the counter and
    /// the minutes around the booking's stored times. Bookings are never deleted, so the
    /// reference's ON DELETE CASCADE never needs to look the rows up by booking.
    static let occupancyByKey = """
        DROP INDEX occupancy_booking;
        """

    /// Every CHECK of steps 1–9 that allows a column one of three or more constants is written as
    /// comparisons joined by OR (`ConstantsCheck`): the same rule, without the ephemeral B-tree
    /// SQLite 3.40 builds for an IN list in every INSERT and UPDATE that checks it (about 75,000
    /// instructions of a booking, for its row's channel and its outbox rows' status). Two-value
    /// lists (`booking.status`, `staff_session.method`) are compared directly already and stay.
    ///
    /// How: the constraints' text is replaced in the stored table definitions with
    /// `PRAGMA writable_schema`, the procedure sqlite.org/lang_altertable.html#otheralter allows
    /// for a CHECK that every stored row satisfies (`SQLiteConnection.editTableDefinitions`:
    /// defensive mode lifted for the rewrite alone, schema version raised, integrity check). It
    /// is simpler to prove than rebuilding the seven tables: each edit replaces text that must
    /// occur exactly once with an equivalent constraint, and nothing else of the file changes
    /// (rows, indexes, foreign keys that refer to `booking` and `wish`, AUTOINCREMENT counters),
    /// where a rebuild would copy every row and recreate every index and reference by hand.
    static func constantsChecks(_ connection: SQLiteConnection) throws {
        try connection.editTableDefinitions(constantsChecksWithInLists.map(\.edit))
    }

    /// The CHECKs that step 11 rewrites, as steps 1–9 wrote them.
    static let constantsChecksWithInLists = [
        ConstantsCheck(table: "booking", column: "channel", values: ["online", "hotline", "counter", "kiosk"]),
        ConstantsCheck(table: "outbox", column: "status", values: ["waiting", "sent", "failed", "dropped"]),
        ConstantsCheck(table: "wish_message", column: "status", values: ["waiting", "sent", "failed", "dropped"]),
        ConstantsCheck(table: "wish", column: "channel", values: ["online", "hotline", "counter", "kiosk"]),
        ConstantsCheck(
            table: "wish", column: "status", values: ["unconfirmed", "waiting", "booked", "withdrawn", "ended"]),
        ConstantsCheck(
            table: "wish_offer", column: "status", values: ["open", "booked", "declined", "expired", "withdrawn"]),
        ConstantsCheck(
            table: "draw_entry", column: "status", values: ["registered", "won", "waitlisted", "withdrawn"]),
        ConstantsCheck(
            table: "staff_token", column: "role", values: ["hotline", "counter", "kiosk", "admin", "office-manager"]),
    ]

    /// Each rolled-up day keeps its visits and bookings packed in one value (`DayDigest`), so that
    /// a report over a year reads a few hundred of them instead of every visit's row; the days
    /// rolled up before are packed from their rows here.
    static func statisticsDigests(_ connection: SQLiteConnection) throws {
        try connection.executeScript("ALTER TABLE statistics_day ADD COLUMN digest BLOB;")
        try connection.packStatisticsDays()
    }

    /// Staff sign-in (Documentation/SignIn.md): the staff members (a local account with its
    /// password hash, or a person of the identity provider named by issuer and subject) with their
    /// roles per office as claim text (`counter:rathaus hotline`); their sessions, of which only
    /// the hash of the id is stored; the name of whoever made an audit entry, as it was then; and
    /// staff tokens that may be office managers' (an integration reading statistics).
    static let staffSignIn = """
        CREATE TABLE staff_member (
            id TEXT PRIMARY KEY,
            login TEXT UNIQUE,
            issuer TEXT,
            subject TEXT,
            name TEXT NOT NULL,
            roles TEXT NOT NULL,
            password_hash TEXT,
            created_at INTEGER NOT NULL,
            signed_in_at INTEGER,
            disabled_at INTEGER,
            UNIQUE (issuer, subject),
            CHECK ((login IS NULL) = (issuer IS NOT NULL)),
            CHECK ((issuer IS NULL) = (subject IS NULL))
        ) STRICT;

        CREATE TABLE staff_session (
            id_hash BLOB PRIMARY KEY,
            member TEXT NOT NULL REFERENCES staff_member (id),
            method TEXT NOT NULL CHECK (method IN ('password', 'provider')),
            created_at INTEGER NOT NULL,
            seen_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX staff_session_member ON staff_session (member);

        ALTER TABLE audit_log ADD COLUMN actor_name TEXT;
        CREATE INDEX audit_log_at ON audit_log (at);
        CREATE INDEX audit_log_office_at ON audit_log (office, at);

        CREATE TABLE staff_token_new (
            id TEXT PRIMARY KEY,
            token_hash BLOB NOT NULL UNIQUE,
            role TEXT NOT NULL CHECK (role IN ('hotline', 'counter', 'kiosk', 'admin', 'office-manager')),
            office TEXT,
            name TEXT,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
        ) STRICT;
        INSERT INTO staff_token_new (id, token_hash, role, office, name, created_at, revoked_at)
            SELECT id, token_hash, role, office, name, created_at, revoked_at FROM staff_token;
        DROP TABLE staff_token;
        ALTER TABLE staff_token_new RENAME TO staff_token;
        """

    /// Mail (Documentation/Mail.md): each booking's language (`de`, `en`), its confirmation
    /// deadline while it waits for double opt-in (kept on a booking released at it), and its token
    /// encrypted for the links of its messages (`link_secret`, erased once it is over or
    /// cancelled). The outbox holds one row per message, written in the transaction of the change
    /// that causes it: what it is about (kind, booking, version, language, not before when), and
    /// while it waits, its envelope recipient and the bytes composed for its first attempt, so
    /// that every retry sends the same message; both are erased once it is sent, fails for good
    /// or is dropped. The row id and creation time make the Message-ID.
    static let mail = """
        ALTER TABLE booking ADD COLUMN language TEXT NOT NULL DEFAULT 'de';
        ALTER TABLE booking ADD COLUMN confirm_by INTEGER;
        ALTER TABLE booking ADD COLUMN link_secret BLOB;

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            booking TEXT NOT NULL REFERENCES booking (id),
            office TEXT NOT NULL,
            kind TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            language TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            not_before INTEGER NOT NULL,
            cause TEXT,
            previous_starts_at INTEGER,
            reason TEXT,
            reason_detail TEXT,
            status TEXT NOT NULL CHECK (status IN ('waiting', 'sent', 'failed', 'dropped')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_attempt_at INTEGER,
            finished_at INTEGER,
            result TEXT,
            recipient TEXT,
            content BLOB
        ) STRICT;
        CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'waiting';
        CREATE INDEX outbox_booking ON outbox (booking);
        CREATE INDEX outbox_finished ON outbox (finished_at) WHERE status <> 'waiting';
        """

    /// Wishes (Documentation/Wishes.md): each wish with the hash of its token, its choices (lists
    /// joined with commas; weekdays as `mon`…`sun`, times of day as `HH:MM-HH:MM`; days as local
    /// day numbers), its contact until retention erases it, and where it stands. `wish_service`
    /// holds one row per service of a wish, so that the file itself allows one waiting wish per
    /// contact and service. `wish_offer` holds the offers: the hold that keeps the time, the hash of
    /// the offer's token, and how it ended; at most one is open per wish. `wish_message` is the
    /// outbox of the wishes' messages, written in the transaction of their cause; while one waits
    /// it keeps its recipient and the bytes composed for its first attempt (erased once it is
    /// sent, fails or is dropped), so every retry sends the same message. A wish's and an
    /// offer's token are also kept sealed for the links of their messages (`link_secret`, erased
    /// once the wish or the offer is over).
    static let wishes = """
        CREATE TABLE wish (
            id TEXT PRIMARY KEY,
            token_hash BLOB NOT NULL,
            link_secret BLOB,
            services TEXT NOT NULL,
            persons INTEGER NOT NULL CHECK (persons >= 1),
            offices TEXT NOT NULL,
            weekdays TEXT NOT NULL,
            times TEXT NOT NULL,
            earliest_day INTEGER NOT NULL,
            latest_day INTEGER NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('online', 'hotline', 'counter', 'kiosk')),
            language TEXT NOT NULL,
            contact_name TEXT,
            contact_email TEXT,
            contact_phone TEXT,
            contact_key TEXT NOT NULL,
            actor TEXT,
            created_at INTEGER NOT NULL,
            confirmed_at INTEGER,
            status TEXT NOT NULL CHECK (status IN ('unconfirmed', 'waiting', 'booked', 'withdrawn', 'ended')),
            ended_at INTEGER,
            unanswered INTEGER NOT NULL DEFAULT 0,
            booking TEXT REFERENCES booking (id),
            CHECK (latest_day >= earliest_day)
        ) STRICT;
        CREATE INDEX wish_status ON wish (status, confirmed_at);
        CREATE INDEX wish_contact ON wish (contact_key, status);

        CREATE TABLE wish_service (
            wish TEXT NOT NULL REFERENCES wish (id),
            service TEXT NOT NULL,
            contact_key TEXT NOT NULL,
            waiting INTEGER NOT NULL,
            PRIMARY KEY (wish, service)
        ) STRICT, WITHOUT ROWID;
        CREATE UNIQUE INDEX wish_service_waiting ON wish_service (contact_key, service) WHERE waiting = 1;

        CREATE TABLE wish_offer (
            id TEXT PRIMARY KEY,
            token_hash BLOB NOT NULL,
            link_secret BLOB,
            wish TEXT NOT NULL REFERENCES wish (id),
            office TEXT NOT NULL,
            hold TEXT NOT NULL,
            counter TEXT NOT NULL,
            services TEXT NOT NULL,
            persons INTEGER NOT NULL,
            channel TEXT NOT NULL,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'booked', 'declined', 'expired', 'withdrawn')),
            answered_at INTEGER,
            booking TEXT REFERENCES booking (id)
        ) STRICT;
        CREATE UNIQUE INDEX wish_offer_open ON wish_offer (wish) WHERE status = 'open';
        CREATE INDEX wish_offer_wish ON wish_offer (wish, status);

        CREATE TABLE wish_message (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            wish TEXT NOT NULL REFERENCES wish (id),
            offer TEXT REFERENCES wish_offer (id),
            kind TEXT NOT NULL,
            language TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            not_before INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('waiting', 'sent', 'failed', 'dropped')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_attempt_at INTEGER,
            finished_at INTEGER,
            result TEXT,
            recipient TEXT,
            content BLOB
        ) STRICT;
        CREATE INDEX wish_message_due ON wish_message (next_attempt_at) WHERE status = 'waiting';
        """

    /// Every ticket has a page of its own at an unguessable address (`/t/{key}`): only the hash
    /// of its key is stored. A ticket taken from home has the code that confirms its arrival (in
    /// the letters of booking references, never equal to one) and the instant by which it must be
    /// confirmed. The queue events `arrived` and `passedOver` need no change: `kind` is text.
    static let version5 = """
        ALTER TABLE ticket ADD COLUMN page_hash BLOB;
        ALTER TABLE ticket ADD COLUMN arrival_code TEXT;
        ALTER TABLE ticket ADD COLUMN arrive_by INTEGER;
        CREATE UNIQUE INDEX ticket_page ON ticket (page_hash) WHERE page_hash IS NOT NULL;
        """

    /// Statistics (Documentation/Statistics.md): who issued each ticket (`kiosk`, `counter`,
    /// `online`) and each move of a booking, which the queue and the bookings did not keep; and
    /// the anonymous facts of past days, kept after personal data is erased: one row per office
    /// day (its counter time, and that it was rolled up), per visit and per booking, clustered
    /// by office and day so that a range is read in one sequential scan. None holds a ticket id,
    /// booking id, reference, token or contact.
    static let statistics = """
        ALTER TABLE ticket ADD COLUMN issued_by TEXT;

        CREATE TABLE booking_move (
            booking TEXT NOT NULL REFERENCES booking (id),
            at INTEGER NOT NULL,
            channel TEXT NOT NULL,
            from_starts_at INTEGER NOT NULL,
            to_starts_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX booking_move_booking ON booking_move (booking);

        CREATE TABLE statistics_day (
            office TEXT NOT NULL,
            day INTEGER NOT NULL,
            opened_seconds INTEGER NOT NULL,
            bookable_seconds INTEGER NOT NULL,
            rolled_up_at INTEGER NOT NULL,
            PRIMARY KEY (office, day)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE statistics_visit (
            office TEXT NOT NULL,
            day INTEGER NOT NULL,
            position INTEGER NOT NULL,
            hour INTEGER NOT NULL,
            kind TEXT NOT NULL,
            channel TEXT,
            service_group TEXT NOT NULL,
            services TEXT NOT NULL,
            persons INTEGER NOT NULL,
            counter TEXT,
            planned_seconds INTEGER NOT NULL,
            wait_seconds INTEGER,
            to_counter_seconds INTEGER,
            service_seconds INTEGER,
            outcome TEXT NOT NULL,
            PRIMARY KEY (office, day, position)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE statistics_booking (
            office TEXT NOT NULL,
            day INTEGER NOT NULL,
            position INTEGER NOT NULL,
            hour INTEGER NOT NULL,
            channel TEXT NOT NULL,
            services TEXT NOT NULL,
            persons INTEGER NOT NULL,
            booked_seconds INTEGER NOT NULL,
            lead_seconds INTEGER NOT NULL,
            cancelled_by TEXT,
            cancel_notice_seconds INTEGER,
            moves TEXT NOT NULL,
            attended INTEGER NOT NULL,
            PRIMARY KEY (office, day, position)
        ) STRICT, WITHOUT ROWID;
        """

    /// The configuration as the office managers change it: every version of the municipality's
    /// document with who made it and what it changed (the history), and the bookings a change left
    /// outside their office's hours on purpose (kept, flagged for staff).
    static let version4 = """
        CREATE TABLE configuration_version (
            number INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            source TEXT NOT NULL,
            summary TEXT NOT NULL,
            document BLOB NOT NULL,
            calendars BLOB NOT NULL,
            file_hash TEXT
        ) STRICT;

        CREATE TABLE booking_flag (
            booking TEXT PRIMARY KEY REFERENCES booking (id),
            version INTEGER,
            reason TEXT NOT NULL,
            flagged_at INTEGER NOT NULL
        ) STRICT;
        """

    /// An idempotency key is recorded in its change's transaction with what the change made
    /// (`outcome`, and a new booking's token encrypted in `secret`), before its answer is rendered;
    /// the answer (`status`, `headers`, `body`) follows once it is. Refusals store the answer
    /// alone.
    static let version3 = """
        CREATE TABLE idempotency_key_new (
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            request_hash BLOB NOT NULL,
            status INTEGER,
            headers TEXT,
            body BLOB,
            outcome TEXT,
            secret BLOB,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (scope, key),
            CHECK (status IS NOT NULL OR outcome IS NOT NULL)
        ) STRICT;
        INSERT INTO idempotency_key_new (scope, key, request_hash, status, headers, body, created_at)
            SELECT scope, key, request_hash, status, headers, body, created_at FROM idempotency_key;
        DROP TABLE idempotency_key;
        ALTER TABLE idempotency_key_new RENAME TO idempotency_key;
        CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
        """

    /// The rush: the key that signs admission tokens, the entrants of waiting rooms (only the
    /// hash of their secret) and the entries of draws.
    static let version2 = """
        CREATE TABLE server_secret (
            name TEXT PRIMARY KEY,
            value BLOB NOT NULL
        ) STRICT;

        CREATE TABLE waiting_room_entry (
            service TEXT NOT NULL,
            release_at INTEGER NOT NULL,
            entry_hash TEXT NOT NULL,
            joined_at INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            place INTEGER,
            PRIMARY KEY (service, release_at, entry_hash)
        ) STRICT;

        CREATE TABLE draw_entry (
            id TEXT PRIMARY KEY,
            token_hash BLOB NOT NULL,
            service TEXT NOT NULL,
            office TEXT NOT NULL,
            closes_at INTEGER NOT NULL,
            priority TEXT NOT NULL,
            persons INTEGER NOT NULL,
            contact_name TEXT,
            contact_email TEXT,
            contact_phone TEXT,
            contact_key TEXT,
            registered_at INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('registered', 'won', 'waitlisted', 'withdrawn')),
            position INTEGER,
            booking TEXT REFERENCES booking (id),
            UNIQUE (service, office, closes_at, contact_key)
        ) STRICT;
        CREATE INDEX draw_entry_draw ON draw_entry (service, office, closes_at, status);
        """

    /// Times are whole seconds since the epoch (UTC); days are local day numbers (days since
    /// 1970-01-01 in the office's calendar); lists of service ids are joined with commas (ids
    /// cannot contain one). Tables are STRICT (sqlite.org/stricttables.html).
    static let version1 = """
        CREATE TABLE booking (
            id TEXT PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            token_hash BLOB NOT NULL,
            office TEXT NOT NULL,
            counter TEXT NOT NULL,
            services TEXT NOT NULL,
            persons INTEGER NOT NULL CHECK (persons >= 1),
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            day INTEGER NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('online', 'hotline', 'counter', 'kiosk')),
            contact_name TEXT,
            contact_email TEXT,
            contact_phone TEXT,
            status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            erased_at INTEGER,
            CHECK (ends_at > starts_at)
        ) STRICT;
        CREATE INDEX booking_office_day ON booking (office, day);
        CREATE INDEX booking_ends_at ON booking (ends_at) WHERE erased_at IS NULL;

        -- One row per grid unit a booking takes: the primary key makes two bookings on one counter
        -- at once impossible in the file itself, whatever a writer's memory says.
        CREATE TABLE occupancy (
            office TEXT NOT NULL,
            counter TEXT NOT NULL,
            minute INTEGER NOT NULL,
            booking TEXT NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
            PRIMARY KEY (office, counter, minute)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX occupancy_booking ON occupancy (booking);

        CREATE TABLE hold (
            id TEXT PRIMARY KEY,
            office TEXT NOT NULL,
            counter TEXT NOT NULL,
            services TEXT NOT NULL,
            persons INTEGER NOT NULL,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            channel TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            extensions INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX hold_office ON hold (office, expires_at);

        CREATE TABLE cancellation (
            booking TEXT PRIMARY KEY REFERENCES booking (id),
            cancelled_at INTEGER NOT NULL,
            channel TEXT NOT NULL,
            actor TEXT
        ) STRICT;

        -- Cancelled or given-up counter time kept from the public channels until `until`.
        CREATE TABLE held_back (
            id INTEGER PRIMARY KEY,
            office TEXT NOT NULL,
            counter TEXT NOT NULL,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            until INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX held_back_office ON held_back (office, until);

        CREATE TABLE ticket (
            id TEXT PRIMARY KEY,
            office TEXT NOT NULL,
            day INTEGER NOT NULL,
            number TEXT NOT NULL,
            letter TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            services TEXT NOT NULL,
            booking TEXT REFERENCES booking (id),
            appointment_at INTEGER,
            issued_at INTEGER NOT NULL,
            UNIQUE (office, day, number),
            UNIQUE (office, day, sequence)
        ) STRICT;
        CREATE UNIQUE INDEX ticket_booking ON ticket (booking) WHERE booking IS NOT NULL;

        -- The day's queue as the list of its events; `position` numbers them per office and day,
        -- so two writers can never both append the same next event (two clerks calling one ticket).
        CREATE TABLE queue_event (
            office TEXT NOT NULL,
            day INTEGER NOT NULL,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            ticket TEXT NOT NULL REFERENCES ticket (id),
            counter TEXT,
            services TEXT,
            letter TEXT,
            at INTEGER NOT NULL,
            PRIMARY KEY (office, day, position)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE staff_token (
            id TEXT PRIMARY KEY,
            token_hash BLOB NOT NULL UNIQUE,
            role TEXT NOT NULL CHECK (role IN ('hotline', 'counter', 'kiosk', 'admin')),
            office TEXT,
            name TEXT,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
        ) STRICT;

        CREATE TABLE idempotency_key (
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            request_hash BLOB NOT NULL,
            status INTEGER NOT NULL,
            headers TEXT NOT NULL,
            body BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (scope, key)
        ) STRICT;

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            role TEXT NOT NULL,
            action TEXT NOT NULL,
            office TEXT,
            target TEXT,
            detail TEXT
        ) STRICT;
        """

    /// The migrator for this schema.
    package static var migrator: Migrator {
        Migrator(applicationID: applicationID, migrations: migrations)
    }
}
