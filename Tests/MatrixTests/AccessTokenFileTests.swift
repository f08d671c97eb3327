import Foundation
import Matrix
import Storage
import Testing

@Suite struct AccessTokenFileTests {
    let folder = NSTemporaryDirectory() + "tokens-\(UUID().uuidString)/secrets"

    private func permissions(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aTokenIsKeptInAFileOnlyTheBotCanRead() throws {
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let file = AccessTokenFile(directory: folder, userID: "@coach:example.org")
        #expect(try file.read() == nil)
        try file.write("syt_first")
        try file.write("syt_second")
        #expect(try file.read() == "syt_second")
        #expect(try permissions(file.path) == 0o600)
        #expect(try permissions(folder) == 0o700)
        #expect((file.path as NSString).lastPathComponent == "matrix-_coach_example_org.token")
    }

    @Test func aTokenInTheDatabaseMovesToTheFileOnceAndLeavesTheDatabase() throws {
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let store = try SQLiteStore()
        try store.write { try $0.setValue("syt_from_db", forKey: "matrix.access_token.@coach:x") }
        let file = AccessTokenFile(directory: folder, userID: "@coach:x")
        #expect(try file.adoptDatabaseToken(from: store, userID: "@coach:x"))
        #expect(try file.read() == "syt_from_db")
        #expect(try store.read { try $0.value(forKey: "matrix.access_token.@coach:x") } == nil)
        #expect(try file.adoptDatabaseToken(from: store, userID: "@coach:x") == false)
        #expect(try file.read() == "syt_from_db")
    }

    @Test func aTokenAlreadyInTheFileWinsOverOneLeftInTheDatabase() throws {
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let store = try SQLiteStore()
        let file = AccessTokenFile(directory: folder, userID: "@coach:x")
        try file.write("syt_newer")
        try store.write { try $0.setValue("syt_older", forKey: "matrix.access_token.@coach:x") }
        #expect(try file.adoptDatabaseToken(from: store, userID: "@coach:x"))
        #expect(try file.read() == "syt_newer")
        #expect(try store.read { try $0.value(forKey: "matrix.access_token.@coach:x") } == nil)
    }
}
