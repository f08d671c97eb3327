import Foundation

/// The offline provider's reply templates, read from `prompts/offline-replies.txt`.
///
/// Format, one entry per line:
///
///     # a comment
///     <purpose>: <reply text>
///
/// `<purpose>` is a lowercase word (`a-z`, `0-9`, `_`, `-`): a message type such as
/// `greeting` or `check_in`, `summary`, or `default`. Lines with the same purpose form a
/// rotation. `default` must be present; it answers requests whose purpose has no entry.
/// A reply may use `{topic}`: the first words of the user's last message. Blank lines and
/// lines starting with `#` are ignored. Any other line is an error naming file and line.
public struct OfflineReplyBook: Sendable, Hashable {
    public static let defaultPurpose = "default"
    public static let topicPlaceholder = "{topic}"
    static let topicWordLimit = 6

    public let replies: [String: [String]]

    /// One neutral reply, used when the replies file is missing or broken so the bot still answers.
    public static let builtIn = OfflineReplyBook(replies: [defaultPurpose: ["Noted. What's the one next step you can take today?"]])

    private init(replies: [String: [String]]) {
        self.replies = replies
    }

    public init(contents: String, file: String) throws(OfflineRepliesError) {
        var replies: [String: [String]] = [:]
        for (offset, rawLine) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let (purpose, reply) = try Self.parseEntry(line, file: file, line: offset + 1)
            replies[purpose, default: []].append(reply)
        }
        guard replies[Self.defaultPurpose] != nil else {
            throw OfflineRepliesError(file: file, line: nil, problem: "no `default: <reply>` line")
        }
        self.replies = replies
    }

    public static func load(path: String) throws(OfflineRepliesError) -> OfflineReplyBook {
        let contents: String
        do {
            contents = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw OfflineRepliesError(file: path, line: nil, problem: "cannot read the file (\(error.localizedDescription))")
        }
        return try OfflineReplyBook(contents: contents, file: path)
    }

    /// The reply for `purpose`, chosen by a stable hash of the user's text so the same
    /// request always gets the same reply and different ones spread over the rotation.
    public func reply(purpose: String?, userText: String) -> String {
        let rotation = purpose.flatMap { replies[$0] } ?? replies[Self.defaultPurpose] ?? [""]
        let index = Int(UserHasher(salt: "offline").fnv1a(userText) % UInt64(rotation.count))
        let topic = userText.split(whereSeparator: \.isWhitespace).prefix(Self.topicWordLimit).joined(separator: " ")
        return rotation[index].replacingOccurrences(of: Self.topicPlaceholder, with: topic)
    }

    /// The words between single braces: "{topic}" -> ["topic"]; JSON such as {"tasks":[]} has none.
    static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let inside = after[..<close]
            if !inside.isEmpty, inside.allSatisfy({ $0.isLetter || $0 == "_" }) { found.append(String(inside)) }
            rest = after
        }
        return found
    }

    private static func parseEntry(_ line: String, file: String, line number: Int) throws(OfflineRepliesError) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else {
            throw OfflineRepliesError(file: file, line: number, problem: "expected `<purpose>: <reply>`")
        }
        let purpose = line[..<colon].trimmingCharacters(in: .whitespaces)
        let reply = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
        guard !purpose.isEmpty, purpose.allSatisfy(allowed.contains) else {
            throw OfflineRepliesError(file: file, line: number, problem: "purpose `\(purpose)` must be a lowercase word (a-z, 0-9, _ or -)")
        }
        guard !reply.isEmpty else {
            throw OfflineRepliesError(file: file, line: number, problem: "empty reply for `\(purpose)`")
        }
        // A placeholder is {word}; other braces (the JSON of a `plan` reply) are text.
        if let unknown = placeholders(in: reply).first(where: { "{\($0)}" != topicPlaceholder }) {
            throw OfflineRepliesError(file: file, line: number, problem: "unknown placeholder {\(unknown)}; only \(topicPlaceholder) is supported")
        }
        return (purpose, reply)
    }
}

/// A broken offline replies file: which file, which line (when one is to blame) and why.
public struct OfflineRepliesError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var problem: String

    public init(file: String, line: Int?, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)"
    }
}
