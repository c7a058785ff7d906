namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>Hostile .xlsx: issue 11's zip bomb (hung the load), entity expansion and an external entity aimed at the
/// canary, a declared dimension of the whole sheet grid, 16,384 columns, 10,000 sheets, deep XML, a damaged zip.</summary>
internal static class ExcelFiles
{
    /// <summary>Uncompressed size of the bomb's sheet: 1 GB (about 15 MB on disk).</summary>
    public const long BombBytes = 1L << 30;

    private const string Row = "<row><c><v>1</v></c></row>";

    /// <summary>The files; <paramref name="canaryFile"/> is the file outside the roots an external entity points at.</summary>
    public static IEnumerable<HostileFile> All(string canaryFile) =>
    [
        new("excel", "zip bomb: a 1 GB sheet", "bomb.xlsx", p => XlsxWriter.Write(p, XlsxWriter.Rows(BombBytes / Row.Length, _ => Row)), HostileUse.Loaders),
        new("excel", "shared-strings bomb: 2,000,000 strings", "strings.xlsx", p => XlsxWriter.Write(p,
            XlsxWriter.Rows(2_000_000, r => $"<row><c t=\"s\"><v>{r - 1}</v></c></row>"),
            w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                for (var i = 0; i < 2_000_000; i++)
                    w.Write("<si><t>abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz</t></si>");
                w.Write("</sst>");
            }), HostileUse.Loaders),
        new("excel", "billion laughs (entity expansion)", "laughs.xlsx", p => XlsxWriter.Write(p, w => w.Write(Laughs())), HostileUse.Loaders),
        new("excel", "external entity reading the canary", "xxe.xlsx", p => XlsxWriter.Write(p, w => w.Write(
            $"""<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file://{canaryFile}">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>""")), HostileUse.Loaders),
        new("excel", "16,384 columns", "wide.xlsx", p => XlsxWriter.Write(p, XlsxWriter.Rows(3, _ => "<row>" + string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 16_384)) + "</row>")), HostileUse.Loaders),
        new("excel", "declared dimension A1:XFD1048576", "dimension.xlsx", p => XlsxWriter.Write(p, w => w.Write(
            """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>""")), HostileUse.Loaders),
        new("excel", "XML nested 100,000 deep", "deep.xlsx", p => XlsxWriter.Write(p, w =>
        {
            w.Write(XlsxWriter.SheetHead + "<row><c><is><t>");
            for (var i = 0; i < 100_000; i++)
                w.Write("<b>");
            for (var i = 0; i < 100_000; i++)
                w.Write("</b>");
            w.Write("</t></is></c></row>" + XlsxWriter.SheetTail);
        }), HostileUse.Loaders),
        new("excel", "10,000 sheets listed", "sheets.xlsx", p => XlsxWriter.Write(p, XlsxWriter.Rows(1, _ => Row), sheets: 10_000), HostileUse.Loaders),
        new("excel", "one 32 MB inline string", "long-cell.xlsx", p => XlsxWriter.Write(p, w =>
        {
            w.Write(XlsxWriter.SheetHead + "<row><c t=\"inlineStr\"><is><t>");
            w.Write(new string('x', 32 << 20));
            w.Write("</t></is></c></row>" + XlsxWriter.SheetTail);
        }), HostileUse.Loaders),
        new("excel", "zip entry climbing out (zip slip)", "slip.xlsx", p => XlsxWriter.Write(p, XlsxWriter.Rows(1, _ => Row),
            extraEntries: new Dictionary<string, string> { ["../../../../outside/pwn.txt"] = "pwn", ["/tmp/mcpflow-zip-slip.txt"] = "pwn" }), HostileUse.Loaders),
        new("excel", "damaged zip (a local header, then garbage)", "damaged.xlsx", p => File.WriteAllBytes(p, [.. "PK\u0003\u0004"u8, .. CsvFiles.Random(64 << 10, 3)]), HostileUse.Loaders),
        new("excel", "a text file named .xlsx", "text.xlsx", p => File.WriteAllText(p, "a,b\n1,2\n"), HostileUse.Loaders),
        new("excel", "random bytes named .xls", "garbage.xls", p => File.WriteAllBytes(p, CsvFiles.Random(1 << 20, 5)), HostileUse.Loaders),
        new("excel", "100,000 zip entries", "entries.xlsx", p => XlsxWriter.Write(p, XlsxWriter.Rows(1, _ => Row),
            extraEntries: Enumerable.Range(0, 100_000).ToDictionary(i => $"xl/media/e{i}.bin", _ => "")), HostileUse.Loaders),
    ];

    private static string Laughs()
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        return $"""<?xml version="1.0"?><!DOCTYPE w [<!ENTITY l0 "lol">{entities}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>""";
    }
}
