import BotConfig
import LLM

extension App {
    /// `PriceTable.defaults` with bot.conf `[costs.prices]` entries replacing or adding models.
    static func prices(_ config: ConfigValues) -> PriceTable {
        PriceTable.defaults.merging(Dictionary(config.prices.map { entry in
            (entry.model, ModelPrice(promptPerMillion: entry.inputPerMillion, completionPerMillion: entry.outputPerMillion,
                                     cachedPerMillion: entry.cachedInputPerMillion))
        }, uniquingKeysWith: { _, last in last }))
    }

    /// A model the bot may call without a price would be spent on blindly (and budgets would read it as free),
    /// so each one is a start-up error naming where the model was set.
    static func priceProblems(_ config: ConfigValues) -> [String] {
        let table = prices(config)
        let file = config.filePath ?? "bot.conf"
        return ["completions_model", "assistant_model"].compactMap { key in
            let model = config.string("llm", key)
            guard table.price(for: model) == nil else { return nil }
            let source = config.sources["llm.\(key)"] ?? "default"
            return "\(source): [llm] \(key) \"\(model)\" has no price; add \"\(model)\" = [input, output] "
                + "(USD per million tokens, a third number for cached input) under [costs.prices] in \(file)"
        }
    }
}
