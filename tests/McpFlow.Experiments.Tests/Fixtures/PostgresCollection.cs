using McpFlow.Testing.Postgres;

namespace McpFlow.Experiments.Tests.Fixtures;

/// <summary>One real PostgreSQL server for every test class that names <see cref="Name"/> (started once, stopped at the end).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "postgres";
}
