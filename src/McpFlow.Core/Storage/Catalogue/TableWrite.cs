using DuckDB.NET.Data;
using Npgsql;

namespace McpFlow.Core.Storage.Catalogue;

/// <summary>
/// A write to catalogued tables (<see cref="SharedTableCatalogue.BeginWrite"/>): in team mode it holds the tables'
/// advisory locks on its own connection until disposed, and publishes each written table as its next version; in
/// single-user mode every call is a no-op returning null.
/// </summary>
public sealed class TableWrite : IDisposable
{
    private readonly SharedTableCatalogue? _catalogue;
    private readonly NpgsqlConnection? _connection;
    private readonly IReadOnlyList<string> _keys;

    internal TableWrite(SharedTableCatalogue? catalogue, NpgsqlConnection? connection, IReadOnlyList<string> keys)
    {
        _catalogue = catalogue;
        _connection = connection;
        _keys = keys;
    }

    /// <summary>The write of single-user mode: nothing is locked or published.</summary>
    public static TableWrite SingleUser() => new(null, null, []);

    /// <summary>Publishes <paramref name="table"/>'s rows (as <paramref name="connection"/> sees them, committed) as its
    /// next version. <paramref name="replacesContent"/>: the table was replaced from a file or source (its suggestions
    /// are forgotten), not derived from its previous version.</summary>
    public CatalogueEntry? Publish(DuckDBConnection connection, string table, string operation, bool replacesContent, CancellationToken cancellationToken = default) =>
        _catalogue?.Publish(Locked(table), connection, table, operation, replacesContent, cancellationToken);

    /// <summary>Publishes that <paramref name="table"/> was dropped (nothing when the catalogue does not list it).</summary>
    public CatalogueEntry? PublishDrop(string table, string operation) => _catalogue?.PublishDrop(Locked(table), table, operation);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_connection is null)
            return;
        try
        {
            foreach (var key in _keys)
                SharedTableCatalogue.Unlock(_connection, key);
        }
        finally
        {
            _connection.Dispose(); // a broken connection ends its session, which releases the locks too
        }
    }

    private NpgsqlConnection Locked(string table) =>
        _keys.Contains(SharedTableCatalogue.Key(table), StringComparer.Ordinal)
            ? _connection!
            : throw new InvalidOperationException($"Table '{table}' was not locked by this write.");
}
