using DuckDB.NET.Data;

namespace McpFlow.Core.Storage;

/// <summary>
/// The DuckDB settings that confine the engine, as one unit: extensions can be neither installed nor loaded (set at
/// start-up through the connection string), file access is limited to <c>allowed_directories</c> (the allowed roots
/// and the workspace; DuckDB resolves symbolic links before it checks), and the configuration is locked so no
/// statement can undo any of it. The settings are database-wide; <see cref="DuckDbGateway"/> keeps the database
/// open for the life of the process so they never fall back to DuckDB's defaults.
/// </summary>
public static class DuckDbLockdown
{
    /// <summary>Start-up options passed in every connection string (DuckDB applies them before the database opens).</summary>
    public const string StartupOptions =
        "autoinstall_known_extensions=false;autoload_known_extensions=false;allow_community_extensions=false;allow_unsigned_extensions=false";

    /// <summary>Applies the lock-down on <paramref name="connection"/> (the order matters: directories first, then
    /// external access off, then the lock). A no-op when the database is already locked down.</summary>
    public static void Apply(DuckDBConnection connection, IEnumerable<string> allowedDirectories)
    {
        ArgumentNullException.ThrowIfNull(allowedDirectories);
        if (Read(connection).IsLocked)
            return;
        var list = string.Join(", ", allowedDirectories.Select(d => SqlQuote.Literal(d.EndsWith('/') ? d : d + "/")));
        Execute(connection, $"SET allowed_directories = [{list}]");
        Execute(connection, "SET enable_external_access = false");
        Execute(connection, "SET lock_configuration = true");
    }

    /// <summary>The lock-down settings as the connection sees them.</summary>
    public static LockdownState Read(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('enable_external_access'), current_setting('lock_configuration'), " +
            "current_setting('autoload_known_extensions'), current_setting('autoinstall_known_extensions'), " +
            "current_setting('allowed_directories')::VARCHAR[]";
        using var reader = command.ExecuteReader();
        reader.Read();
        var directories = reader.IsDBNull(4) ? [] : ((IEnumerable<string>)reader.GetValue(4)).ToList();
        return new LockdownState(reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), directories);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
