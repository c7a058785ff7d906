using MySqlConnector;

namespace McpFlow.Data.Sources;

/// <summary>
/// The MySqlConnector settings of a MySQL or MariaDB source: the operator's connection string with McpFlow's own forced
/// over it, whatever it says: no <c>LOAD DATA LOCAL</c> file requests, no user variables, no server redirection to another
/// host, no pooling across loads, a connect timeout, zero dates returned as such (so they are counted, not guessed),
/// TINYINT(1) and CHAR(36) returned as stored (McpFlow maps them), and the password from the environment. MySqlConnector
/// has no switch for several statements per command: McpFlow refuses ';' in queries and always wraps them as a subquery.
/// </summary>
public static class MySqlSettings
{
    /// <summary>The driver's connection settings for <paramref name="source"/>.</summary>
    public static MySqlConnectionStringBuilder Builder(DatabaseSource source)
    {
        var builder = new MySqlConnectionStringBuilder(source.ConnectionString)
        {
            ApplicationName = "mcpflow",
            AllowLoadLocalInfile = false,
            AllowUserVariables = false,
            ServerRedirectionMode = MySqlServerRedirectionMode.Disabled,
            Pooling = false,
            AllowZeroDateTime = true,
            ConvertZeroDateTime = false,
            TreatTinyAsBoolean = false,
            GuidFormat = MySqlGuidFormat.None,
        };
        if (source.Password is not null)
            builder.Password = source.Password;
        if (builder.ConnectionTimeout is 0 or > DatabaseSource.MaxConnectSeconds)
            builder.ConnectionTimeout = DatabaseSource.MaxConnectSeconds;
        return builder;
    }

    /// <summary>What may be shown of the source (no secrets).</summary>
    public static SourceInfo Info(DatabaseSource source)
    {
        var builder = Builder(source);
        return new SourceInfo(source.Name, source.Kind, string.IsNullOrEmpty(builder.Server) ? "localhost" : builder.Server, (int)builder.Port,
            string.IsNullOrEmpty(builder.Database) ? null : builder.Database, string.IsNullOrEmpty(builder.UserID) ? null : builder.UserID);
    }

    /// <summary>The password and certificate password, when set.</summary>
    public static IEnumerable<string> Passwords(DatabaseSource source)
    {
        var builder = Builder(source);
        return new[] { builder.Password, builder.CertificatePassword }.Where(p => !string.IsNullOrEmpty(p));
    }
}
