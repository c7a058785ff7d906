namespace McpFlow.Core.Team;

/// <summary>What <see cref="SchemaMigrator.Apply"/> found and did.</summary>
/// <param name="Version">The database's schema version afterwards (the highest applied migration).</param>
/// <param name="Applied">Versions applied by this call (empty when the database was already current).</param>
public sealed record MigrationResult(int Version, IReadOnlyList<int> Applied);
