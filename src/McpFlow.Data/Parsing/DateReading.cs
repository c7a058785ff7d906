namespace McpFlow.Data.Parsing;

/// <summary>How a text column's dates are to be read, decided from its values.</summary>
/// <param name="Status"><c>decided</c>, <c>ambiguous</c> (numeric dates with both fields ≤ 12 only, so day-first and
/// month-first read them differently and nothing decides) or <c>conflict</c> (values that only fit day-first and
/// values that only fit month-first both occur).</param>
/// <param name="Formats">strptime formats to try in order (empty unless decided).</param>
/// <param name="Order"><c>day-first</c>, <c>month-first</c>, or null when the column has no numeric dates or is undecided.</param>
/// <param name="Statement">The decision and its evidence in one sentence.</param>
/// <param name="Evidence">The counts it was decided from.</param>
public sealed record DateReading(string Status, IReadOnlyList<string> Formats, string? Order, string Statement, DateEvidence Evidence)
{
    /// <summary>True when the column can be parsed without the caller choosing formats.</summary>
    public bool IsDecided => Status == "decided";

    /// <summary>The order with more deciding values when in conflict (null on a tie or when not in conflict).</summary>
    public string? Majority => Evidence.DayFirst > Evidence.MonthFirst ? "day-first" : Evidence.MonthFirst > Evidence.DayFirst ? "month-first" : null;
}
