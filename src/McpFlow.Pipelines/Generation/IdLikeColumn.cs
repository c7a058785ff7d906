using System.Globalization;
using System.Text.RegularExpressions;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Generation;

/// <summary>
/// Recognises identifier columns, which cannot generalise and are dropped from the features: whole numbers or text
/// that are (nearly) unique per row, whole numbers that rise or fall with the row order (a counter), or a column named
/// like an identifier (<c>id</c>, <c>customer_id</c>, <c>orderId</c>, <c>row_number</c>, pandas' <c>Unnamed: 0</c>, …)
/// with many distinct values. Each rule states its reason.
/// </summary>
public static partial class IdLikeColumn
{
    /// <summary>Distinct share at or above which whole numbers or text are unique enough to be an identifier.</summary>
    public const double UniqueShare = GenerationLimits.IdLikeDistinctShare;

    /// <summary>A counter or an identifier-named column needs at least this distinct share (a 10-level <c>store_id</c> is a category).</summary>
    public const double NamedOrCounterShare = 0.5;

    /// <summary>Fewest non-null values for any rule (a short table cannot show uniqueness).</summary>
    public const int MinValues = 20;

    /// <summary>
    /// Why <paramref name="c"/> is an identifier, or null. <paramref name="isMonotone"/> is asked only for whole
    /// numbers that are not already unique (it costs a query).
    /// </summary>
    public static string? Reason(ColumnProfile c, long nonNull, bool isText, Func<bool> isMonotone)
    {
        var whole = c.IsInteger || (c.IsNumeric && c.WholeValued);
        if (!(whole || isText) || nonNull < MinValues)
            return null;
        var share = c.Distinct / (double)nonNull;
        var kind = isText ? "distinct values" : "distinct whole numbers";
        if (share >= UniqueShare)
            return string.Create(CultureInfo.InvariantCulture, $"{c.Distinct} {kind} in {nonNull} rows ({100 * share:F1}%): nearly one per row");
        if (share < NamedOrCounterShare)
            return null;
        if (IdName().IsMatch(c.Name) || CamelIdName().IsMatch(c.Name))
            return string.Create(CultureInfo.InvariantCulture, $"named like an identifier, with {c.Distinct} {kind} in {nonNull} rows");
        if (whole && isMonotone())
            return string.Create(CultureInfo.InvariantCulture, $"{c.Distinct} {kind} in {nonNull} rows that only rise (or only fall) with the row order: a counter or sequence number");
        return null;
    }

    // id, idx, key, uuid, guid, row numbers, pandas' index columns, or a name ending in _id / -key / " nr" / _number
    // (account_number, invoice_number) and similar.
    [GeneratedRegex(@"^(id|idx|index|key|uuid|guid|rowid|row|rownum|row_?number|record_?(no|nr|number)|unnamed:?\s*\d*|level_0)$|[_\s.\-](id|idx|uuid|guid|key|nr|no|number)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdName();

    // camelCase or PascalCase: customerId, OrderID, accountKey.
    [GeneratedRegex("[a-z0-9](Id|ID|Key|Uuid|UUID|Nr)$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelIdName();
}
