using System.Globalization;
using System.Text;

namespace McpFlow.Pipelines.Explanations;

/// <summary>Text and file forms of a <see cref="ContributionReport"/>.</summary>
public static class ContributionText
{
    /// <summary>Rows shown in the text answer.</summary>
    public const int TextRows = 5;

    /// <summary>Method, the columns that matter most on average, and the first rows' top contributions.</summary>
    public static string Markdown(ContributionReport r)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Contributions ({r.Method}; one-hot slots summed into their column) for {r.Rows} rows.");
        text.AppendLine("Mean |contribution|: " + string.Join(", ", r.MeanAbsolute.Take(5).Select(c => $"{c.Column} {Format(c.Value)}")) + ".");
        foreach (var row in r.First.Take(TextRows))
            text.AppendLine("Row " + row.Row.ToString(CultureInfo.InvariantCulture) + ": " +
                (row.Top.Count == 0 ? "none" : string.Join(", ", row.Top.Select(c => $"{c.Column} {(c.Value >= 0 ? "+" : "")}{Format(c.Value)}"))));
        return text.ToString().TrimEnd();
    }

    /// <summary>Every row's top contributions as CSV: row, rank, column, contribution.</summary>
    public static string Csv(ContributionReport r)
    {
        var csv = new StringBuilder("row,rank,column,contribution\n");
        foreach (var row in r.All)
        {
            for (var k = 0; k < row.Top.Count; k++)
                csv.Append(CultureInfo.InvariantCulture, $"{row.Row},{k + 1},\"{row.Top[k].Column.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{row.Top[k].Value.ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        return csv.ToString();
    }

    private static string Format(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
