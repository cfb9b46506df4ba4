import Testing

@testable import Display

@Suite struct AssetsTests {
    private func text(_ name: String) throws -> String {
        String(decoding: try #require(Assets.file(named: name)).body, as: UTF8.self)
    }

    /// Values of `attribute="…"` in `html`.
    private func values(of attribute: String, in html: String) -> [String] {
        html.split(separator: " \(attribute)=\"").dropFirst().compactMap { $0.split(separator: "\"").first }
            .map(String.init)
    }

    @Test func everyAssetHasItsContentTypeAndABody() throws {
        for name in Assets.names {
            let file = try #require(Assets.file(named: name))
            let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
            #expect(file.contentType == type, "\(name)")
            #expect(file.body.count > 500, "\(name)")
        }
        #expect(Set(Assets.names) == Set(Assets.sources.keys))
        #expect(Assets.file(named: "missing.js") == nil)
        #expect(Assets.file(named: "../base.css") == nil)
    }

    @Test func everyAssetAPageReferencesExistsWithTheRightType() throws {
        for (page, html) in Samples.pages() {
            let stylesheets = values(of: "href", in: html).filter { $0.hasPrefix("/assets/") }
            let scripts = values(of: "src", in: html)
            #expect(!stylesheets.isEmpty && !scripts.isEmpty, "\(page)")
            for path in stylesheets {
                let file = try #require(
                    Assets.file(named: String(path.dropFirst("/assets/".count))), "\(page): \(path)")
                #expect(file.contentType.hasPrefix("text/css"), "\(page): \(path)")
            }
            for path in scripts {
                let file = try #require(
                    Assets.file(named: String(path.dropFirst("/assets/".count))), "\(page): \(path)")
                #expect(file.contentType.hasPrefix("text/javascript"), "\(page): \(path)")
            }
            #expect(stylesheets.first == "/assets/base.css", "\(page)")
        }
    }

    @Test func pagesRunUnderAStrictContentSecurityPolicy() {
        for (page, html) in Samples.pages() {
            let lower = html.lowercased()
            // Every <script> loads a file; no inline script, inline style or inline handler.
            let scriptTags = lower.ranges(of: "<script").count
            let scriptFiles = lower.ranges(of: "<script src=\"/assets/").count
            #expect(scriptTags == scriptFiles, "\(page)")
            #expect(!lower.contains("<style"), "\(page)")
            #expect(!lower.contains(" style="), "\(page)")
            #expect(!lower.contains("javascript:"), "\(page)")
            #expect(!lower.contains(/\son[a-z]+\s*=/), "\(page)")
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">\n"), "\(page)")
        }
    }

    @Test func scriptsNeitherEvaluateCodeNorWriteMarkup() throws {
        for name in Assets.names where name.hasSuffix(".js") {
            let script = try text(name)
            for forbidden in [
                "eval(", "new Function", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                "setAttribute('style'", "setAttribute(\"style\"",
            ] {
                #expect(!script.contains(forbidden), "\(name) uses \(forbidden)")
            }
            #expect(script.contains("'use strict';"), "\(name)")
        }
    }

    /// The element ids and `data-` attributes of `<body>` a script reads must exist on its page.
    @Test(arguments: [
        ("display.js", "board-sound"), ("common.js", "kiosk"), ("common.js", "counter"), ("kiosk.js", "kiosk"),
        ("counter.js", "counter"), ("ticket.js", "ticket"),
    ])
    func whatAScriptLooksUpIsOnItsPage(script name: String, page: String) throws {
        let script = try text(name)
        let html = try #require(Samples.pages().first { $0.name == page }).html
        let bodyLine = try #require(html.split(separator: "\n").first { $0.contains("<body ") })
        // common.js serves devices (a token: its form, data-token-key) and signed-in staff (the
        // session's form token, data-csrf): a page has the one or the other.
        let device = bodyLine.contains(" data-token-key=\"")
        let ids = Set(
            script.matches(of: #/(?:\$|getElementById)\('([a-z0-9-]+)'\)/#).map { String($0.output.1) })
        #expect(!ids.isEmpty)
        for id in ids where device || !id.hasPrefix("token-") {
            #expect(html.contains(" id=\"\(id)\""), "\(name) looks up #\(id), which \(page) lacks")
        }
        let data = Set(script.matches(of: #/body\.dataset\.([a-zA-Z]+)/#).map { String($0.output.1) })
        // data-time-zone is optional (without it the scripts use the device's zone), and so is
        // data-token-also (a second place to find a token).
        let optional: Set<String> = ["timeZone", "tokenAlso", device ? "csrf" : "tokenKey"]
        for key in data where !optional.contains(key) {
            let attribute = "data-" + key.map { $0.isUppercase ? "-" + $0.lowercased() : String($0) }.joined()
            #expect(bodyLine.contains(" \(attribute)=\""), "\(name) reads \(attribute), which \(page) lacks")
        }
    }

    @Test func entityTagsAreQuotedStableAndDifferPerFile() throws {
        var tags: Set<String> = []
        for name in Assets.names {
            let tag = try #require(Assets.etag(named: name))
            #expect(tag.count == 18 && tag.hasPrefix("\"") && tag.hasSuffix("\""))
            #expect(Assets.etag(named: name) == tag)
            tags.insert(tag)
        }
        #expect(tags.count == Assets.names.count)
        #expect(Assets.etag(named: "missing.css") == nil)
    }

    @Test(arguments: [
        ("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
    ])
    func theHashIsFNV1a64(input: String, expected: UInt64) {
        #expect(Assets.fnv1a64(Array(input.utf8)) == expected)
    }

    @Test func ticketNumbersOnTheDisplayAreAtLeastEightPercentOfA1080PixelScreen() throws {
        // Every size the current calls' numbers take, evaluated on 1920 x 1080.
        let css = try text("display.css")
        let sizes = css.matches(of: #/--number-size: min\(([0-9.]+)vh, ([0-9.]+)vw\)/#).map { match in
            min((Double(match.output.1) ?? 0) * 10.8, (Double(match.output.2) ?? 0) * 19.2)
        }
        #expect(sizes.count >= 4)
        #expect(css.ranges(of: "--number-size:").count == sizes.count)
        for size in sizes {
            #expect(size >= 0.08 * 1080, "a number size of \(size) px")
        }
        #expect((sizes.first ?? 0) >= 0.14 * 1080)
    }

    @Test func aNewCallBlinksAtMostThreeTimesWithinFiveSeconds() throws {
        let css = try text("display.css")
        let animations = css.matches(of: #/animation: ([a-z-]+) ([0-9.]+)s steps\(1, end\) ([0-9]+);/#)
        #expect(animations.count == 2)
        for animation in animations {
            let seconds = Double(animation.output.2) ?? 99
            let count = Int(animation.output.3) ?? 99
            #expect(count <= 3)
            #expect(seconds * Double(count) <= 5)
            #expect(seconds / 2 >= 1.0 / 3, "no more than three flashes a second (WCAG 2.3.1)")
        }
        #expect(css.contains("@media (prefers-reduced-motion: reduce)"))
    }
}
