namespace McpFlow.Core.Identity;

/// <summary>
/// What a user of the HTTP team mode may do (docs/deployment.md). Each role includes the ones before it:
/// <see cref="Viewer"/> calls read-only tools, <see cref="Analyst"/> everything but decisions and gated actions,
/// <see cref="Approver"/> decisions and gated actions too.
/// </summary>
public enum UserRole
{
    /// <summary>Read-only tools only (a tool's effective read-only hint, <see cref="Mcp.ToolHints.Effective"/>).</summary>
    Viewer = 0,

    /// <summary>Every tool except decisions (<see cref="ToolAccess.DecisionTools"/>) and gated actions.</summary>
    Analyst = 1,

    /// <summary>Every tool, decisions and gated actions included.</summary>
    Approver = 2,
}
