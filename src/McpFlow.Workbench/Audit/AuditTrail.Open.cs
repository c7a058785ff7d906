using System.Globalization;
using McpFlow.Workbench.Hashing;

namespace McpFlow.Workbench.Audit;

/// <summary>Opening the trail: the checkpoint check, adoption of entries written after the last checkpoint, the
/// quarantine of a torn last line, and the full scan when there is no usable checkpoint.</summary>
public sealed partial class AuditTrail
{
    private void EnsureLoaded()
    {
        if (_loaded)
            return;
        _index = new AuditRecordIndex(Path.Combine(Folder, IndexFileName));
        var checkpoint = AuditCheckpoint.TryRead(CheckpointPath);
        var fileLength = File.Exists(FilePath) ? new FileInfo(FilePath).Length : 0;
        if (checkpoint is null)
        {
            Scan(0); // first start with this version, or the checkpoint was lost: read the trail once
        }
        else if ((checkpoint.Broken ?? Mismatch(checkpoint, fileLength)) is { } problem)
        {
            _brokenProblem = problem;
            Scan(0); // continue the chain after whatever the trail holds; records stay untrusted
        }
        else
        {
            (_lastSeq, _lastHash, _length) = (checkpoint.Seq, checkpoint.LastHash, checkpoint.Length);
            if (!_index.Attach(checkpoint.IndexLength))
                Scan(0); // the index was damaged: rebuild it from the trail
            else if (fileLength > checkpoint.Length)
                Scan(checkpoint.Length); // entries appended after the last checkpoint (a crash in between)
        }

        _loaded = true;
        WriteCheckpoint();
        if (_pendingQuarantine is { } quarantine)
        {
            _pendingQuarantine = null;
            AppendLocked(quarantine);
        }
    }

    // Reads the trail from a line boundary, verifying and adopting each entry; a torn last line is quarantined.
    private void Scan(long from)
    {
        // A full scan rebuilds the index in memory and writes it at the end; a scan of the tail appends to it unread.
        _rebuilding = from == 0;
        if (_rebuilding)
        {
            (_lastSeq, _lastHash, _length) = (0, AuditEntry.GenesisHash, 0);
            _index.Clear();
        }

        if (File.Exists(FilePath))
        {
            AuditLine? pending = null;
            foreach (var line in AuditLines.ReadFrom(FilePath, from))
            {
                if (pending is not null)
                    Adopt(pending, last: false);
                pending = line;
            }

            if (pending is not null)
                Adopt(pending, last: true);
        }

        if (_rebuilding)
            _index.Save();
        _rebuilding = false;
    }

    private void Adopt(AuditLine line, bool last)
    {
        var problem = AuditChain.Check(line.Text, _lastSeq + 1, _lastHash, out var node, out var hash);
        if (last && !line.Terminated && problem is null)
            CompleteLastLine(); // the append stopped just before its newline: the entry itself is whole
        else if (last && (!line.Terminated || AuditChain.IsTorn(line.Text)))
        {
            Quarantine(line);
            return;
        }

        if (problem is not null)
            _brokenProblem ??= problem;
        _length = line.Offset + line.ByteLength + (line.Terminated ? 0 : 1);
        if (node is null)
            return;
        _lastSeq = long.TryParse(Text(node, "seq"), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : _lastSeq + 1;
        _lastHash = hash ?? _lastHash;
        if (Text(node, "runId") is not { } runId || Text(node, "record") is not { } record || Text(node, "recordHash") is not { } recordHash)
            return;
        if (_rebuilding)
            _index.Remember(runId, record, new AuditedRecord(_lastSeq, line.Offset, recordHash));
        else if (runId.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 && record.AsSpan().IndexOfAny('\t', '\n', '\r') < 0)
            _index.Add(runId, record, new AuditedRecord(_lastSeq, line.Offset, recordHash));
    }

    private void CompleteLastLine()
    {
        using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.WriteByte((byte)'\n');
    }

    private void Quarantine(AuditLine line)
    {
        var name = $"torn-{time.GetUtcNow():yyyyMMdd-HHmmss}-after-entry-{_lastSeq}.jsonl";
        for (var n = 2; File.Exists(Path.Combine(Folder, name)); n++)
            name = $"torn-{time.GetUtcNow():yyyyMMdd-HHmmss}-after-entry-{_lastSeq}-{n}.jsonl";
        byte[] torn;
        using (var stream = new FileStream(FilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
        {
            torn = new byte[stream.Length - line.Offset];
            stream.Seek(line.Offset, SeekOrigin.Begin);
            stream.ReadExactly(torn);
            File.WriteAllBytes(Path.Combine(Folder, name), torn);
            stream.SetLength(line.Offset);
        }

        _length = line.Offset;
        _pendingQuarantine = new AuditEntry
        {
            Kind = "quarantine", Record = name, RecordHash = ContentHasher.HashBytes(torn),
            Outcome = string.Create(CultureInfo.InvariantCulture,
                $"a torn last line ({torn.Length:N0} bytes, left by an interrupted append) was moved to audit/{name}; entries 1-{_lastSeq} are kept"),
        };
    }

    // Why the trail does not end where the checkpoint says McpFlow's last entry ended, or null when it does.
    private string? Mismatch(AuditCheckpoint checkpoint, long fileLength)
    {
        if (checkpoint.Length == 0)
            return checkpoint.Seq == 0 ? null : $"the checkpoint records {checkpoint.Seq} entries at byte 0";
        if (fileLength < checkpoint.Length)
            return string.Create(CultureInfo.InvariantCulture,
                $"{FileName} is {fileLength:N0} bytes, shorter than the {checkpoint.Length:N0} bytes McpFlow wrote; entries were removed from its end");
        if (AuditLines.ReadEndingAt(FilePath, checkpoint.Length) is not { } last)
            return $"{FileName} has no entry ending where McpFlow's last entry {checkpoint.Seq} ended; the file was rewritten";
        return AuditChain.CheckSelf(last.Text, checkpoint.Seq, out var node, out var hash)
               ?? (Text(node, "seq") != checkpoint.Seq.ToString(CultureInfo.InvariantCulture) || hash != checkpoint.LastHash
                   ? $"entry {checkpoint.Seq}, the last one McpFlow wrote, was replaced"
                   : null);
    }
}
