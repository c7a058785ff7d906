namespace McpFlow.Core.Tracking;

/// <summary>
/// Marks a tool class whose tools read from or write to the MLflow tracking store. When the configured tracking URI is
/// a remote server (<c>http(s)://</c>), their <c>openWorldHint</c> is set to true (<see cref="Mcp.OpenWorldAnnotations"/>):
/// they then talk to a system outside this machine. With the workspace's own store, a folder or a SQLite file they stay
/// closed-world as their <c>[McpServerTool]</c> attribute says.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UsesTrackingServerAttribute : Attribute;
