using System.Data.Common;

namespace McpFlow.Data.Sources;

/// <summary>Opens the reader of a source's kind, and what every reader does the same way.</summary>
public static class SourceReaders
{
    /// <summary>Seconds the driver waits beyond the server's statement limit before giving up on the server.</summary>
    public const int DriverGraceSeconds = 10;

    /// <summary>Opens <paramref name="connection"/> and runs <paramref name="start"/> on it (session settings, the
    /// transaction); the connection is disposed when either fails.</summary>
    public static async Task<T> OpenAsync<T>(DbConnection connection, Func<Task<T>> start, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await start().ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs a catalog query (parameters already bound) and maps each row.</summary>
    public static async Task<List<T>> RowsAsync<T>(DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add(map(reader));
        return rows;
    }

    /// <summary>Opens <paramref name="source"/> and starts its read-only transaction with a <paramref name="timeoutSeconds"/> statement limit.</summary>
    public static async Task<ISourceReader> OpenAsync(DatabaseSource source, int timeoutSeconds, CancellationToken cancellationToken) =>
        source.IsMySql
            ? await MySqlReader.OpenAsync(source, timeoutSeconds, cancellationToken).ConfigureAwait(false)
            : await PostgresReader.OpenAsync(source, timeoutSeconds, cancellationToken).ConfigureAwait(false);
}
