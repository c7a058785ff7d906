namespace McpFlow.Data.Parsing;

/// <summary>How a text column's numbers are to be read, decided from its values.</summary>
/// <param name="Status"><c>decided</c> (values that read only one way settle the decimal separator), <c>integers</c>
/// (no value has a decimal or thousands separator), <c>ambiguous</c> (values such as "1,234" read two ways and none
/// decides), or <c>conflict</c> (values of both conventions occur).</param>
/// <param name="DecimalSeparator">'.' or ','; null when ambiguous or in conflict.</param>
/// <param name="Statement">The decision and its evidence in one sentence, e.g. "decimal separator ',' (comma) ...".</param>
/// <param name="Evidence">The counts it was decided from.</param>
public sealed record NumberReading(string Status, char? DecimalSeparator, string Statement, NumberEvidence Evidence)
{
    /// <summary>True when the column can be read without the caller choosing a decimal separator.</summary>
    public bool IsDecided => DecimalSeparator is not null;

    /// <summary>The majority convention when in conflict (null otherwise or on a tie).</summary>
    public char? Majority => Evidence.CommaDecimal > Evidence.DotDecimal ? ',' : Evidence.DotDecimal > Evidence.CommaDecimal ? '.' : null;
}
