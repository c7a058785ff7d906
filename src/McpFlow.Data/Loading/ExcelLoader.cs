using System.Text;
using DuckDB.NET.Data;
using ExcelDataReader;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Loading;

/// <summary>Excel workbooks through ExcelDataReader: one sheet (the first unless named), first row as header
/// unless header=false. Types are inferred per column from the cell values.</summary>
internal sealed class ExcelLoader : IFormatLoader
{
    /// <summary>Most rows read from one sheet (Excel's own limit is 1,048,576).</summary>
    public const int MaxRows = 1_048_576;

    static ExcelLoader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // .xls code pages

    public IReadOnlyDictionary<string, string> Load(DuckDBConnection connection, string table, SourceFiles source, LoadOptions options, CancellationToken cancellationToken)
    {
        if (source.Files.Count != 1)
            throw McpFlowException.Invalid("Excel loads take one workbook, not a glob.", "Load each workbook into its own table.");
        var file = source.Files[0];
        if (new FileInfo(file).Length == 0)
            throw McpFlowException.Invalid($"'{Path.GetFileName(file)}' is empty.", "Load a saved Excel workbook.");
        using var stream = File.OpenRead(file);
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception ex) when (ex is ExcelDataReader.Exceptions.HeaderException or InvalidDataException or IOException)
        {
            throw McpFlowException.Invalid($"'{Path.GetFileName(file)}' is not a readable Excel workbook: {ex.Message}", "Save it as .xlsx, or export it as CSV.");
        }

        using (reader)
        {
            var sheets = new List<string>();
            var found = false;
            do
            {
                sheets.Add(reader.Name);
                if (options.Sheet is null || string.Equals(reader.Name, options.Sheet, StringComparison.OrdinalIgnoreCase))
                {
                    found = true;
                    break;
                }
            }
            while (reader.NextResult());
            if (!found)
                throw McpFlowException.NotFound($"Sheet '{options.Sheet}' is not in '{Path.GetFileName(file)}'.", $"Sheets: {string.Join(", ", sheets)}.");
            var sheet = reader.Name;
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                if (rows.Count > MaxRows)
                    throw McpFlowException.Invalid($"Sheet '{sheet}' has more than {MaxRows} rows.");
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                    values[i] = reader.GetValue(i);
                if (values.Any(v => v is not null))
                    rows.Add(values);
            }

            if (rows.Count == 0)
                throw McpFlowException.Invalid($"Sheet '{sheet}' of '{Path.GetFileName(file)}' is empty.", "Choose another sheet with sheet=\"...\".");
            var header = options.Header ?? true;
            var width = rows.Max(r => r.Length);
            var names = RowTableWriter.UniqueNames(Enumerable.Range(0, width).Select(i => header && i < rows[0].Length ? rows[0][i]?.ToString() : null));
            var data = header ? rows.Skip(1).ToList() : rows;
            var kinds = Enumerable.Range(0, width).Select(i => RowTableWriter.Infer(data.Select(r => i < r.Length ? r[i] : null))).ToList();
            RowTableWriter.Create(connection, table, names, kinds);
            RowTableWriter.Append(connection, table, kinds, data, cancellationToken);
            return new Dictionary<string, string>
            {
                ["sheet"] = sheet + (options.Sheet is null ? " (first sheet)" : ""),
                ["header"] = header ? "true" : "false",
                ["reader"] = "ExcelDataReader",
            };
        }
    }
}
