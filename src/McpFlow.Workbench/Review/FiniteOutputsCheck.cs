using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Review;

/// <summary>
/// Numeric columns of CSV/TSV outputs and numbers in JSON/NDJSON outputs hold no NaN or infinity. A CSV column
/// counts as numeric when every non-empty cell parses as a number (NaN/Inf included); text columns are ignored.
/// JSON values "NaN", "Infinity" and "-Infinity" (how McpFlow and .NET write them) and bare NaN literals fail.
/// </summary>
public sealed class FiniteOutputsCheck : IReviewCheck
{
    /// <summary>Bytes scanned per file at most (64 MiB), so a huge output cannot stall the review.</summary>
    public const long MaxScanBytes = 64L << 20;

    /// <summary>Bytes scanned per review at most (256 MiB, about 7 s at the rate measured in docs/workbench.md), so a
    /// run with many large outputs still reviews within a tool call.</summary>
    public const long MaxTotalScanBytes = 256L << 20;

    /// <summary>Columns scanned per CSV/TSV output at most (10,000, five times the loaders' default column limit): a
    /// single 64 MB line of "1," would otherwise be 32 million columns and stall the review (red-team suite, issue 11).</summary>
    public const int MaxScanColumns = 10_000;

    private static readonly HashSet<string> NonFiniteTokens = new(StringComparer.OrdinalIgnoreCase)
        { "nan", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity" };

    /// <inheritdoc />
    public string Name => "outputs_finite";

    /// <inheritdoc />
    public CheckResult Run(ReviewInput input, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        var scanned = 0;
        var budget = MaxTotalScanBytes;
        foreach (var file in input.OutputFiles.Where(File.Exists))
        {
            var ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext is not (".csv" or ".tsv" or ".json" or ".ndjson" or ".jsonl"))
                continue;
            var length = new FileInfo(file).Length;
            if (budget <= 0)
            {
                notes.Add($"{Path.GetFileName(file)} not scanned (review budget of {MaxTotalScanBytes >> 20} MiB used up)");
                continue;
            }

            if (length > MaxScanBytes)
                notes.Add(ext == ".json" ? $"{Path.GetFileName(file)} not scanned (over {MaxScanBytes >> 20} MiB)" : $"{Path.GetFileName(file)}: first {MaxScanBytes >> 20} MiB scanned");
            var problem = ext switch
            {
                ".csv" => ScanCsv(file, ',', notes, cancellationToken),
                ".tsv" => ScanCsv(file, '\t', notes, cancellationToken),
                ".json" => ScanJson(file),
                _ => ScanNdjson(file, cancellationToken),
            };
            budget -= Math.Min(length, MaxScanBytes);
            scanned++;
            if (problem is not null)
                problems.Add($"{Path.GetFileName(file)}: {problem}");
        }

        var note = notes.Count == 0 ? "" : $" ({string.Join("; ", notes)})";
        if (problems.Count > 0)
            return new CheckResult(Name, false, string.Join("; ", problems) + note);
        return new CheckResult(Name, true, (scanned == 0 ? "no CSV/TSV/JSON outputs to scan" : $"{scanned} tabular/JSON output(s) scanned, no NaN or infinity") + note);
    }

    private static bool IsNonFinite(ReadOnlySpan<char> cell)
    {
        var trimmed = cell.Trim();
        return trimmed.Length is > 0 and <= 9 && (trimmed[^1] is 'n' or 'N' or 'f' or 'F' or 'y' or 'Y' || trimmed.EndsWith("∞"))
            && (NonFiniteTokens.GetAlternateLookup<ReadOnlySpan<char>>().Contains(trimmed) || trimmed is "∞" or "-∞");
    }

    private static string? ScanCsv(string file, char separator, List<string> notes, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var header = reader.ReadLine();
        if (header is null)
            return null;
        if (header.AsSpan().Count(separator) >= MaxScanColumns)
        {
            notes.Add($"{Path.GetFileName(file)} not scanned (over {MaxScanColumns.ToString("N0", CultureInfo.InvariantCulture)} columns)");
            return null;
        }

        var names = CsvLine.Split(header, separator);
        var isText = new bool[names.Count];
        var nonFinite = new long[names.Count];
        var firstRow = new long[names.Count];
        long row = 0;
        while (reader.ReadLine() is { } line && reader.BaseStream.Position <= MaxScanBytes)
        {
            row++;
            if ((row & 0xFFFF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            if (line.Contains('"', StringComparison.Ordinal))
            {
                var cells = CsvLine.Split(line, separator);
                for (var i = 0; i < Math.Min(cells.Count, names.Count); i++)
                    Classify(cells[i], i, row, isText, nonFinite, firstRow);
                continue;
            }

            // Unquoted line: walk the cells as spans, without allocating.
            var rest = line.AsSpan();
            for (var i = 0; i < names.Count; i++)
            {
                var end = rest.IndexOf(separator);
                Classify(end < 0 ? rest : rest[..end], i, row, isText, nonFinite, firstRow);
                if (end < 0)
                    break;
                rest = rest[(end + 1)..];
            }
        }

        var bad = Enumerable.Range(0, names.Count).Where(i => !isText[i] && nonFinite[i] > 0)
            .Select(i => $"column '{names[i]}' has {nonFinite[i]} NaN/Inf value(s), first at data row {firstRow[i]}").ToList();
        return bad.Count == 0 ? null : string.Join(", ", bad);
    }

    private static void Classify(ReadOnlySpan<char> cell, int column, long row, bool[] isText, long[] nonFinite, long[] firstRow)
    {
        if (isText[column] || cell.IsEmpty)
            return;
        if (IsNonFinite(cell))
        {
            if (nonFinite[column]++ == 0)
                firstRow[column] = row;
        }
        else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            isText[column] = true;
    }

    private static string? ScanJson(string file)
    {
        if (new FileInfo(file).Length > MaxScanBytes)
            return null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(file));
        }
        catch (JsonException ex)
        {
            return $"not valid JSON ({ex.Message}); bare NaN/Infinity literals make JSON invalid";
        }

        var found = new List<string>();
        Walk(root, "$", found);
        return found.Count == 0 ? null : $"{found.Count} NaN/Inf value(s) at {string.Join(", ", found.Take(5))}";
    }

    private static string? ScanNdjson(string file, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        long line = 0;
        long read = 0;
        foreach (var text in File.ReadLines(file))
        {
            line++;
            if ((read += text.Length + 1) > MaxScanBytes)
                break;
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(text))
                continue;
            try
            {
                Walk(JsonNode.Parse(text), $"line {line}", found);
            }
            catch (JsonException ex)
            {
                return $"line {line} is not valid JSON ({ex.Message})";
            }
        }

        return found.Count == 0 ? null : $"{found.Count} NaN/Inf value(s) at {string.Join(", ", found.Take(5))}";
    }

    private static void Walk(JsonNode? node, string path, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                    Walk(value, $"{path}.{key}", found);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Walk(array[i], $"{path}[{i}]", found);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && IsNonFinite(value.GetValue<string>().AsSpan()):
                found.Add(path);
                break;
        }
    }
}
