using System.Globalization;
using System.Text;

namespace McpFlow.Data.Tests.Fixtures;

/// <summary>
/// Issue 14 replayed on fresh data: a German invoice export, independent of <see cref="MessySalesTable"/> (another
/// generator, seed, column names, delimiter and quirks). Semicolon-delimited, as Excel writes CSV in German locales.
/// Amounts "1.281,28", "-45,10" (credit notes), "€ 10,62", "EUR 99,00", "10,62 €" and whole euros "1.234" (ambiguous
/// alone); discounts "5 %" / "12,5 %"; weights written only "1.250" / "750" (ambiguous with nothing to decide);
/// dates ISO, "05.03.2024", "2024/03/05", "March 5, 2024" and "5 March 2024"; a status in case and trailing-space
/// variants; postal codes with leading zeros; markers "NULL", "n/a", "-", "N/A", blank and a tab; a constant column,
/// a VAT-derived near-duplicate, an invoice number, a customer number, a 0/1 reminder flag, an 84%-missing rating and
/// duplicate rows. Every cell keeps its true value, from which the tests compute what they expect.
/// </summary>
internal sealed class FreshInvoiceTable
{
    public static readonly string[] Statuses = ["bezahlt", "offen", "storniert"];
    private static readonly string[] Markers = ["NULL", "n/a", "-", "N/A", "", "\t"];

    public sealed record Row(int InvoiceNo, int Customer, string Plz, string Status, string StatusText, DateOnly Date, string DateText,
        double? Amount, string AmountText, double? Discount, string DiscountText, int? WeightGrams, string WeightText,
        double Net, double Gross, int? DeliveryDays, string DeliveryText, int Reminder, int? Rating);

    public FreshInvoiceTable(int rows = 3000, int duplicates = 90, int seed = 20261203)
    {
        var random = new Random(seed);
        var postalCodes = Enumerable.Range(0, 250).Select(_ => random.Next(4) == 0 ? $"0{random.Next(1000, 10000)}" : random.Next(10000, 100000).ToString(CultureInfo.InvariantCulture)).ToArray();
        var invoices = Enumerable.Range(7_000_001, rows).OrderBy(_ => random.Next()).ToArray();
        var list = new List<Row>();
        for (var i = 0; i < rows; i++)
            list.Add(MakeRow(random, invoices[i], postalCodes));
        for (var d = 0; d < duplicates; d++)
            list.Add(list[random.Next(rows)]);
        Rows = list;
    }

    public IReadOnlyList<Row> Rows { get; }

    /// <summary>The distinct rows (duplicates removed).</summary>
    public IReadOnlyList<Row> Distinct => Rows.Distinct().ToList();

    public string Csv()
    {
        var csv = new StringBuilder("rechnung_nr;kunden_nr;plz;status;datum;betrag;rabatt;gewicht;netto;brutto;liefertage;mahnung;bewertung;waehrung\n");
        foreach (var r in Rows)
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.InvoiceNo};{r.Customer};{r.Plz};{r.StatusText};{r.DateText};{r.AmountText};{r.DiscountText};{r.WeightText};{r.Net:R};{r.Gross:R};{r.DeliveryText};{r.Reminder};{(r.Rating is { } x ? x.ToString(CultureInfo.InvariantCulture) : "NULL")};EUR\n");
        return csv.ToString();
    }

    private static Row MakeRow(Random random, int invoice, string[] postalCodes)
    {
        var status = Statuses[random.Next(Statuses.Length)];
        var statusText = random.Next(5) switch
        {
            0 => status,
            1 => char.ToUpperInvariant(status[0]) + status[1..],
            2 => status.ToUpperInvariant(),
            3 => status + "  ",
            _ => char.ToUpperInvariant(status[0]) + status[1..] + " ",
        };
        var date = new DateOnly(2022, 6, 1).AddDays(random.Next(900));
        var (amount, amountText) = Amount(random);
        var (discount, discountText) = Discount(random);
        var (weight, weightText) = Weight(random);
        var net = Math.Round(Math.Exp(5 + (0.9 * Normal(random))), 2);
        var gross = Math.Round(net * 1.19 * (1 + (0.003 * Normal(random))), 2);
        var days = random.Next(1, 15);
        var daysMissing = random.NextDouble() < 0.07;
        return new Row(invoice, random.Next(1, 1201), postalCodes[random.Next(postalCodes.Length)], status, statusText, date, FormatDate(random, date),
            amount, amountText, discount, discountText, weight, weightText, net, gross, daysMissing ? null : days,
            daysMissing ? Markers[random.Next(4)] : days.ToString(CultureInfo.InvariantCulture), random.NextDouble() < 0.04 ? 1 : 0,
            random.NextDouble() < 0.16 ? random.Next(1, 6) : null);
    }

    private static string FormatDate(Random random, DateOnly date) => random.Next(5) switch
    {
        0 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        1 => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        2 => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
        3 => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
    };

    // Amounts from -200 to about 20,000 euros in cents; 5% markers; 8% credit notes (negative); whole euros above
    // 1,000 sometimes written "1.234" with no cents (alone, that could be 1.234).
    private static (double?, string) Amount(Random random)
    {
        if (random.NextDouble() < 0.05)
            return (null, Markers[random.Next(Markers.Length)]);
        var cents = (long)Math.Round(Math.Exp(random.NextDouble() * Math.Log(2_000_000)) + 50);
        if (cents >= 100_000 && random.NextDouble() < 0.15)
            cents -= cents % 100;
        var negative = random.NextDouble() < 0.08;
        var euros = cents / 100;
        var rest = cents % 100;
        var grouped = euros >= 1000 ? $"{euros / 1000}.{euros % 1000:000}" : euros.ToString(CultureInfo.InvariantCulture);
        var digits = rest == 0 && euros >= 1000 ? grouped : $"{grouped},{rest:00}";
        if (negative)
            digits = "-" + digits;
        var text = random.Next(5) switch { 0 => $"€ {digits}", 1 => $"EUR {digits}", 2 => $"{digits} €", _ => digits };
        return ((negative ? -1 : 1) * cents / 100.0, text);
    }

    // Discounts 0-25% in steps of 0.5%, written "12,5 %" (a space before the sign); 4% missing as "-" or "n/a".
    private static (double?, string) Discount(Random random)
    {
        if (random.NextDouble() < 0.04)
            return (null, random.Next(2) == 0 ? "-" : "n/a");
        var half = random.Next(0, 51);
        return (half / 200.0, half % 2 == 0 ? $"{half / 2} %" : $"{half / 2},5 %");
    }

    // Weights in steps of 250 g, written in kilograms with a '.' thousands separator for grams ("1.250" = 1,250 g):
    // every value either has no separator or one followed by exactly three digits, so nothing decides.
    private static (int?, string) Weight(Random random)
    {
        var grams = 250 * random.Next(1, 41);
        return (grams, grams >= 1000 ? $"{grams / 1000}.{grams % 1000:000}" : grams.ToString(CultureInfo.InvariantCulture));
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Sin(2 * Math.PI * random.NextDouble());
}
