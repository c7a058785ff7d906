using Npgsql;

namespace McpFlow.Data.Sources;

/// <summary>
/// A configured database source. <see cref="ConnectionString"/> and <see cref="Password"/> are secrets: they go to the
/// driver only, never into a result, an error or a log line (<see cref="ToString"/> names the source and its host).
/// </summary>
/// <param name="Name">Name the model uses, e.g. <c>warehouse</c>.</param>
/// <param name="Kind">Dialect: <c>postgresql</c>, <c>mysql</c> or <c>mariadb</c>.</param>
/// <param name="ConnectionString">Driver connection string (secret).</param>
/// <param name="Password">Password from the environment, when given apart from the connection string (secret).</param>
public sealed record DatabaseSource(string Name, string Kind, string ConnectionString, string? Password)
{
    /// <summary>True for a MySQL or MariaDB source (MySqlConnector, <see cref="MySqlReader"/>).</summary>
    public bool IsMySql => Kind is "mysql" or "mariadb";

    /// <summary>What may be shown of the source: name, kind, host, port, database and user (no secrets).</summary>
    public SourceInfo Info()
    {
        if (IsMySql)
            return MySqlSettings.Info(this);
        var builder = Builder();
        return new SourceInfo(Name, Kind, builder.Host ?? "localhost", builder.Port, builder.Database, builder.Username);
    }

    /// <summary>The PostgreSQL driver's connection settings with McpFlow's own: no pooling across loads, a connect timeout, and
    /// the password from the environment.</summary>
    public NpgsqlConnectionStringBuilder Builder()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            ApplicationName = "mcpflow",
            IncludeErrorDetail = false,
            LogParameters = false,
        };
        if (Password is not null)
            builder.Password = Password;
        if (builder.Timeout is 0 or > MaxConnectSeconds)
            builder.Timeout = MaxConnectSeconds;
        return builder;
    }

    /// <summary>The secrets, for scrubbing any text that could echo them.</summary>
    public IEnumerable<string> Secrets()
    {
        if (IsMySql)
        {
            foreach (var password in MySqlSettings.Passwords(this))
                yield return password;
            yield return ConnectionString;
            yield break;
        }

        var builder = Builder();
        if (!string.IsNullOrEmpty(builder.Password))
            yield return builder.Password;
        yield return ConnectionString;
    }

    /// <inheritdoc />
    public override string ToString() => $"source '{Name}' ({Kind})";

    /// <summary>Seconds to wait for a connection at most: a source that does not answer fails the call, not the client.</summary>
    public const int MaxConnectSeconds = 15;
}
