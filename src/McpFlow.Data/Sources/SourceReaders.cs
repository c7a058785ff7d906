namespace McpFlow.Data.Sources;

/// <summary>Opens the reader of a source's kind.</summary>
public static class SourceReaders
{
    /// <summary>Opens <paramref name="source"/> and starts its read-only transaction with a <paramref name="timeoutSeconds"/> statement limit.</summary>
    public static async Task<ISourceReader> OpenAsync(DatabaseSource source, int timeoutSeconds, CancellationToken cancellationToken) =>
        source.IsMySql
            ? await MySqlReader.OpenAsync(source, timeoutSeconds, cancellationToken).ConfigureAwait(false)
            : await PostgresReader.OpenAsync(source, timeoutSeconds, cancellationToken).ConfigureAwait(false);
}
