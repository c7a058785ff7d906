using System.Globalization;
using System.Text;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// The latest audited hash of every run record (<c>audit/audit.records.tsv</c>, one line per record entry:
/// seq, offset, run id, record, hash, tab-separated), appended with the trail so start-up never re-reads the trail.
/// Lookups check the trail entry at the recorded offset (see <see cref="AuditTrail.RecordHash"/>), so an edited
/// index is caught like an edited trail.
/// </summary>
public sealed class AuditRecordIndex(string path)
{
    private readonly Dictionary<(string RunId, string Record), AuditedRecord> _records = [];

    /// <summary>The index file.</summary>
    public string FilePath => path;

    /// <summary>Bytes of the index file written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Loads the first <paramref name="length"/> bytes (cutting off anything after them, left by an
    /// interrupted append); false when the file is shorter or unreadable, so the index must be rebuilt.</summary>
    public bool Load(long length)
    {
        Clear();
        if (length == 0)
            return true;
        if (!File.Exists(path) || new FileInfo(path).Length < length)
            return false;
        Truncate(length);
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var fields = line.Split('\t');
            if (fields.Length != 5 || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                Clear();
                return false;
            }

            _records[(fields[2], fields[3])] = new AuditedRecord(seq, offset, fields[4]);
        }

        Length = length;
        return true;
    }

    /// <summary>Empties the index (memory and file).</summary>
    public void Reset()
    {
        Clear();
        File.WriteAllBytes(path, []);
    }

    /// <summary>Adds a record entry and appends it to the file.</summary>
    public void Add(string runId, string record, AuditedRecord audited)
    {
        if (runId.Contains('\t') || record.Contains('\t') || runId.Contains('\n') || record.Contains('\n'))
            throw new ArgumentException("Run ids and record names in the audit index cannot hold tabs or newlines.");
        _records[(runId, record)] = audited;
        var line = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{audited.Seq}\t{audited.Offset}\t{runId}\t{record}\t{audited.Hash}\n"));
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(line);
        Length = stream.Position;
    }

    /// <summary>Adds a record entry found while scanning the trail, without writing (see <see cref="Save"/>).</summary>
    public void Remember(string runId, string record, AuditedRecord audited) => _records[(runId, record)] = audited;

    /// <summary>Writes every remembered entry as the whole file (after a scan of the trail).</summary>
    public void Save()
    {
        var text = new StringBuilder();
        foreach (var ((runId, record), audited) in _records.OrderBy(r => r.Value.Seq))
            text.Append(CultureInfo.InvariantCulture, $"{audited.Seq}\t{audited.Offset}\t{runId}\t{record}\t{audited.Hash}\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        File.WriteAllBytes(path, bytes);
        Length = bytes.Length;
    }

    /// <summary>The latest audited entry of a record, or null.</summary>
    public AuditedRecord? Find(string runId, string record) => _records.GetValueOrDefault((runId, record));

    private void Clear()
    {
        _records.Clear();
        Length = 0;
    }

    private void Truncate(long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length > length)
            stream.SetLength(length);
    }
}
