using System.Globalization;
using System.Text;

namespace McpFlow.Bench.Load;

/// <summary>A deterministic sales table for the queries: id, day, region, product, quantity, amount.</summary>
internal static class SalesTable
{
    private static readonly string[] Regions = ["north", "south", "east", "west", "central"];

    /// <summary>Writes <paramref name="rows"/> rows (seed 42) to <paramref name="path"/>.</summary>
    public static void Write(string path, int rows)
    {
        var random = new Random(42);
        var start = new DateOnly(2025, 1, 1);
        using var writer = new StreamWriter(path, append: false, Encoding.UTF8);
        writer.WriteLine("id,day,region,product,quantity,amount");
        for (var i = 1; i <= rows; i++)
        {
            var quantity = 1 + random.Next(12);
            var amount = Math.Round(quantity * (5 + random.NextDouble() * 60), 2);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i},{start.AddDays(random.Next(365)):yyyy-MM-dd},{Regions[random.Next(Regions.Length)]},p{random.Next(40):D2},{quantity},{amount}"));
        }
    }
}
