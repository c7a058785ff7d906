using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;

namespace McpFlow.Core.Storage.Catalogue;

/// <summary>
/// The immutable Parquet snapshots of catalogued table versions on the shared workspace folder
/// (<c>team/tables/&lt;sha256&gt;.parquet</c>): content-addressed (the name is the SHA-256 of the bytes), written to a
/// temporary name and renamed into place, and read only after a copy on the local disk matched the hash the catalogue
/// recorded, so a snapshot changed or removed on the share is refused instead of loaded. Paths follow from the hash;
/// none is ever taken from a client or from the database.
/// </summary>
public static partial class TableSnapshots
{
    /// <summary>The snapshot folder, relative to the workspace.</summary>
    public const string Folder = "team/tables";

    /// <summary>Writes <paramref name="table"/>'s rows as a snapshot in <paramref name="folder"/>; returns its SHA-256.</summary>
    public static string Write(DuckDBConnection connection, string table, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{Guid.NewGuid():N}.parquet{Files.AtomicFile.TemporarySuffix}");
        try
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"COPY (SELECT * FROM {SqlQuote.Id(table)}) TO {SqlQuote.Literal(temporary)} (FORMAT parquet)";
                command.ExecuteNonQuery();
            }

            cancellationToken.ThrowIfCancellationRequested();
            var sha = Hash(temporary);
            var final = PathOf(folder, sha);
            if (File.Exists(final) && Hash(final) == sha)
                File.Delete(temporary); // the same rows were published before: the snapshot is shared
            else
                File.Move(temporary, final, overwrite: true);
            return sha;
        }
        catch
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Copies the snapshot of <paramref name="entry"/> from <paramref name="folder"/> into
    /// <paramref name="staging"/>, hashing while it copies; returns the copy's path, or throws an actionable error when
    /// the snapshot is missing or its bytes differ from the catalogue's hash.</summary>
    public static string CopyVerified(CatalogueEntry entry, string folder, string staging)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var source = PathOf(folder, entry.Sha256);
        var copy = Path.Combine(staging, $"{Guid.NewGuid():N}.parquet");
        const string Fix = "Load the table again (data_load) through any McpFlow server of the team to publish a new version, or ask the operator to restore the workspace's team/tables folder.";
        if (!File.Exists(source))
            throw McpFlowException.Unavailable(
                $"Table '{entry.Name}' version {entry.Version} cannot be read: its snapshot {Folder}/{entry.Sha256}.parquet is missing from the shared workspace folder.", Fix);
        string actual;
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read))
        using (var output = new FileStream(copy, FileMode.CreateNew, FileAccess.Write))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }

            actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        if (actual == entry.Sha256)
            return copy;
        File.Delete(copy);
        throw McpFlowException.Conflict(
            $"Table '{entry.Name}' version {entry.Version} was refused: its snapshot {Folder}/{entry.Sha256}.parquet on the shared workspace folder has SHA-256 {actual[..12]}…, not the {entry.Sha256[..12]}… the team catalogue recorded, so it was changed outside McpFlow.", Fix);
    }

    /// <summary>The snapshot file of <paramref name="sha256"/> (64 lower-case hex digits, checked) in <paramref name="folder"/>.</summary>
    public static string PathOf(string folder, string sha256) =>
        Sha256Shape().IsMatch(sha256)
            ? Path.Combine(folder, sha256 + ".parquet")
            : throw McpFlowException.Conflict("The team catalogue holds a snapshot hash that is not a SHA-256, so the table is not read.", "Ask the operator to check the mcpflow_tables rows.");

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Shape();
}
