using McpFlow.Core.Storage;

namespace McpFlow.Data.Sources;

/// <summary>
/// The session settings of a MySQL or MariaDB read, before its READ ONLY transaction starts: TIMESTAMP values in UTC,
/// the per-statement time limit in the server's own terms (MariaDB: <c>max_statement_time</c> in seconds, for every
/// statement; MySQL: <c>max_execution_time</c> in milliseconds, for SELECTs), and an idle limit of the same length.
/// </summary>
public static class MySqlSession
{
    /// <summary>True when <paramref name="serverVersion"/> (the handshake's version string, e.g.
    /// <c>5.5.5-10.11.19-MariaDB-0+deb12u1</c>) is MariaDB's.</summary>
    public static bool IsMariaDb(string serverVersion) => serverVersion.Contains("mariadb", StringComparison.OrdinalIgnoreCase);

    /// <summary>The statements to run, in order.</summary>
    public static IReadOnlyList<string> Settings(bool mariaDb, int timeoutSeconds) =>
    [
        "SET SESSION time_zone = '+00:00'",
        mariaDb
            ? $"SET SESSION max_statement_time = {SqlQuote.Integer(timeoutSeconds)}"
            : $"SET SESSION max_execution_time = {SqlQuote.Integer(checked(timeoutSeconds * 1000L))}",
        $"SET SESSION wait_timeout = {SqlQuote.Integer(timeoutSeconds)}",
    ];
}
