/// One field of the administration console's editor, bound to a path of the configuration
/// document (`offices[0].openingHours[1].from`): `administration.js` writes what is entered there,
/// and a validation problem of the same path is shown beside it.
package struct EditorField: Equatable, Sendable {
    /// What is entered and how it is written into the document.
    package enum Kind: Equatable, Sendable {
        /// Text (empty: the member is removed when `optional`).
        case text
        /// A wall-clock time `HH:MM`.
        case time
        /// A date `YYYY-MM-DD`.
        case date
        /// A whole number.
        case number(min: Int, max: Int)
        /// Euros and cents (`37,00`), written as cents.
        case euro
        /// Yes or no.
        case toggle
        /// One of the options (`value` is the selected one).
        case choice([Option])
        /// Any of the options (`values` are the chosen ones), written as a list.
        case checkboxes([Option])
        /// The date of a rule valid on one day: written as `validFrom`, `validUntil` and its
        /// weekday in `days` of the rule at `path`.
        case oneDay
        /// Every how many weeks (1: every week, written as no member).
        case everyWeeks
    }

    /// One option of a choice or a set of checkboxes.
    package struct Option: Equatable, Sendable {
        package var value: String
        package var label: String

        package init(_ value: String, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    package var path: String
    package var label: String
    package var kind: Kind
    /// The value shown (text, time, date, number, selected option; `true` for a ticked toggle).
    package var value: String
    /// The chosen options of `checkboxes`.
    package var values: [String]
    /// Whether it may stay empty (the member is then removed from the document).
    package var optional: Bool
    /// A line under the field saying what it means.
    package var hint: String?

    package init(
        path: String, label: String, kind: Kind, value: String = "", values: [String] = [], optional: Bool = false,
        hint: String? = nil
    ) {
        self.path = path
        self.label = label
        self.kind = kind
        self.value = value
        self.values = values
        self.optional = optional
        self.hint = hint
    }
}

/// A list of things of the document that can be added to and removed from (rules, closures,
/// documents of a service, counters' hours): its rows and the item a new row starts with.
package struct EditorList: Equatable, Sendable {
    /// One item.
    package struct Row: Equatable, Sendable {
        /// The item's path (`offices[0].closures[2]`).
        package var path: String
        /// Its heading ("Regel 2", "Schließung am 08.12.2026").
        package var title: String
        package var fields: [EditorField]
        /// Lists inside the item (a service's documents).
        package var lists: [EditorList]
        /// Whether it is shown folded (`details`), with `title` as its summary.
        package var folded: Bool
        /// Whether it can be removed here.
        package var removable: Bool

        package init(
            path: String, title: String, fields: [EditorField], lists: [EditorList] = [], folded: Bool = false,
            removable: Bool = true
        ) {
            self.path = path
            self.title = title
            self.fields = fields
            self.lists = lists
            self.folded = folded
            self.removable = removable
        }
    }

    /// An id for the page (`office-hours`), unique on it.
    package var id: String
    package var heading: String
    /// What the list is for, in a sentence or two.
    package var explanation: String?
    /// The path of the array in the document (`offices[0].closures`).
    package var path: String
    package var rows: [Row]
    /// The label of the button that adds an item; nil: items are not added here.
    package var addLabel: String?
    /// The new item as JSON text.
    package var newItem: String
    /// What is shown when there are no rows.
    package var emptyText: String

    package init(
        id: String, heading: String, explanation: String? = nil, path: String, rows: [Row], addLabel: String? = nil,
        newItem: String = "{}", emptyText: String = "Keine Einträge."
    ) {
        self.id = id
        self.heading = heading
        self.explanation = explanation
        self.path = path
        self.rows = rows
        self.addLabel = addLabel
        self.newItem = newItem
        self.emptyText = emptyText
    }
}

/// One section of the editor: a heading, single fields and lists.
package struct EditorSection: Equatable, Sendable {
    package var id: String
    package var heading: String
    package var explanation: String?
    package var fields: [EditorField]
    package var lists: [EditorList]

    package init(
        id: String, heading: String, explanation: String? = nil, fields: [EditorField] = [], lists: [EditorList] = []
    ) {
        self.id = id
        self.heading = heading
        self.explanation = explanation
        self.fields = fields
        self.lists = lists
    }
}
