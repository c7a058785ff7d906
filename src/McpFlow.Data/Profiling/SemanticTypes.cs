using System.Text.RegularExpressions;

namespace McpFlow.Data.Profiling;

/// <summary>Infers what a column means from its class, name and counts.</summary>
public static partial class SemanticTypes
{
    /// <summary>Integer columns with at most this many distinct values are treated as categorical codes.</summary>
    public const long CategoricalCodeMaxDistinct = 5;

    /// <summary>Distinct share of the non-null values from which a text or integer column counts as an identifier
    /// (99%: a few duplicated rows do not hide an id column). Rows that repeat an earlier row exactly are left out of
    /// the count first, so duplicates do not hide it either.</summary>
    public const double IdentifierMinDistinctShare = 0.99;

    /// <summary>The same share when the distinct count is a HyperLogLog estimate: a truly unique column is estimated
    /// above 1 − 2·13% = 74% of its rows about 97.5% of the time (<see cref="ProfileSettings.ApproxDistinctStandardError"/>).</summary>
    public const double ApproximateIdentifierMinDistinctShare = 1 - (2 * ProfileSettings.ApproxDistinctStandardError);

    /// <summary>Text columns whose distinct values are at most this share of the non-null values are categorical.</summary>
    public const double CategoricalMaxDistinctShare = 0.5;

    /// <summary>The semantic type (see <see cref="ColumnProfile.SemanticType"/>). <paramref name="duplicateRows"/> are rows
    /// repeating an earlier row; <paramref name="approximate"/> says <paramref name="distinct"/> is an estimate.</summary>
    public static string Infer(ColumnClass cls, string type, string name, long count, long distinct, long duplicateRows, bool approximate, TextStats? text)
    {
        if (count == 0)
            return "empty";
        if (distinct == 1)
            return "constant";
        var unique = count >= AlertThresholds.UniqueMinCount
                     && distinct >= (approximate ? ApproximateIdentifierMinDistinctShare : IdentifierMinDistinctShare) * Math.Max(1, count - duplicateRows);
        switch (cls)
        {
            case ColumnClass.Numeric:
                var integer = !ColumnClasses.IsFloating(type) && !type.StartsWith("DECIMAL", StringComparison.OrdinalIgnoreCase);
                if (integer && unique)
                    return "identifier";
                if (integer && (IdName().IsMatch(name) || CodeName().IsMatch(name)))
                    return "code";
                return integer && distinct <= CategoricalCodeMaxDistinct ? "categorical" : "numeric";
            case ColumnClass.Boolean:
                return "boolean";
            case ColumnClass.Temporal:
                return "datetime";
            case ColumnClass.Text when text is not null:
                if (text.Number is { } number && text.NumericLike >= AlertThresholds.NumericAsText * count)
                {
                    // Digits only: leading zeros or a code-like name make it a code (postal codes, ids), never a number.
                    if (number.Evidence.DigitsOnly == number.Evidence.Values && (number.Evidence.LeadingZeros > 0 || IdName().IsMatch(name) || CodeName().IsMatch(name)))
                        return unique ? "identifier" : "code";
                    if (number.Evidence.LeadingZeros > 0)
                        return "code";
                    return unique && number.Evidence.DigitsOnly == number.Evidence.Values ? "identifier" : "numeric_as_text";
                }

                if (text.DateFormats.Values.Sum() >= AlertThresholds.NumericAsText * count)
                    return "datetime_as_text";
                if (unique)
                    return "identifier";
                return distinct <= AlertThresholds.HighCardinality || distinct <= CategoricalMaxDistinctShare * count ? "categorical" : "text";
            default:
                return "other";
        }
    }

    /// <summary>True for semantic types that are labels, not quantities: never scaled, transformed or parsed as numbers.</summary>
    public static bool IsKey(string semanticType) => semanticType is "identifier" or "code";

    // id, ID, customer_id, orderId, customerID, and the suffixes of numbered labels the pipelines' identifier rule
    // knows too (customer_nr, invoice_no, account_number, row_key, order_uuid) — but not "paid", "valid" or the
    // "_num" columns to_number writes.
    [GeneratedRegex("(^|_)(id|ID|Id)$|[a-z0-9](Id|ID)$|^(id|ID)_|_(?i:nr|no|number|key|uuid|guid)$", RegexOptions.CultureInvariant)]
    private static partial Regex IdName();

    [GeneratedRegex("(^|_)(zip|zipcode|postal|postcode|post_code|postalcode|plz|cap|phone|tel|iban|ean|isbn|sku|code)($|_)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CodeName();
}
