using System.Data.Common;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>CSV/TSV through DuckDB's <c>read_csv</c>: dialect and types sniffed by DuckDB, overridable. Before DuckDB
/// sees a file its head is scanned (<see cref="DelimitedScanner"/>) for over-long lines and over-wide records.</summary>
internal sealed class DelimitedLoader(bool tab) : IFormatLoader
{
    private static readonly string[] Encodings = ["utf-8", "utf-16", "latin-1"];

    public IReadOnlyDictionary<string, string> Load(LoadRequest request)
    {
        var (connection, table, source, options, limits, deadline) = request;
        if (source.Files.All(f => new FileInfo(f).Length == 0))
            throw McpFlowException.Invalid($"'{request.FileName}' is empty.", "Load a file with a header and at least one row.");
        var maxLine = "max_line_size = " + SqlQuote.Integer(limits.MaxLineBytes);
        var delimiter = options.Delimiter ?? (tab ? "\t" : null);
        if (delimiter == "\\t")
            delimiter = "\t";
        var encoding = NormalizedEncoding(options.Encoding);
        var dialect = new List<string> { maxLine };
        if (delimiter is not null)
            dialect.Add("delim = " + SqlQuote.Literal(delimiter));
        if (encoding is not null)
            dialect.Add("encoding = " + SqlQuote.Literal(encoding));

        var shape = Measure(source, delimiter, encoding, limits, deadline.Token);
        var standardOnly = shape.WidestAnyDialect > limits.MaxColumns;
        if (standardOnly)
        {
            if (shape.WidestStandard > limits.MaxColumns)
                throw McpFlowException.Invalid(
                    $"'{request.FileName}' has a record with {shape.WidestStandard:N0} fields; a load accepts at most {limits.MaxColumns:N0} columns.",
                    $"Load a narrower file (select the columns you need first), or ask the operator to raise the limit with {LoadLimits.ColumnsSwitch}.");
            // Only another quoting rule (single quotes, or none) reads the file as too wide: read it as RFC 4180 CSV.
            dialect.Add("quote = '\"', escape = '\"'");
        }

        var detected = Sniff(request, string.Join(", ", dialect), delimiter, out var skipped);
        if (standardOnly)
            detected["quote"] = "\" (read as standard CSV: another quoting would make more columns than the limit)";
        var args = new List<string> { source.SqlArgument, "union_by_name = true", "filename = false" };
        if (skipped > 0 && options.Header is null)
        {
            // DuckDB's sniffer skips leading lines whose width differs from the rest; for ragged files that means
            // it silently drops the header and most rows. Treat it as ragged and keep every line, all as text.
            if (!options.IgnoreErrors)
                throw McpFlowException.Invalid(
                    $"'{request.FileName}' has rows with a different number of columns than the header (DuckDB's sniffer would skip {skipped} leading lines).",
                    "Pass ignore_errors=true to keep the header, pad short rows with NULL and skip over-long ones; or fix the file, or set delimiter if it was guessed wrong.");
            var delim = delimiter ?? (detected.TryGetValue("delimiter", out var sniffed) && sniffed != "(none)" ? (sniffed == "\\t" ? "\t" : sniffed) : ",");
            // The scan bounded the first line by the line limit and the header width by the column limit.
            var names = RowTableWriter.UniqueNames(shape.FirstLine.TrimStart('\uFEFF').Split(delim).Select(f => (string?)f.Trim().Trim('"')));
            args.Add(maxLine);
            if (encoding is not null)
                args.Add("encoding = " + SqlQuote.Literal(encoding));
            args.Add($"auto_detect = false, skip = 0, header = true, delim = {SqlQuote.Literal(delim)}, quote = '\"', " +
                     "columns = {" + string.Join(", ", names.Select(n => $"{SqlQuote.Literal(n)}: 'VARCHAR'")) + "}");
            detected["types"] = "all VARCHAR (ragged file read without type detection; see analyze_dataframe for type fixes)";
            detected["header"] = "true (ragged file: first line kept as header)";
        }
        else
        {
            args.AddRange(dialect);
            if (options.Header is { } header)
                args.Add("header = " + (header ? "true" : "false"));
        }

        if (options.IgnoreErrors)
            args.Add("ignore_errors = true, null_padding = true");
        // Markers are NULL before DuckDB infers types, so a number column with "N/A" in it is read as numbers.
        if (!request.Markers.IsEmpty)
            args.Add($"nullstr = [{string.Join(", ", request.Markers.Values.Select(SqlQuote.Literal))}]");
        var call = $"read_csv({string.Join(", ", args)})";
        try
        {
            deadline.Execute(connection, $"CREATE TABLE {SqlQuote.Id(table)} AS SELECT * FROM {call}");
            var (ambiguous, reason) = DecimalConventionCheck.Find(connection, table, $"(SELECT * FROM read_csv({string.Join(", ", args)}, all_varchar = true))", deadline);
            if (ambiguous.Count > 0)
            {
                args.Add("types = {" + string.Join(", ", ambiguous.Select(c => $"{SqlQuote.Literal(c)}: 'VARCHAR'")) + "}");
                deadline.Execute(connection, $"DROP TABLE {SqlQuote.Id(table)}");
                deadline.Execute(connection, $"CREATE TABLE {SqlQuote.Id(table)} AS SELECT * FROM read_csv({string.Join(", ", args)})");
                detected["ambiguous_numbers"] = reason!;
            }

            StripByteOrderMark(connection, table);
        }
        catch (DuckDBException ex) when (!deadline.IsStopped)
        {
            throw Explain(ex, request);
        }

        return detected;
    }

    private static string? NormalizedEncoding(string? encoding)
    {
        if (encoding is null)
            return null;
        var normalized = encoding.Trim().ToLowerInvariant().Replace("utf8", "utf-8", StringComparison.Ordinal).Replace("latin1", "latin-1", StringComparison.Ordinal).Replace("iso-8859-1", "latin-1", StringComparison.Ordinal);
        return Encodings.Contains(normalized)
            ? normalized
            : throw McpFlowException.Invalid($"Unsupported encoding '{(encoding.Length <= 40 ? encoding : encoding[..40] + "…")}'.", "Use utf-8, utf-16 or latin-1.");
    }

    // Every file of a glob is scanned: with union_by_name DuckDB sniffs each of them.
    private static DelimitedShape Measure(SourceFiles source, string? delimiter, string? encoding, LoadLimits limits, CancellationToken cancellationToken)
    {
        var text = encoding switch { "utf-16" => Encoding.Unicode, "latin-1" => Encoding.Latin1, _ => Encoding.UTF8 };
        DelimitedShape? combined = null;
        foreach (var file in source.Files)
        {
            using var reader = new StreamReader(TextSource.Open(file), text, detectEncodingFromByteOrderMarks: true);
            var shape = DelimitedScanner.Scan(reader, delimiter, limits.MaxLineBytes, Path.GetFileName(file), cancellationToken);
            combined = combined is null ? shape : combined with
            {
                WidestAnyDialect = Math.Max(combined.WidestAnyDialect, shape.WidestAnyDialect),
                WidestStandard = Math.Max(combined.WidestStandard, shape.WidestStandard),
            };
        }

        return combined!;
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

    // sniff_csv gets the same dialect constraints as read_csv, so it never tries what the scan ruled out.
    private static Dictionary<string, string> Sniff(LoadRequest request, string dialect, string? delimiter, out long skipped)
    {
        long skip = 0;
        var detected = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            request.Deadline.Rows<int>(request.Connection,
                $"SELECT Delimiter, Quote, Escape, HasHeader, NewLineDelimiter, DateFormat, TimestampFormat, SkipRows FROM sniff_csv({SqlQuote.Literal(request.Source.Files[0])}, {dialect})", r =>
            {
                Add(detected, "delimiter", r, 0);
                Add(detected, "quote", r, 1);
                Add(detected, "escape", r, 2);
                Add(detected, "header", r, 3);
                Add(detected, "newline", r, 4);
                Add(detected, "date_format", r, 5);
                Add(detected, "timestamp_format", r, 6);
                skip = r.IsDBNull(7) ? 0 : Convert.ToInt64(r.GetValue(7), CultureInfo.InvariantCulture);
                return 0;
            });
        }
        catch (DuckDBException) when (!request.Deadline.IsStopped)
        {
            // Sniffing only informs the report; the load itself reports real problems.
        }

        if (delimiter is not null)
            detected["delimiter"] = (delimiter == "\t" ? "\\t" : delimiter) + " (given)";
        if (request.Options.Header is { } header)
            detected["header"] = (header ? "true" : "false") + " (given)";
        detected["encoding"] = request.Options.Encoding ?? "utf-8";
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

    private static McpFlowException Explain(DuckDBException ex, LoadRequest request)
    {
        var message = ex.Message.Split('\n')[0];
        var name = request.FileName;
        if (ex.Message.Contains("line size", StringComparison.OrdinalIgnoreCase))
            return McpFlowException.Invalid($"'{name}' has a line longer than {request.Limits.MaxLineBytes:N0} bytes, the longest line a load accepts.",
                $"Check that the file is really CSV/TSV text, or ask the operator to raise the limit with {LoadLimits.LineBytesSwitch}.");
        if (ex.Message.Contains("unicode", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("UTF-8", StringComparison.Ordinal))
            return McpFlowException.Invalid($"'{name}' is not valid UTF-8: {message}", "Pass encoding=\"latin-1\" (or \"utf-16\") if the file uses another encoding.");
        if (message.Contains("Expected Number of Columns", StringComparison.OrdinalIgnoreCase) || message.Contains("columns", StringComparison.OrdinalIgnoreCase))
            return McpFlowException.Invalid($"'{name}' has rows with a different number of columns than the header: {message}",
                "Pass ignore_errors=true to pad short rows with NULL and skip malformed ones, or fix the file; set delimiter if it was guessed wrong.");
        return McpFlowException.Invalid($"DuckDB could not read '{name}' as CSV: {message}", "Set delimiter, header or encoding explicitly, or ignore_errors=true.");
    }
}
