namespace McpFlow.Data.Sources;

/// <summary>A configured source as shown to clients: no password, no connection string.</summary>
/// <param name="Name">Source name, e.g. <c>warehouse</c>.</param>
/// <param name="Kind">Dialect, e.g. <c>postgresql</c>.</param>
/// <param name="Host">Host (or socket folder).</param>
/// <param name="Port">Port.</param>
/// <param name="Database">Database, when set.</param>
/// <param name="User">User, when set.</param>
public sealed record SourceInfo(string Name, string Kind, string Host, int Port, string? Database, string? User);
