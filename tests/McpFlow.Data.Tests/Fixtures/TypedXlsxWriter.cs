using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace McpFlow.Data.Tests.Fixtures;

/// <summary>Writes a one-sheet .xlsx the way Excel stores typed cells (unlike <c>Loading/XlsxWriter</c>, which writes
/// text): booleans as <c>t="b"</c> cells holding 0/1, date-times as serial numbers (days since 1899-12-30) styled with
/// the built-in format 22 ("m/d/yyyy h:mm"), numbers as numbers and text in the shared-strings table (ECMA-376 part 1,
/// 18.3.1.4 and 18.8.30).</summary>
internal static class TypedXlsxWriter
{
    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    public static void Write(string path, string[] header, IReadOnlyList<object?[]> rows)
    {
        var strings = new List<string>();
        int Shared(string s)
        {
            var i = strings.IndexOf(s);
            if (i >= 0)
                return i;
            strings.Add(s);
            return strings.Count - 1;
        }

        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var all = new List<object?[]> { header.Cast<object?>().ToArray() };
        all.AddRange(rows);
        for (var r = 0; r < all.Count; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < all[r].Length; c++)
            {
                var cell = $"{(char)('A' + c)}{r + 1}";
                sheet.Append(all[r][c] switch
                {
                    null => "",
                    bool b => $"<c r=\"{cell}\" t=\"b\"><v>{(b ? 1 : 0)}</v></c>",
                    DateTime d => $"<c r=\"{cell}\" s=\"1\"><v>{(d - Epoch).TotalDays.ToString("R", CultureInfo.InvariantCulture)}</v></c>",
                    string s => $"<c r=\"{cell}\" t=\"s\"><v>{Shared(s)}</v></c>",
                    var v => $"<c r=\"{cell}\"><v>{Convert.ToString(v, CultureInfo.InvariantCulture)}</v></c>",
                });
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        var sst = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">");
        foreach (var s in strings)
            sst.Append("<si><t xml:space=\"preserve\">").Append(SecurityElement.Escape(s)).Append("</t></si>");
        sst.Append("</sst>");

        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
        Entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Entry(zip, "xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{main}\" xmlns:r=\"{rel}\"><sheets><sheet name=\"Export\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
            $"<Relationship Id=\"rId2\" Type=\"{rel}/styles\" Target=\"styles.xml\"/>" +
            $"<Relationship Id=\"rId3\" Type=\"{rel}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        Entry(zip, "xl/styles.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{main}\"><fonts count=\"1\"><font/></fonts>" +
            "<fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs>" +
            "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"22\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        Entry(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        Entry(zip, "xl/sharedStrings.xml", sst.ToString());
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
