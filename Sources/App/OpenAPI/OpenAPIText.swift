/// Pieces of OpenAPI 3.1 JSON that the routes' operations are written with.
enum OpenAPIText {
    /// A reference to a schema of the document's components.
    static func ref(_ name: String) -> String { ##"{"$ref":"#/components/schemas/\##(name)"}"## }

    /// A JSON answer with `schema`.
    static func json(_ schema: String, _ description: String) -> String {
        ##"{"description":"\##(description)","content":{"application/json":{"schema":\##(schema)}}}"##
    }

    /// An answer of another media type holding text.
    static func text(_ mediaType: String, _ description: String) -> String {
        ##"{"description":"\##(description)","content":{"\##(mediaType)":{"schema":{"type":"string"}}}}"##
    }

    /// An answer without a body.
    static func empty(_ description: String) -> String {
        ##"{"description":"\##(description)"}"##
    }

    /// A JSON object schema with `properties` (JSON text of the members).
    static func object(_ properties: String, required: [String] = [], closed: Bool = false) -> String {
        var members: [String] = [#""type":"object""#]
        if !required.isEmpty {
            members.append(#""required":["# + required.map { "\"\($0)\"" }.joined(separator: ",") + "]")
        }
        if closed { members.append(#""additionalProperties":false"#) }
        members.append(#""properties":{"# + properties + "}")
        return "{" + members.joined(separator: ",") + "}"
    }

    static let string = #"{"type":"string"}"#
    static let date = #"{"type":"string","format":"date"}"#
    static let anyObject = #"{"type":"object"}"#
    static let serviceList = #"{"type":"array","minItems":1,"items":{"type":"string"}}"#
    static let persons = #"{"type":"integer","minimum":1,"maximum":20,"default":1}"#
}
