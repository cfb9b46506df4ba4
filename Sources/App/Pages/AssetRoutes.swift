import Display
import HTTPServer

/// The pages' stylesheets and scripts, revalidated on every use (`no-cache` with an ETag), as
/// their names carry no version.
struct AssetRoutes: Sendable {
    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/assets/{name}", Contract(conditional: true)) { context in
                let name = context.parameter("name")
                guard let file = Assets.file(named: name), let tag = Assets.etag(named: name) else {
                    throw APIProblem.notFound("There is no asset \(name).")
                }
                return .response(
                    HTTPResponse(
                        status: .ok,
                        headers: [
                            "Content-Type": file.contentType, "ETag": tag, "Cache-Control": "no-cache",
                            "X-Content-Type-Options": "nosniff",
                        ], body: file.body))
            },
            Endpoint(.get, "/favicon.ico") { _ in .empty(.noContent) },
        ]
    }
}
