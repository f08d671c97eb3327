import GRDB

extension Migrations {
    /// Which network each person is on, so a network's clock round takes only its own people's messages.
    static func registerNetworks(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-user-network") { db in
            try db.alter(table: "proactive_preferences") { t in
                t.add(column: "network", .text).check(sql: "network IN ('matrix', 'irc', 'console', 'replay')")
            }
            // Rows without a network: Matrix room ids start with "!", and IRC is the only other front end that
            // stores a room. Read once here; each message records its network itself.
            try db.execute(sql: """
                UPDATE proactive_preferences SET network = CASE
                  WHEN last_room LIKE '!%' THEN 'matrix' WHEN last_room IS NOT NULL THEN 'irc' ELSE 'console' END
                """)
        }
    }
}
