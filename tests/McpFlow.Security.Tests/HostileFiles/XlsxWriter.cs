using System.IO.Compression;
using System.Text;

namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>Writes minimal .xlsx packages (the parts ExcelDataReader needs) with a sheet produced by a callback, so a
/// sheet of a gigabyte streams into the zip without being held in memory.</summary>
internal static class XlsxWriter
{
    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
        """;

    private const string Rels = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRels = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
        """;

    /// <summary>The opening of a worksheet part, up to and including &lt;sheetData&gt;.</summary>
    public const string SheetHead = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";

    /// <summary>The end of a worksheet part.</summary>
    public const string SheetTail = "</sheetData></worksheet>";

    /// <summary>Writes the package; <paramref name="sheet"/> writes sheet1.xml, <paramref name="sharedStrings"/> (optional)
    /// xl/sharedStrings.xml, and <paramref name="sheets"/> is the number of sheets the workbook lists.</summary>
    public static void Write(string path, Action<TextWriter> sheet, Action<TextWriter>? sharedStrings = null, int sheets = 1,
        IReadOnlyDictionary<string, string>? extraEntries = null)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        Text(zip, "[Content_Types].xml", w => w.Write(ContentTypes));
        Text(zip, "_rels/.rels", w => w.Write(Rels));
        Text(zip, "xl/_rels/workbook.xml.rels", w => w.Write(WorkbookRels));
        Text(zip, "xl/workbook.xml", w =>
        {
            w.Write("""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
            for (var i = 1; i <= sheets; i++)
                w.Write($"""<sheet name="Sheet{i}" sheetId="{i}" r:id="rId1"/>""");
            w.Write("</sheets></workbook>");
        });
        Text(zip, "xl/worksheets/sheet1.xml", sheet);
        Text(zip, "xl/sharedStrings.xml", sharedStrings ?? (w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>""")));
        foreach (var (name, content) in extraEntries ?? new Dictionary<string, string>())
            Text(zip, name, w => w.Write(content));
    }

    /// <summary>A sheet of <paramref name="rows"/> rows written by <paramref name="row"/> (given the 1-based row number).</summary>
    public static Action<TextWriter> Rows(long rows, Func<long, string> row) => w =>
    {
        w.Write(SheetHead);
        for (var r = 1L; r <= rows; r++)
            w.Write(row(r));
        w.Write(SheetTail);
    };

    private static void Text(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
