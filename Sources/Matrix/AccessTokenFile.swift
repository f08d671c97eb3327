import Foundation
import StoreProtocols

/// Where the access token from a password login is kept: a file only the bot's user can read (0600) in a folder
/// only it can enter (0700), never the database, which is backed up, copied and opened by tools.
public struct AccessTokenFile: Sendable {
    public let path: String

    /// One file per bot account in `directory`.
    public init(directory: String, userID: String) {
        let safe = userID.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "_" }
        path = (directory as NSString).appendingPathComponent("matrix-\(String(safe)).token")
    }

    public func read() throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let token = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    /// Replaces the file in one step; the new file is private before the token is in it.
    public func write(_ token: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = path + ".partial"
        try? FileManager.default.removeItem(atPath: temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        try handle.write(contentsOf: Data((token + "\n").utf8))
        try handle.close()
        guard rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    public func delete() throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        try FileManager.default.removeItem(atPath: path)
    }

    /// Moves a token found in the database (the engine's `matrix.access_token.<user>` value) into this file, once:
    /// the row is deleted right after, and a token already in the file wins. True when a token was moved.
    @discardableResult
    public func adoptDatabaseToken(from store: any SchedulerStore, userID: String) throws -> Bool {
        let key = "matrix.access_token." + userID
        guard let stored = try store.read({ try $0.value(forKey: key) }) else { return false }
        if try read() == nil { try write(stored) }
        try store.write { try $0.setValue(nil, forKey: key) }
        return true
    }
}
