using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Loading;

/// <summary>
/// Reads the head of a CSV/TSV file before DuckDB sniffs it, holding one buffer, and measures its widest record under
/// every dialect DuckDB's sniffer tries (delimiters <c>, | ; \t</c> or the given one; quote <c>"</c> with escape
/// <c>"</c>, <c>'</c> or <c>\</c>; quote <c>'</c> with escape <c>\</c>; no quoting), so a file whose records would make a
/// table of tens of thousands of columns is stopped before DuckDB spends minutes on it. Lines longer than the limit are
/// refused without being held in memory. The scan covers twice DuckDB's sniffing sample (20,480 rows), counted per
/// dialect, since quoted newlines make a record span several lines.
/// </summary>
internal static class DelimitedScanner
{
    /// <summary>DuckDB's default <c>sample_size</c>: the rows its sniffer reads.</summary>
    public const int SniffSampleRows = 20_480;

    /// <summary>Records scanned per dialect: twice the sniffer's sample, a margin for skipped and empty lines.</summary>
    public const int SampleRecords = 2 * SniffSampleRows;

    private const int BufferChars = 1 << 16;
    private static readonly string[] CandidateDelimiters = [",", "|", ";", "\t"];

    /// <summary>Scans the head of <paramref name="reader"/>; refuses a line longer than <paramref name="maxLineChars"/>.</summary>
    public static DelimitedShape Scan(TextReader reader, string? delimiter, int maxLineChars, string fileName, CancellationToken cancellationToken)
    {
        var delimiters = delimiter is null ? CandidateDelimiters : [delimiter];
        var raw = new Dialect('\0', '\0', delimiters);
        var standard = new Dialect('"', '"', delimiters);
        Dialect[] dialects = [raw, standard, new('"', '\\', delimiters), new('"', '\'', delimiters), new('\'', '\\', delimiters)];
        var first = new System.Text.StringBuilder();
        var firstDone = false;
        var buffer = new char[BufferChars];
        var done = false;
        int read;
        while (!done && (read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < read && !done; i++)
            {
                var c = buffer[i];
                if (!firstDone)
                {
                    if (c is '\n' or '\r')
                        firstDone = true;
                    else if (first.Length < maxLineChars)
                        first.Append(c);
                }

                foreach (var dialect in dialects)
                    dialect.Step(c, maxLineChars);
                if (raw.Dead)
                    throw McpFlowException.Invalid(
                        $"Line {raw.Records + 1:N0} of '{fileName}' is longer than {maxLineChars:N0} bytes, the longest line a load accepts.",
                        $"Check that the file is really CSV/TSV text, or ask the operator to raise the limit with {LoadLimits.LineBytesSwitch}.");
                done = (c is '\n' or '\r') && raw.Records >= SampleRecords && dialects.All(d => d.Dead || d.Records >= SampleRecords);
            }
        }

        foreach (var dialect in dialects)
            dialect.End();
        return new DelimitedShape(dialects.Max(d => d.Widest), standard.Widest, first.ToString());
    }

    /// <summary>One candidate dialect: its quoting state and field counts per delimiter.</summary>
    private sealed class Dialect(char quote, char escape, string[] delimiters)
    {
        private readonly int[] _counts = new int[delimiters.Length];
        private readonly int[] _matched = new int[delimiters.Length];
        private bool _inQuote;
        private bool _skipNext;
        private int _recordChars;

        public long Records { get; private set; }

        public int Widest { get; private set; } = 1;

        /// <summary>True once a record ran past the line limit (DuckDB rejects this dialect then).</summary>
        public bool Dead { get; private set; }

        public void Step(char c, int maxLineChars)
        {
            if (Dead)
                return;
            if (_inQuote)
            {
                _recordChars++;
                if (_skipNext)
                    _skipNext = false;
                else if (c == escape && escape != quote)
                    _skipNext = true;
                else if (c == quote)
                    _inQuote = false;
            }
            else if (c is '\n' or '\r')
            {
                End();
                return;
            }
            else
            {
                _recordChars++;
                if (quote != '\0' && c == quote)
                    _inQuote = true;
                else
                    CountDelimiters(c);
            }

            if (_recordChars > maxLineChars)
                Dead = true;
        }

        /// <summary>Ends the current record (at a newline or the end of the scan).</summary>
        public void End()
        {
            if (_recordChars > 0 && !Dead)
            {
                Records++;
                for (var d = 0; d < _counts.Length; d++)
                    Widest = Math.Max(Widest, _counts[d] + 1);
            }

            Array.Clear(_counts);
            Array.Clear(_matched);
            _recordChars = 0;
        }

        // Non-overlapping matches, left to right, as a CSV parser splits; delimiters are at most a few characters.
        private void CountDelimiters(char c)
        {
            for (var d = 0; d < delimiters.Length; d++)
            {
                var delimiter = delimiters[d];
                if (delimiter.Length == 1)
                {
                    if (c == delimiter[0])
                        _counts[d]++;
                    continue;
                }

                _matched[d] = Advance(delimiter, _matched[d], c);
                if (_matched[d] == delimiter.Length)
                {
                    _counts[d]++;
                    _matched[d] = 0;
                }
            }
        }

        // The longest prefix of the delimiter that ends at c, given the prefix matched before it (a small KMP step).
        private static int Advance(string delimiter, int matched, char c)
        {
            for (var length = Math.Min(matched + 1, delimiter.Length); length > 0; length--)
            {
                var candidate = length - 1;
                if (delimiter[candidate] != c)
                    continue;
                if (candidate == 0 || delimiter.AsSpan(0, candidate).SequenceEqual(delimiter.AsSpan(matched - candidate, candidate)))
                    return length;
            }

            return 0;
        }
    }
}
