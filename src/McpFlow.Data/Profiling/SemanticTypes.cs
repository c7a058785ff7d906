namespace McpFlow.Data.Profiling;

/// <summary>Infers what a column means from its class and counts.</summary>
public static class SemanticTypes
{
    /// <summary>Integer columns with at most this many distinct values are treated as categorical codes.</summary>
    public const long CategoricalCodeMaxDistinct = 5;

    /// <summary>Distinct share of the non-null values from which a text or integer column counts as an identifier
    /// (99%: a few duplicated rows do not hide an id column).</summary>
    public const double IdentifierMinDistinctShare = 0.99;

    /// <summary>Text columns whose distinct values are at most this share of the non-null values are categorical.</summary>
    public const double CategoricalMaxDistinctShare = 0.5;

    /// <summary>The semantic type (see <see cref="ColumnProfile.SemanticType"/>).</summary>
    public static string Infer(ColumnClass cls, string type, long count, long distinct, TextStats? text)
    {
        if (count == 0)
            return "empty";
        if (distinct == 1)
            return "constant";
        switch (cls)
        {
            case ColumnClass.Numeric:
                var integer = !ColumnClasses.IsFloating(type) && !type.StartsWith("DECIMAL", StringComparison.OrdinalIgnoreCase);
                if (integer && distinct >= IdentifierMinDistinctShare * count && count >= AlertThresholds.UniqueMinCount)
                    return "identifier";
                return integer && distinct <= CategoricalCodeMaxDistinct ? "categorical" : "numeric";
            case ColumnClass.Boolean:
                return "boolean";
            case ColumnClass.Temporal:
                return "datetime";
            case ColumnClass.Text when text is not null:
                if (text.NumericLike >= AlertThresholds.NumericAsText * count)
                    return "numeric_as_text";
                if (text.DateFormats.Values.Sum() >= AlertThresholds.NumericAsText * count)
                    return "datetime_as_text";
                if (distinct >= IdentifierMinDistinctShare * count && count >= AlertThresholds.UniqueMinCount)
                    return "identifier";
                return distinct <= AlertThresholds.HighCardinality || distinct <= CategoricalMaxDistinctShare * count ? "categorical" : "text";
            default:
                return "other";
        }
    }
}
