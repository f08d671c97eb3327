// OpenAI-compatible and offline providers, and the cost ledger.
