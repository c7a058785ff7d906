namespace McpFlow.Core.Mcp.Completions;

/// <summary>An argument a client may ask completions for: <paramref name="Reference"/> is a prompt's name or a resource
/// template's URI template (e.g. <c>mcpflow://data/tables/{table}</c>), <paramref name="Argument"/> the argument's name.</summary>
public sealed record CompletionTarget(string Reference, string Argument);
