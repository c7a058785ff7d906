namespace McpFlow.Bench.Load;

/// <summary>The team-mode roles, as MCPFLOW_USERS names them.</summary>
internal enum UserRole
{
    /// <summary>Read-only tools: queries, descriptions, job lists.</summary>
    Viewer,

    /// <summary>Everything but decisions: profiles (each records a workbench run) and training jobs too.</summary>
    Analyst,

    /// <summary>Decisions: lists the review queue besides queries.</summary>
    Approver,
}
