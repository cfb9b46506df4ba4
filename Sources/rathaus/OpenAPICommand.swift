import App
import RathausCommandLine

/// `rathaus openapi`: prints the API's OpenAPI 3.1 document (as `/openapi.json` serves it).
enum OpenAPICommand: Subcommand {
    static let name = "openapi"
    static let summary = "print the OpenAPI 3.1 document of the API"
    static let usage = """
        usage: rathaus openapi [--config FILE]

        Prints the document that GET /openapi.json serves, for code generators and validators.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let config = try arguments.option("config") ?? MunicipalityLoader.demoPath
        try arguments.finish()
        let municipality = try MunicipalityLoader.load(path: config)
        print(String(decoding: try RathausApp.openAPIDocument(municipality: municipality), as: UTF8.self))
        return 0
    }
}
