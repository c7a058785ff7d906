using System.Security.Cryptography;

namespace McpFlow.Security.Tests.Checks;

/// <summary>
/// The workspace's own records an attacker would rewrite (issue 11: audit trail, gate configuration, a run's manifest,
/// the database, job records, …), each with the rule it must keep: byte for byte unchanged; the audit trail only
/// appended to (every state-changing call adds an entry); the database still a DuckDB file (DuckDB itself rewrites
/// blocks, so its bytes cannot be compared; a file written over it loses the "DUCK" magic at offset 8).
/// </summary>
internal sealed class ProtectedRecords
{
    private readonly Dictionary<string, byte[]?> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _appendOnly = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _databases = new(StringComparer.Ordinal);

    /// <summary>Every path watched.</summary>
    public IEnumerable<string> Paths => _exact.Keys.Concat(_appendOnly.Keys).Concat(_databases.Keys);

    /// <summary>Watches a file that must not change at all (nor appear, when it does not exist yet).</summary>
    public ProtectedRecords Exact(string path)
    {
        _exact[path] = Hash(path);
        return this;
    }

    /// <summary>Watches a file that may only grow at its end.</summary>
    public ProtectedRecords AppendOnly(string path)
    {
        _appendOnly[path] = File.Exists(path) ? File.ReadAllBytes(path) : [];
        return this;
    }

    /// <summary>Watches a DuckDB database file.</summary>
    public ProtectedRecords Database(string path)
    {
        _databases[path] = IsDuckDb(path);
        return this;
    }

    /// <summary>Re-reads the append-only files as the new baseline (after legitimate appends).</summary>
    public void Rebase()
    {
        foreach (var path in _appendOnly.Keys.ToList())
            if (File.Exists(path))
                _appendOnly[path] = File.ReadAllBytes(path);
    }

    /// <summary>The records that broke their rule, with how.</summary>
    public IReadOnlyList<string> Violations()
    {
        var violations = new List<string>();
        foreach (var (path, hash) in _exact)
            if (!(Hash(path) is var now && (now is null ? hash is null : hash is not null && now.AsSpan().SequenceEqual(hash))))
                violations.Add((hash is null ? "created " : "rewritten ") + path);
        foreach (var (path, before) in _appendOnly)
        {
            var now = File.Exists(path) ? File.ReadAllBytes(path) : [];
            if (now.Length < before.Length || !now.AsSpan(0, before.Length).SequenceEqual(before))
                violations.Add("rewritten (not appended) " + path);
        }

        violations.AddRange(_databases.Where(d => d.Value && !IsDuckDb(d.Key)).Select(d => "no longer a DuckDB file " + d.Key));
        return violations;
    }

    private static byte[]? Hash(string path) => File.Exists(path) ? SHA256.HashData(File.ReadAllBytes(path)) : null;

    private static bool IsDuckDb(string path)
    {
        if (!File.Exists(path))
            return false;
        using var file = File.OpenRead(path);
        var header = new byte[12];
        return file.Read(header, 0, 12) == 12 && header.AsSpan(8, 4).SequenceEqual("DUCK"u8);
    }
}
