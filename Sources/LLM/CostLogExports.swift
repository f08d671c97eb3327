// The cost log's values (records, routes, outcomes, token counts) sit in a leaf module so the store protocols
// can speak them too; whoever uses the LLM layer sees them as before.
@_exported import CostLog
