namespace McpFlow.Core.Configuration;

/// <summary>Team mode's shared engines (issue 16). Nothing here is set by default: one user keeps the workspace's files.</summary>
public sealed class TeamOptions
{
    /// <summary>The environment variable holding <see cref="Database"/> (the only place it is read from).</summary>
    public const string DatabaseVariable = "MCPFLOW_TEAM_DATABASE";

    /// <summary>Npgsql connection string of the PostgreSQL database that several McpFlow processes share (review queue,
    /// audit chain, job queue), e.g. <c>Host=db;Database=mcpflow;Username=mcpflow;Password=…</c>. From
    /// <see cref="DatabaseVariable"/> only, since it may hold a password; never serialized, logged or returned.
    /// Default: none (single-user mode).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Database { get; set; }

    /// <summary>True when a shared database is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Database);
}
