using System.Text;
using ExcelDataReader;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Loading;

/// <summary>Excel workbooks through ExcelDataReader: one sheet (the first unless named), first row as header
/// unless header=false. Types are inferred per column from the cell values; cells holding a missing marker are empty,
/// and text cells are typed afterwards as their CSV would be (<see cref="MissingMarkerPass"/>). An .xlsx/.xlsm/.xlsb workbook is a zip
/// archive: its central directory is checked (<see cref="ZipDirectory"/>) before the reader opens it, so a zip bomb is
/// refused; rows are read under the load's deadline and at most <see cref="LoadLimits.MaxColumns"/> wide.</summary>
internal sealed class ExcelLoader : IFormatLoader
{
    /// <summary>Most rows read from one sheet (Excel's own limit is 1,048,576).</summary>
    public const int MaxRows = 1_048_576;

    static ExcelLoader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // .xls code pages

    public IReadOnlyDictionary<string, string> Load(LoadRequest request)
    {
        var (_, _, source, _, limits, _) = request;
        if (source.Files.Count != 1)
            throw McpFlowException.Invalid("Excel loads take one workbook, not a glob.", "Load each workbook into its own table.");
        var file = source.Files[0];
        var name = request.FileName;
        if (new FileInfo(file).Length == 0)
            throw McpFlowException.Invalid($"'{name}' is empty.", "Load a saved Excel workbook.");
        using var stream = File.OpenRead(file);
        CheckArchive(stream, name, limits);
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception ex) when (IsDamaged(ex))
        {
            throw NotReadable(name);
        }

        using (reader)
        {
            try
            {
                return Read(request, reader, name);
            }
            catch (Exception ex) when (IsDamaged(ex))
            {
                throw NotReadable(name);
            }
        }
    }

    // What a damaged or hostile workbook makes the reader throw: a bad header, broken zip data, or XML it refuses (a DTD,
    // an entity expansion or an external entity: the reader's XmlReader prohibits DTDs; nesting beyond its limits). The
    // engine's message is not passed on (it may quote the file).
    private static bool IsDamaged(Exception ex) =>
        ex is ExcelDataReader.Exceptions.ExcelReaderException or System.Xml.XmlException or InvalidDataException or IOException;

    private static McpFlowException NotReadable(string name) =>
        McpFlowException.Invalid($"'{name}' is not a readable Excel workbook (damaged, or its XML uses DTDs or entities, which are refused).",
            "Re-save it in Excel as .xlsx, or export the sheet as CSV.");

    private static Dictionary<string, string> Read(LoadRequest request, IExcelDataReader reader, string name)
    {
        var (connection, table, _, options, limits, deadline) = request;
        var sheet = FindSheet(reader, options.Sheet, name);
        var rows = ReadRows(reader, sheet, limits, deadline.Token);
        if (rows.Count == 0)
            throw McpFlowException.Invalid($"Sheet '{sheet}' of '{name}' is empty.", "Choose another sheet with sheet=\"...\".");
        var header = options.Header ?? true;
        var width = rows.Max(r => r.Length);
        var names = RowTableWriter.UniqueNames(Enumerable.Range(0, width).Select(i => header && i < rows[0].Length ? rows[0][i]?.ToString() : null));
        var data = header ? rows.Skip(1).ToList() : rows;
        foreach (var row in data)
            for (var i = 0; i < row.Length; i++)
                if (row[i] is string text && request.Markers.IsMarker(text))
                    row[i] = null;
        var kinds = Enumerable.Range(0, width).Select(i => RowTableWriter.Infer(data.Select(r => i < r.Length ? r[i] : null))).ToList();
        RowTableWriter.Create(connection, table, names, kinds);
        RowTableWriter.Append(connection, table, kinds, data, deadline.Token);
        return new Dictionary<string, string>
        {
            ["sheet"] = sheet + (options.Sheet is null ? " (first sheet)" : ""),
            ["header"] = header ? "true" : "false",
            ["reader"] = "ExcelDataReader",
        };
    }

    // .xls (BIFF) workbooks are not compressed; every zip-based workbook is checked before it is opened.
    private static void CheckArchive(Stream stream, string name, LoadLimits limits)
    {
        if (!ZipDirectory.LooksLikeZip(stream))
            return;
        var summary = ZipDirectory.Read(stream, limits.MaxZipEntries, limits.MaxUnzippedBytes);
        stream.Position = 0;
        if (summary is not { } s)
            return;
        if (s.Entries > limits.MaxZipEntries)
            throw McpFlowException.Invalid($"'{name}' is a zip archive of more than {limits.MaxZipEntries:N0} entries; a workbook load accepts at most {limits.MaxZipEntries:N0}.",
                $"Check that it is a genuine workbook (re-save it in Excel), or ask the operator to raise the limit with {LoadLimits.ZipEntriesSwitch}.");
        if (s.UncompressedBytes > limits.MaxUnzippedBytes)
            throw McpFlowException.Invalid(
                $"'{name}' declares more than {limits.MaxUnzippedBytes:N0} bytes once decompressed (a zip bomb, or a very large workbook); a workbook load accepts at most {limits.MaxUnzippedBytes:N0}.",
                $"Export the sheet as CSV or Parquet and load that, or ask the operator to raise the limit with {LoadLimits.UnzippedBytesSwitch}.");
    }

    private static string FindSheet(IExcelDataReader reader, string? wanted, string name)
    {
        var sheets = new List<string>();
        do
        {
            sheets.Add(reader.Name);
            if (wanted is null || string.Equals(reader.Name, wanted, StringComparison.OrdinalIgnoreCase))
                return reader.Name;
        }
        while (reader.NextResult());
        throw McpFlowException.NotFound($"Sheet '{(wanted.Length <= 100 ? wanted : wanted[..100] + "…")}' is not in '{name}'.", $"Sheets: {string.Join(", ", sheets.Take(50))}.");
    }

    private static List<object?[]> ReadRows(IExcelDataReader reader, string sheet, LoadLimits limits, CancellationToken cancellationToken)
    {
        var maxColumns = limits.MaxColumns;
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows.Count > MaxRows)
                throw McpFlowException.Invalid($"Sheet '{sheet}' has more than {MaxRows:N0} rows.");
            if (reader.FieldCount > maxColumns)
                throw McpFlowException.Invalid($"Sheet '{sheet}' has {reader.FieldCount:N0} columns; a load accepts at most {maxColumns:N0}.",
                    $"Delete the columns you do not need, or ask the operator to raise the limit with {LoadLimits.ColumnsSwitch}.");
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetValue(i);
                // A character takes at least one UTF-8 byte, so a text longer in characters than the byte limit is over it.
                if (values[i] is string text && text.Length > limits.MaxCellBytes)
                    throw McpFlowException.Invalid(
                        $"Sheet '{sheet}' holds a text of {text.Length:N0} characters (row {rows.Count + 1}); a load accepts at most {limits.MaxCellBytes:N0} bytes per value.",
                        $"Shorten or remove that cell, or ask the operator to raise the limit with {LoadLimits.CellBytesSwitch}.");
            }
            if (values.Any(v => v is not null))
                rows.Add(values);
        }

        return rows;
    }
}
