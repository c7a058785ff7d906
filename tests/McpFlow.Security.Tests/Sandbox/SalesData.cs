using System.Globalization;
using System.Text;

namespace McpFlow.Security.Tests.Sandbox;

/// <summary>The small, well-formed table every seeded workspace starts from: 120 daily rows of a binary target
/// (label = amount &gt; 80) with a date, a category, a float and an integer column. Deterministic.</summary>
internal static class SalesData
{
    /// <summary>Rows written.</summary>
    public const int Rows = 120;

    /// <summary>Writes the CSV.</summary>
    public static void Write(string path)
    {
        var text = new StringBuilder("ts,region,amount,qty,label\n");
        var start = new DateOnly(2024, 1, 1);
        string[] regions = ["north", "south", "east"];
        for (var i = 0; i < Rows; i++)
        {
            // A deterministic wiggle instead of random noise: the values only need to vary.
            var amount = 50 + 10 * (i % 7) + (i * 37 % 23);
            text.Append(CultureInfo.InvariantCulture,
                $"{start.AddDays(i):yyyy-MM-dd},{regions[i % 3]},{amount}.5,{1 + i % 5},{(amount > 80 ? 1 : 0)}\n");
        }

        File.WriteAllText(path, text.ToString());
    }
}
