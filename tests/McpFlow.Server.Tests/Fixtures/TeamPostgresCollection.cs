using McpFlow.Testing.Postgres;

namespace McpFlow.Server.Tests.Fixtures;

/// <summary>One real PostgreSQL server (the team database) for the team-job test classes.</summary>
[CollectionDefinition(Name)]
public sealed class TeamPostgresCollection : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "team-postgres";
}
