using System.Globalization;
using System.Text;

namespace McpFlow.Data.Tests.Fixtures;

/// <summary>
/// A messy European sales table, generated with a fixed seed, that keeps the true value behind every messy cell:
/// prices written "262,27", "1.281,28", "€10,62", "10,62 €" or "1.234"; discounts "5%" and "12,5%"; dates in ISO,
/// day-first, "Mar 25, 2024" and "25 Mar 2024"; city names in four spellings each; postal codes with leading zeros;
/// missing markers ("-", "N/A", blank, ...); a constant column, a near-duplicate column, an id, a 0/1 flag, an
/// 81%-missing column and 2% duplicate rows. Expected values in the tests come from these truths, never from the
/// code under test.
/// </summary>
internal sealed class MessySalesTable
{
    public static readonly string[] Cities = ["Paris", "Berlin", "Madrid", "Roma", "Lisboa"];
    private static readonly string[] Markers = ["-", "N/A", "", " ", "NULL", "n/a"];

    public sealed record Row(int OrderId, int CustomerId, string PostalCode, string City, string CityText, DateOnly? Date, string DateText,
        double? Price, string PriceText, long? Quantity, string QuantityText, double? Discount, string DiscountText,
        double AmountNet, double AmountGross, int Returned, double? Rating, double? Satisfaction, string SatisfactionText);

    public MessySalesTable(int rows = 4000, int duplicates = 80, int seed = 14)
    {
        var random = new Random(seed);
        var postalCodes = Enumerable.Range(0, 300).Select(_ => random.Next(0, 5) == 0 ? $"0{random.Next(1000, 9999)}" : random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture)).ToArray();
        var ids = Enumerable.Range(100_001, rows).OrderBy(_ => random.Next()).ToArray();
        var list = new List<Row>();
        for (var i = 0; i < rows; i++)
            list.Add(MakeRow(random, ids[i], postalCodes));
        for (var d = 0; d < duplicates; d++)
            list.Add(list[random.Next(rows)]);
        Rows = list;
    }

    public IReadOnlyList<Row> Rows { get; }

    /// <summary>The distinct rows (duplicates removed), in first-seen order.</summary>
    public IReadOnlyList<Row> Distinct => Rows.Distinct().ToList();

    public string Csv()
    {
        var csv = new StringBuilder("order_id,customer_id,postal_code,city,order_date,price,quantity,discount,amount_net,amount_gross,returned,rating,satisfaction,channel\n");
        foreach (var r in Rows)
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.OrderId},{r.CustomerId},{r.PostalCode},{Quote(r.CityText)},{Quote(r.DateText)},{Quote(r.PriceText)},{r.QuantityText},{Quote(r.DiscountText)},{r.AmountNet:R},{r.AmountGross:R},{r.Returned},{(r.Rating is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "")},{r.SatisfactionText},web\n");
        return csv.ToString();
    }

    private static Row MakeRow(Random random, int orderId, string[] postalCodes)
    {
        var city = Cities[random.Next(Cities.Length)];
        var cityText = random.Next(4) switch { 0 => city, 1 => city.ToLowerInvariant(), 2 => city.ToUpperInvariant(), _ => $" {city} " };
        var date = new DateOnly(2023, 1, 1).AddDays(random.Next(730));
        var (dateValue, dateText) = random.NextDouble() < 0.005 ? ((DateOnly?)null, "soon") : (date, FormatDate(random, date));
        var (price, priceText) = Price(random);
        var quantity = random.Next(1, 21);
        var quantityMissing = random.NextDouble() < 0.05;
        var (discount, discountText) = Discount(random);
        var net = Math.Round(Math.Exp(4 + (1.1 * Normal(random))), 2);
        var gross = Math.Round(net * 1.2 * (1 + (0.005 * Normal(random))), 2);
        var satisfaction = Math.Round(Math.Clamp(7 + (1.5 * Normal(random)), 1, 10), 1);
        var satisfactionMissing = random.NextDouble() < 0.08;
        return new Row(orderId, random.Next(1, 801), postalCodes[random.Next(postalCodes.Length)], city, cityText, dateValue, dateText, price, priceText,
            quantityMissing ? null : quantity, quantityMissing ? "N/A" : quantity.ToString(CultureInfo.InvariantCulture), discount, discountText,
            net, gross, random.NextDouble() < 0.04 ? 1 : 0, random.NextDouble() < 0.19 ? random.Next(1, 6) : null,
            satisfactionMissing ? null : satisfaction, satisfactionMissing ? "N/A" : satisfaction.ToString("0.0", CultureInfo.InvariantCulture));
    }

    private static string FormatDate(Random random, DateOnly date) => random.NextDouble() switch
    {
        < 0.40 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        < 0.70 => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        < 0.85 => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("dd MMM yyyy", CultureInfo.InvariantCulture),
    };

    // Prices from 1 to about 5,000 (log-uniform), in cents; 6% missing markers; 2% of those above 1,000 whole euros written "1.234".
    private static (double?, string) Price(Random random)
    {
        if (random.NextDouble() < 0.06)
            return (null, Markers[random.Next(Markers.Length)]);
        var cents = (long)Math.Round(Math.Exp(random.NextDouble() * Math.Log(500_000)) + 100);
        if (cents >= 100_000 && random.NextDouble() < 0.1)
            cents -= cents % 100;
        var euros = cents / 100;
        var rest = cents % 100;
        var grouped = euros >= 1000 && random.Next(2) == 0 ? $"{euros / 1000}.{euros % 1000:000}" : euros.ToString(CultureInfo.InvariantCulture);
        var digits = rest == 0 && euros >= 1000 && grouped.Contains('.', StringComparison.Ordinal) ? grouped : $"{grouped},{rest:00}";
        var text = random.Next(4) switch { 0 => $"€{digits}", 1 => $"{digits} €", _ => digits };
        return (cents / 100.0, text);
    }

    // Discounts 0% to 30% in steps of 0.5%, written with a comma decimal ("12,5%"); 3% written "-".
    private static (double?, string) Discount(Random random)
    {
        if (random.NextDouble() < 0.03)
            return (null, "-");
        var halfPercent = random.Next(0, 61);
        var text = halfPercent % 2 == 0 ? $"{halfPercent / 2}%" : $"{halfPercent / 2},5%";
        return (halfPercent / 200.0, text);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.StartsWith(' ') || text.EndsWith(' ') ? $"\"{text}\"" : text;
}
