/// The pages' static files (stylesheets and scripts), compiled into the binary as string
/// constants rather than SwiftPM resources, so Rathaus stays one file to deploy. The server
/// serves them at `/assets/{name}` with ``etag(named:)`` as the entity tag.
///
/// No file holds an inline handler or relies on inline style: the pages run under a
/// Content-Security-Policy of `default-src 'self'`.
package enum Assets {
    /// One static file.
    struct File: Sendable {
        var contentType: String
        var body: [UInt8]
        var etag: String
    }

    /// The names of every asset, in a fixed order.
    package static let names: [String] = [
        "base.css", "display.css", "kiosk.css", "counter.css", "ticket.css", "citizen.css", "hotline.css",
        "common.js", "display.js", "kiosk.js", "counter.js", "ticket.js", "citizen.js", "hotline.js",
    ]

    /// The file named `name` (`display.js`) with its content type, or nil if there is none.
    package static func file(named name: String) -> (contentType: String, body: [UInt8])? {
        guard let file = files[name] else { return nil }
        return (file.contentType, file.body)
    }

    /// A strong entity tag for the file named `name`, quoted as the `ETag` header wants it
    /// (RFC 9110 §8.8.3): the 64-bit FNV-1a hash of its bytes in hex, e.g. `"3f2a…"`. It changes
    /// exactly when the bytes do; nil if there is no such file.
    package static func etag(named name: String) -> String? {
        files[name]?.etag
    }

    /// The URL path a page uses for the asset `name`.
    package static func path(_ name: String) -> String {
        "/assets/" + name
    }

    /// The text of every asset, by name.
    static let sources: [String: String] = [
        "base.css": baseCSS, "display.css": displayCSS, "kiosk.css": kioskCSS, "counter.css": counterCSS,
        "ticket.css": ticketCSS, "common.js": commonJS, "display.js": displayJS, "kiosk.js": kioskJS,
        "counter.js": counterJS, "ticket.js": ticketJS, "citizen.css": citizenCSS, "citizen.js": citizenJS,
        "hotline.css": hotlineCSS, "hotline.js": hotlineJS,
    ]

    private static let files: [String: File] = {
        var files: [String: File] = [:]
        for (name, text) in sources {
            let body = Array(text.utf8)
            let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
            files[name] = File(contentType: type, body: body, etag: "\"" + hex(fnv1a64(body)) + "\"")
        }
        return files
    }()

    /// The 64-bit FNV-1a hash (offset basis 14695981039346656037, prime 1099511628211).
    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
