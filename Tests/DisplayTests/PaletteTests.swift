import Foundation
import Testing

@testable import Display

/// Contrast of the pages' colour pairs by WCAG 2.1's relative luminance formula: at least 7:1 on
/// the waiting-room display (1.4.6), at least 4.5:1 for text elsewhere (1.4.3), at least 3:1 for
/// borders and focus rings (1.4.11).
@Suite struct PaletteTests {
    /// The custom properties `--name: #rrggbb;` of `stylesheets`, later ones overriding earlier.
    private func palette(_ stylesheets: [String]) throws -> [String: String] {
        var colours: [String: String] = [:]
        for name in stylesheets {
            let css = String(decoding: try #require(Assets.file(named: name)).body, as: UTF8.self)
            for match in css.matches(of: #/--([a-z-]+): (#[0-9a-fA-F]{6});/#) {
                colours[String(match.output.1)] = String(match.output.2)
            }
        }
        return colours
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    private func check(
        _ pairs: [(String, String)], in colours: [String: String], atLeast minimum: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for (foreground, background) in pairs {
            let fg = try #require(colours[foreground], "--\(foreground)", sourceLocation: sourceLocation)
            let bg = try #require(colours[background], "--\(background)", sourceLocation: sourceLocation)
            let ratio = Self.contrast(fg, bg)
            #expect(
                ratio >= minimum, "--\(foreground) on --\(background): \(ratio) < \(minimum)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func theFormulaMatchesWCAGsExtremes() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.001)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }

    @Test func theDisplaysTextHasAContrastOfAtLeastSevenToOne() throws {
        let colours = try palette(["base.css", "display.css"])
        try check(
            [
                ("text", "bg"), ("text", "surface"), ("text", "surface-strong"), ("muted", "bg"), ("muted", "surface"),
                ("muted", "surface-strong"), ("on-accent", "accent"), ("accent", "surface"), ("accent", "bg"),
                ("accent", "on-accent"), ("on-accent", "accent"),
            ], in: colours, atLeast: 7)
        try check([("border", "surface"), ("border", "bg"), ("focus", "bg")], in: colours, atLeast: 3)
    }

    @Test func theStaffPagesHaveAContrastOfAtLeastFourAndAHalfToOne() throws {
        for page in ["kiosk.css", "counter.css"] {
            let colours = try palette(["base.css", page])
            try check(
                [
                    ("text", "bg"), ("text", "surface"), ("text", "primary-soft"), ("text", "danger-soft"),
                    ("text", "success-soft"), ("muted", "bg"), ("muted", "surface"), ("muted", "surface-strong"),
                    ("primary", "surface"), ("primary", "primary-soft"), ("on-primary", "primary"),
                    ("on-primary", "primary-hover"), ("on-primary", "success"), ("text", "surface-strong"),
                ], in: colours, atLeast: 4.5)
            try check(
                [
                    ("border", "surface"), ("border", "bg"), ("primary", "bg"), ("danger", "danger-soft"),
                    ("success", "surface"), ("focus", "bg"), ("focus", "surface"), ("on-primary", "primary"),
                ], in: colours, atLeast: 3)
        }
    }

    @Test func theTicketPrintsBlackOnWhite() throws {
        let colours = try palette(["base.css", "ticket.css"])
        try check([("ink", "paper")], in: colours, atLeast: 21)
    }

    @Test func coloursAreWrittenOnlyAsCustomProperties() throws {
        // So the pairs above are every colour the pages use.
        for name in Assets.names where name.hasSuffix(".css") {
            let css = String(decoding: try #require(Assets.file(named: name)).body, as: UTF8.self)
            for line in css.split(separator: "\n") where line.contains(/#[0-9a-fA-F]{3,8}\b/) {
                #expect(line.contains(/^\s*--[a-z-]+: #[0-9a-fA-F]{6};$/), "\(name): \(line)")
            }
        }
    }
}
