import App
import RathausCommandLine

/// `rathaus openapi`: prints the API's OpenAPI 3.1 document (as `/openapi.json` serves it).
enum OpenAPICommand: Subcommand {
    static let name = "openapi"
    static let summary = "print the OpenAPI 3.1 document of the API"
    static let usage = """
        usage: rathaus openapi

        Prints the document that GET /openapi.json serves, for code generators and validators.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        try arguments.finish()
        print(String(decoding: OpenAPIDocument.json, as: UTF8.self))
        return 0
    }
}
