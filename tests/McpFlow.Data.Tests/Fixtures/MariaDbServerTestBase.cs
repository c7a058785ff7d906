using McpFlow.Core.Configuration;
using McpFlow.Testing.MariaDb;

namespace McpFlow.Data.Tests.Fixtures;

/// <summary>A data-group server with the fixture's MariaDB configured as source <c>maria</c> (kind <c>mariadb</c>): the
/// connection string without the password, the password apart (as <c>MCPFLOW_SOURCE_PASSWORD__MARIA</c> gives it).</summary>
public abstract class MariaDbServerTestBase(MariaDbServer mariaDb) : SourceServerTestBase
{
    /// <summary>The source name tests use.</summary>
    public const string Source = "maria";

    /// <summary>The server.</summary>
    protected MariaDbServer MariaDb { get; } = mariaDb;

    /// <inheritdoc />
    protected override void ConfigureOptions(McpFlowOptions options)
    {
        options.Sources[Source] = "mariadb:" + MariaDb.ReaderConnectionString;
        options.SourcePasswords[Source] = MariaDb.ReaderPassword;
    }
}
