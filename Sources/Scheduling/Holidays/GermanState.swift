/// One of the 16 German states (Länder), identified by its ISO 3166-2 code (`DE-BY`).
///
/// Offices name their state in the configuration; its public holidays close the office.
package enum GermanState: String, CaseIterable, Hashable, Sendable {
    case bw = "DE-BW"
    case by = "DE-BY"
    case be = "DE-BE"
    case bb = "DE-BB"
    case hb = "DE-HB"
    case hh = "DE-HH"
    case he = "DE-HE"
    case mv = "DE-MV"
    case ni = "DE-NI"
    case nw = "DE-NW"
    case rp = "DE-RP"
    case sl = "DE-SL"
    case sn = "DE-SN"
    case st = "DE-ST"
    case sh = "DE-SH"
    case th = "DE-TH"

    /// The ISO 3166-2 code, e.g. `DE-BY`.
    package var code: String { rawValue }

    /// The state, from its ISO 3166-2 code in any letter case (`DE-BY`, `de-by`); nil otherwise.
    package init?(code: String) {
        self.init(rawValue: code.uppercased())
    }

    /// The state's German name, e.g. `Bayern`.
    package var name: String {
        switch self {
        case .bw: "Baden-Württemberg"
        case .by: "Bayern"
        case .be: "Berlin"
        case .bb: "Brandenburg"
        case .hb: "Bremen"
        case .hh: "Hamburg"
        case .he: "Hessen"
        case .mv: "Mecklenburg-Vorpommern"
        case .ni: "Niedersachsen"
        case .nw: "Nordrhein-Westfalen"
        case .rp: "Rheinland-Pfalz"
        case .sl: "Saarland"
        case .sn: "Sachsen"
        case .st: "Sachsen-Anhalt"
        case .sh: "Schleswig-Holstein"
        case .th: "Thüringen"
        }
    }
}
