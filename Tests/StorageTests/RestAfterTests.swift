import Foundation
import SchedulerCore
import Testing
@testable import Storage

@Suite struct RestAfterTests {
    @Test(arguments: StoreKind.allCases) func restAfterMatchesWhatTheWholeTypeSays(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let types = try store.write { session -> [TaskType] in
            try session.save(UserProfile(id: "u", createdAt: now))
            return try TaskCategory.allCases.map { category in
                var type = TaskType(userID: "u", displayName: "task \(category.rawValue)", category: category)
                try session.save(&type)
                return type
            }
        }
        let rest = try store.read { try $0.restAfter(taskTypes: Set(types.compactMap(\.id) + [999])) }
        #expect(rest.count == types.count, "an unknown id is simply absent")
        for type in types {
            #expect(rest[type.id ?? -1] == (type.needsRecovery ? type.recoveryMinutes : 0), "\(type.category)")
        }
        #expect(try store.read { try $0.restAfter(taskTypes: []) }.isEmpty)
    }
}
