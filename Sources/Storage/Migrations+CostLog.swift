import GRDB

extension Migrations {
    /// The cost log's additive fields: the strong-model-for-everything baseline of each chat message,
    /// and the bound the budget gate admitted a call at. Null on rows written before.
    static func registerCostLog(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-cost-log-baseline") { db in
            try db.alter(table: "llm_call") { t in
                t.add(column: "baseline_prompt_tokens", .integer)
                t.add(column: "baseline_completion_tokens", .integer)
                t.add(column: "worst_case_usd", .double)
            }
        }
    }
}
