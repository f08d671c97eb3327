/// The admin's lever for routing: example messages per type, one per line, in prompts/routes/<type>.txt.
///
/// Blank lines and lines starting with `#` are ignored. A line is an example as a user would type it.
/// A file whose name is not a message type, a line without words, an overlong line, or the same message
/// taught as two different types is an error naming the file and line (the bot keeps its previous model).
public struct RouteExamples: Sendable, Equatable {
    public struct Example: Sendable, Equatable {
        public var type: MessageType
        public var text: String
        public var line: Int

        public init(type: MessageType, text: String, line: Int) {
            self.type = type
            self.text = text
            self.line = line
        }
    }

    public struct ParseError: Error, CustomStringConvertible, Sendable, Equatable {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static let maxLineLength = 400

    public private(set) var examples: [Example]

    public init(examples: [Example] = []) { self.examples = examples }

    /// `files` maps a file name ("deep_coaching.txt") to its text.
    public init(files: [String: String]) throws(ParseError) {
        var examples: [Example] = []
        var seen: [String: (type: MessageType, file: String, line: Int)] = [:]
        let reader = ChatNormaliser(vocabulary: [])
        for name in files.keys.sorted() {
            guard let text = files[name] else { continue }
            let stem = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
            guard let type = MessageType(rawValue: stem), MessageType.routable.contains(type) else {
                let known = MessageType.routable.map(\.rawValue).joined(separator: ", ")
                throw ParseError(file: name, line: 1, message: "'\(stem)' is not a message type (files are <type>.txt for: \(known))")
            }
            for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                if line.isEmpty || line.hasPrefix("#") { continue }
                guard line.count <= RouteExamples.maxLineLength else {
                    throw ParseError(file: name, line: offset + 1, message: "an example longer than \(RouteExamples.maxLineLength) characters")
                }
                let key = reader.words(line).joined(separator: " ")
                guard !key.isEmpty else { throw ParseError(file: name, line: offset + 1, message: "an example with no words") }
                if let first = seen[key] {
                    guard first.type == type else {
                        throw ParseError(file: name, line: offset + 1,
                                         message: "\"\(line)\" is also an example of \(first.type.rawValue) (\(first.file):\(first.line)); keep it in one file")
                    }
                    continue
                }
                seen[key] = (type, name, offset + 1)
                examples.append(Example(type: type, text: line, line: offset + 1))
            }
        }
        let taught = Set(examples.map(\.type))
        guard taught.count >= 2 else {
            throw ParseError(file: files.keys.sorted().first ?? "routes", line: 1, message: "examples for at least two message types are needed")
        }
        self.examples = examples
    }

    public func count(of type: MessageType) -> Int { examples.filter { $0.type == type }.count }
}
