using System.Globalization;

namespace McpFlow.Data.Parsing;

/// <summary>What a text column's values say about how its dates are written (counts of non-missing values).</summary>
/// <param name="Values">Non-missing values.</param>
/// <param name="Iso">Values like 2024-03-25.</param>
/// <param name="IsoSlash">Values like 2024/03/25.</param>
/// <param name="Numeric">Values like 25/03/2024, 03.25.2024 or 03-04-2024 (day and month as numbers, either order).</param>
/// <param name="DayFirst">Numeric values that only fit day-first (first field 13-31), e.g. 25/03/2024.</param>
/// <param name="MonthFirst">Numeric values that only fit month-first (second field 13-31), e.g. 03/25/2024.</param>
/// <param name="MonthNameFirst">Values like "Jan 05, 2024".</param>
/// <param name="DayMonthName">Values like "05 Jan 2024".</param>
/// <param name="Examples">A value of each kind that matters: day_first, month_first, undecided, other.</param>
public sealed record DateEvidence(long Values, long Iso, long IsoSlash, long Numeric, long DayFirst, long MonthFirst, long MonthNameFirst, long DayMonthName,
    IReadOnlyDictionary<string, string> Examples)
{
    /// <summary>Values in one of the recognised shapes.</summary>
    public long DateLike => Iso + IsoSlash + Numeric + MonthNameFirst + DayMonthName;

    /// <summary>Values in none of the shapes (they cannot be parsed and are reported as such).</summary>
    public long Other => Values - DateLike;

    /// <summary>The shapes seen with their counts, for profiles and messages (label → values).</summary>
    public IReadOnlyDictionary<string, long> Shapes(string? order)
    {
        var shapes = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(string label, long count)
        {
            if (count > 0)
                shapes[label] = count;
        }

        Add("iso (YYYY-MM-DD)", Iso);
        Add("iso (YYYY/MM/DD)", IsoSlash);
        Add(order switch { "day-first" => "day-first (DD/MM/YYYY)", "month-first" => "month-first (MM/DD/YYYY)", _ => "numeric (DD/MM or MM/DD, order undecided)" }, Numeric);
        Add("month name (Mon DD, YYYY)", MonthNameFirst);
        Add("month name (DD Mon YYYY)", DayMonthName);
        return shapes;
    }

    /// <summary>Decides the formats: every shape seen is tried; numeric dates are day-first when some value has a
    /// first field above 12 and none a second field above 12 (month-first the other way round). With no deciding
    /// value the column is ambiguous, with deciding values both ways it is in conflict: neither is guessed.</summary>
    public DateReading Decide()
    {
        string? order = null;
        string? orderText = null;
        if (Numeric > 0)
        {
            if (DayFirst > 0 && MonthFirst > 0)
                return new DateReading("conflict", [], null,
                    $"numeric dates are written both ways: {N(DayFirst)} only fit day-first{Ex("day_first")} and {N(MonthFirst)} only fit month-first{Ex("month_first")}", this);
            if (DayFirst == 0 && MonthFirst == 0)
                return new DateReading("ambiguous", [], null,
                    $"{N(Numeric)} numeric dates such as {Examples.GetValueOrDefault("undecided", "'03/04/2024'")} have day and month both ≤ 12, so day-first and month-first " +
                    "read them as different dates and no value decides", this);
            order = DayFirst > 0 ? "day-first" : "month-first";
            orderText = $"{order}, decided by {N(Math.Max(DayFirst, MonthFirst))} values with a {(DayFirst > 0 ? "first" : "second")} field above 12" +
                        $"{Ex(DayFirst > 0 ? "day_first" : "month_first")}";
        }

        var formats = new List<string>();
        if (Iso > 0)
            formats.AddRange(DateSyntax.IsoFormats);
        if (IsoSlash > 0)
            formats.AddRange(DateSyntax.IsoSlashFormats);
        if (order is not null)
            formats.AddRange(order == "day-first" ? DateSyntax.DayFirstFormats : DateSyntax.MonthFirstFormats);
        if (MonthNameFirst > 0)
            formats.AddRange(DateSyntax.MonthNameFirstFormats);
        if (DayMonthName > 0)
            formats.AddRange(DateSyntax.DayMonthNameFormats);
        var shapes = string.Join(", ", Shapes(order).Select(s => $"{s.Key} {N(s.Value)}"));
        var text = (formats.Count == 0 ? "no date shape recognised" : $"shapes {shapes}") + (orderText is null ? "" : $"; numeric dates {orderText}");
        if (Other > 0)
            text += $"; {N(Other)} values fit no shape{Ex("other")} and become NULL";
        return new DateReading(formats.Count == 0 ? "ambiguous" : "decided", formats, order, text, this);
    }

    private string Ex(string kind) => Examples.TryGetValue(kind, out var value) ? $" (e.g. {value})" : "";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
