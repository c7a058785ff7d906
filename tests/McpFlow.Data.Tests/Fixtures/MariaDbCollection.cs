using McpFlow.Testing.MariaDb;

namespace McpFlow.Data.Tests.Fixtures;

/// <summary>One real MariaDB server for every test class that names <see cref="Name"/> (started once, stopped at the end).</summary>
[CollectionDefinition(Name)]
public sealed class MariaDbCollection : ICollectionFixture<MariaDbServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "mariadb";
}
