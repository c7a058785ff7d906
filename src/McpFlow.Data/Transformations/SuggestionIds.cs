using McpFlow.Core.Errors;

namespace McpFlow.Data.Transformations;

/// <summary>
/// The shape of a transformation suggestion id: an operation name, ':', then the column (or '*' for the whole table),
/// optionally '#' and a variant, e.g. <c>log1p:purchase_amount</c>, <c>drop_duplicates:*</c>,
/// <c>to_number:price#comma</c>. Ids are checked against this shape before they are looked up, and looked up exactly.
/// </summary>
public static class SuggestionIds
{
    /// <summary>Longest id accepted (an operation name, a column name of up to 128 characters and a variant).</summary>
    public const int MaxLength = 200;

    /// <summary>The id of a suggestion of <paramref name="operation"/> on <paramref name="column"/> (null: the whole table).</summary>
    public static string Of(string operation, string? column, string? variant = null) =>
        $"{operation}:{column ?? "*"}" + (variant is null ? "" : "#" + variant);

    /// <summary>Returns <paramref name="id"/> when it has the shape of a suggestion id, otherwise throws an error naming
    /// <paramref name="parameter"/>.</summary>
    public static string Require(string? id, string parameter)
    {
        var colon = id?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (id is not null && id.Length <= MaxLength && colon > 0 && colon < id.Length - 1
            && TransformOperations.IsKnown(id[..colon]) && !id.Any(char.IsControl))
            return id;
        var shown = id is null ? "(missing)" : id.Length <= 60 ? $"'{id}'" : $"'{id[..60]}…' ({id.Length} characters)";
        throw McpFlowException.Invalid($"{parameter} {shown} is not a transformation suggestion id; they look like log1p:purchase_amount or drop_duplicates:*.",
            "Call suggest_transformations for the table; each suggestion's id is in the result.");
    }
}
