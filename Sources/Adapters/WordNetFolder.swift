import Coaching
import Foundation

/// Reads WordNet's database files from a folder (Debian's `wordnet-base` puts them in /usr/share/wordnet).
public enum WordNetFolder {
    public static let defaultPath = "/usr/share/wordnet"

    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Whether the folder holds WordNet's files (the noun index stands for them all).
    public static func present(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(WordNet.Files.names(.noun).index))
    }

    public static func load(path: String) throws -> WordNet {
        var index: [WordNet.PartOfSpeech: [UInt8]] = [:], data: [WordNet.PartOfSpeech: [UInt8]] = [:]
        var exceptions: [WordNet.PartOfSpeech: [UInt8]] = [:]
        for partOfSpeech in WordNet.PartOfSpeech.allCases {
            let names = WordNet.Files.names(partOfSpeech)
            index[partOfSpeech] = try read(path, names.index)
            data[partOfSpeech] = try read(path, names.data)
            exceptions[partOfSpeech] = try? read(path, names.exceptions)
        }
        do {
            return try WordNet(files: WordNet.Files(index: index, data: data, exceptions: exceptions))
        } catch {
            throw LoadError(path: path, reason: error.description)
        }
    }

    private static func read(_ folder: String, _ name: String) throws -> [UInt8] {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let contents = FileManager.default.contents(atPath: path) else { throw LoadError(path: path, reason: "cannot be read") }
        return [UInt8](contents)
    }
}
