using McpFlow.Core.Storage;
using System.Data.Common;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>CSV/TSV through DuckDB's <c>read_csv</c>: dialect and types sniffed by DuckDB, overridable.</summary>
internal sealed class DelimitedLoader(bool tab) : IFormatLoader
{
    private static readonly string[] Encodings = ["utf-8", "utf-16", "latin-1"];

    public IReadOnlyDictionary<string, string> Load(DuckDBConnection connection, string table, SourceFiles source, LoadOptions options, CancellationToken cancellationToken)
    {
        if (source.Files.All(f => new FileInfo(f).Length == 0))
            throw McpFlowException.Invalid($"'{Path.GetFileName(source.Files[0])}' is empty.", "Load a file with a header and at least one row.");
        var args = new List<string> { source.SqlArgument, "union_by_name = true", "filename = false" };
        var delimiter = options.Delimiter ?? (tab ? "\t" : null);
        if (delimiter is not null)
            args.Add("delim = " + SqlQuote.Literal(delimiter == "\\t" ? "\t" : delimiter));
        if (options.Header is { } header)
            args.Add("header = " + (header ? "true" : "false"));
        if (options.Encoding is { } encoding)
        {
            var normalized = encoding.Trim().ToLowerInvariant().Replace("utf8", "utf-8", StringComparison.Ordinal).Replace("latin1", "latin-1", StringComparison.Ordinal).Replace("iso-8859-1", "latin-1", StringComparison.Ordinal);
            if (!Encodings.Contains(normalized))
                throw McpFlowException.Invalid($"Unsupported encoding '{encoding}'.", "Use utf-8, utf-16 or latin-1.");
            args.Add("encoding = " + SqlQuote.Literal(normalized));
        }

        var detected = Sniff(connection, source.Files[0], options, delimiter, out var skipped);
        if (skipped > 0 && options.Header is null)
        {
            // DuckDB's sniffer skips leading lines whose width differs from the rest; for ragged files that means
            // it silently drops the header and most rows. Treat it as ragged and keep every line.
            if (!options.IgnoreErrors)
                throw McpFlowException.Invalid(
                    $"'{Path.GetFileName(source.Files[0])}' has rows with a different number of columns than the header (DuckDB's sniffer would skip {skipped} leading lines).",
                    "Pass ignore_errors=true to keep the header, pad short rows with NULL and skip over-long ones; or fix the file, or set delimiter if it was guessed wrong.");
            var delim = delimiter ?? (detected.TryGetValue("delimiter", out var sniffed) && sniffed != "(none)" ? (sniffed == "\\t" ? "\t" : sniffed) : ",");
            var names = RowTableWriter.UniqueNames(HeaderFields(source.Files[0], delim));
            args.Add($"auto_detect = false, skip = 0, header = true, delim = {SqlQuote.Literal(delim)}, quote = '\"', " +
                     "columns = {" + string.Join(", ", names.Select(n => $"{SqlQuote.Literal(n)}: 'VARCHAR'")) + "}");
            detected["types"] = "all VARCHAR (ragged file read without type detection; see analyze_dataframe for type fixes)";
            detected["header"] = "true (ragged file: first line kept as header)";
        }

        if (options.IgnoreErrors)
            args.Add("ignore_errors = true, null_padding = true");
        var call = $"read_csv({string.Join(", ", args)})";
        try
        {
            DataDatabase.Execute(connection, $"CREATE TABLE {SqlQuote.Id(table)} AS SELECT * FROM {call}");
            StripByteOrderMark(connection, table);
        }
        catch (DuckDBException ex)
        {
            throw Explain(ex, source);
        }

        return detected;
    }

    private static IEnumerable<string?> HeaderFields(string file, string delimiter)
    {
        using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
        var line = reader.ReadLine() ?? "";
        return line.Split(delimiter).Select(f => (string?)f.Trim().Trim('"'));
    }

    private static void StripByteOrderMark(DuckDBConnection connection, string table)
    {
        // DuckDB 1.5 keeps a UTF-8 byte-order mark in the first header name; drop it.
        var first = DataDatabase.Rows(connection,
            "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index LIMIT 1",
            r => r.GetString(0), table).FirstOrDefault();
        if (first is not null && first.StartsWith('\uFEFF') && first.Length > 1)
            DataDatabase.Execute(connection, $"ALTER TABLE {SqlQuote.Id(table)} RENAME COLUMN {SqlQuote.Id(first)} TO {SqlQuote.Id(first[1..])}");
    }

    private static Dictionary<string, string> Sniff(DuckDBConnection connection, string file, LoadOptions options, string? delimiter, out long skipped)
    {
        long skip = 0;
        var detected = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var sniffArgs = options.Encoding is null ? "" : ", encoding = " + SqlQuote.Literal(options.Encoding.ToLowerInvariant());
            DataDatabase.Rows<int>(connection, $"SELECT Delimiter, Quote, Escape, HasHeader, NewLineDelimiter, DateFormat, TimestampFormat, SkipRows FROM sniff_csv({SqlQuote.Literal(file)}{sniffArgs})", r =>
            {
                Add(detected, "delimiter", r, 0);
                Add(detected, "quote", r, 1);
                Add(detected, "escape", r, 2);
                Add(detected, "header", r, 3);
                Add(detected, "newline", r, 4);
                Add(detected, "date_format", r, 5);
                Add(detected, "timestamp_format", r, 6);
                skip = r.IsDBNull(7) ? 0 : Convert.ToInt64(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture);
                return 0;
            });
        }
        catch (DuckDBException)
        {
            // Sniffing only informs the report; the load itself reports real problems.
        }

        if (delimiter is not null)
            detected["delimiter"] = delimiter + " (given)";
        if (options.Header is { } header)
            detected["header"] = (header ? "true" : "false") + " (given)";
        detected["encoding"] = options.Encoding ?? "utf-8";
        skipped = skip;
        return detected;
    }

    private static void Add(Dictionary<string, string> detected, string key, DbDataReader reader, int ordinal)
    {
        if (!reader.IsDBNull(ordinal))
        {
            var text = reader.GetValue(ordinal)?.ToString() ?? "";
            detected[key] = text switch { "\t" => "\\t", "\n" => "\\n", "\r\n" => "\\r\\n", "" => "(none)", _ => text };
        }
    }

    private static McpFlowException Explain(DuckDBException ex, SourceFiles source)
    {
        var message = ex.Message.Split('\n')[0];
        var name = Path.GetFileName(source.Files[0]);
        if (ex.Message.Contains("unicode", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("UTF-8", StringComparison.Ordinal))
            return McpFlowException.Invalid($"'{name}' is not valid UTF-8: {message}", "Pass encoding=\"latin-1\" (or \"utf-16\") if the file uses another encoding.");
        if (message.Contains("Expected Number of Columns", StringComparison.OrdinalIgnoreCase) || message.Contains("columns", StringComparison.OrdinalIgnoreCase))
            return McpFlowException.Invalid($"'{name}' has rows with a different number of columns than the header: {message}",
                "Pass ignore_errors=true to pad short rows with NULL and skip malformed ones, or fix the file; set delimiter if it was guessed wrong.");
        return McpFlowException.Invalid($"DuckDB could not read '{name}' as CSV: {message}", "Set delimiter, header or encoding explicitly, or ignore_errors=true.");
    }
}
