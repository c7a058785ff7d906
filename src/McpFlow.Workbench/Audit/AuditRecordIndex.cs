using System.Globalization;
using System.Text;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// The latest audited hash of every run record (<c>audit/audit.records.tsv</c>, one line per record entry:
/// seq, offset, run id, record, hash, tab-separated), appended with the trail so start-up never re-reads the trail,
/// and read only at the first lookup, so opening the trail does not grow with it either. Lookups check the trail entry
/// at the recorded offset (see <see cref="AuditTrail.RecordHash"/>), so an edited index is caught like an edited trail.
/// </summary>
public sealed class AuditRecordIndex(string path)
{
    private Dictionary<(string RunId, string Record), AuditedRecord>? _records;

    /// <summary>The index file.</summary>
    public string FilePath => path;

    /// <summary>Bytes of the index file that belong to the trail.</summary>
    public long Length { get; private set; }

    /// <summary>Takes the first <paramref name="length"/> bytes of the file as the index (cutting off anything after
    /// them, left by an interrupted append) without reading them; false when the file is shorter, so the index must be
    /// rebuilt from the trail.</summary>
    public bool Attach(long length)
    {
        _records = null;
        Length = 0;
        var actual = File.Exists(path) ? new FileInfo(path).Length : 0;
        if (actual < length)
            return false;
        if (actual > length)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            stream.SetLength(length);
        }

        Length = length;
        return true;
    }

    /// <summary>Reads the attached bytes once (later calls return at once); false when a line is malformed, so the index
    /// must be rebuilt from the trail.</summary>
    public bool EnsureRead()
    {
        if (_records is not null)
            return true;
        var records = new Dictionary<(string RunId, string Record), AuditedRecord>((int)Math.Min(Length / 100, 1 << 20)); // lines are ~100 bytes
        if (Length > 0)
        {
            var bytes = new byte[Length];
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                stream.ReadExactly(bytes);
            var text = Encoding.UTF8.GetString(bytes).AsSpan();
            while (!text.IsEmpty)
            {
                var end = text.IndexOf('\n');
                var line = end < 0 ? text : text[..end];
                text = end < 0 ? [] : text[(end + 1)..];
                if (line.IsEmpty)
                    continue;
                if (!TryParse(line, out var runId, out var record, out var audited))
                    return false;
                records[(runId, record)] = audited;
            }
        }

        _records = records;
        return true;
    }

    /// <summary>Starts an empty index in memory (before a scan of the trail; <see cref="Save"/> writes it).</summary>
    public void Clear()
    {
        _records = [];
        Length = 0;
    }

    /// <summary>Adds a record entry and appends it to the file.</summary>
    public void Add(string runId, string record, AuditedRecord audited)
    {
        if (!IsStorable(runId, record))
            throw new ArgumentException("Run ids and record names in the audit index cannot hold tabs or newlines.");
        if (_records is not null)
            _records[(runId, record)] = audited;
        var line = Encoding.UTF8.GetBytes(Line(runId, record, audited));
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        stream.Seek(Length, SeekOrigin.Begin);
        stream.Write(line);
        Length += line.Length;
    }

    /// <summary>Adds a record entry found while scanning the trail, without writing (see <see cref="Save"/>).</summary>
    public void Remember(string runId, string record, AuditedRecord audited)
    {
        if (_records is null)
            throw new InvalidOperationException("Read or clear the index before remembering entries.");
        if (IsStorable(runId, record))
            _records[(runId, record)] = audited;
    }

    /// <summary>Writes every entry as the whole file (after a scan of the trail).</summary>
    public void Save()
    {
        var text = new StringBuilder();
        foreach (var ((runId, record), audited) in (_records ?? []).OrderBy(r => r.Value.Seq))
            text.Append(Line(runId, record, audited));
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        File.WriteAllBytes(path, bytes);
        Length = bytes.Length;
    }

    /// <summary>The latest audited entry of a record, or null (call <see cref="EnsureRead"/> first).</summary>
    public AuditedRecord? Find(string runId, string record) =>
        (_records ?? throw new InvalidOperationException("The index has not been read.")).GetValueOrDefault((runId, record));

    // One line: seq, offset, run id, record, hash, tab-separated; parsed on spans (the index is read once per process).
    private static bool TryParse(ReadOnlySpan<char> line, out string runId, out string record, out AuditedRecord audited)
    {
        runId = record = "";
        audited = null!;
        Span<Range> fields = stackalloc Range[6];
        if (line.Split(fields, '\t') != 5
            || !long.TryParse(line[fields[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || !long.TryParse(line[fields[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            return false;
        runId = line[fields[2]].ToString();
        record = line[fields[3]].ToString();
        audited = new AuditedRecord(seq, offset, line[fields[4]].ToString());
        return true;
    }

    private static bool IsStorable(string runId, string record) =>
        runId.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 && record.AsSpan().IndexOfAny('\t', '\n', '\r') < 0;

    private static string Line(string runId, string record, AuditedRecord audited) =>
        string.Create(CultureInfo.InvariantCulture, $"{audited.Seq}\t{audited.Offset}\t{runId}\t{record}\t{audited.Hash}\n");
}
