using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;

namespace McpFlow.Data.Loading;

/// <summary>
/// Checks Parquet files' schemas (read from their footers with DuckDB's <c>parquet_schema</c>, which decodes metadata
/// only) before their data is read: top-level columns against <see cref="LoadLimits.MaxColumns"/> and nesting against
/// <see cref="LoadLimits.MaxNestingDepth"/>. Nesting counts nested types as JSON would: a list or a struct is one level
/// (Parquet's repeated wrapper group of a list is not counted).
/// </summary>
internal static class ParquetSchemaCheck
{
    public static void Check(LoadRequest request)
    {
        var elements = request.Deadline.Rows(request.Connection,
            $"SELECT file_name, num_children, repetition_type FROM parquet_schema([{string.Join(", ", request.Source.Files.Select(SqlQuote.Literal))}]) ORDER BY file_name, column_id",
            r => (File: r.GetString(0), Children: r.IsDBNull(1) ? 0L : Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Repeated: !r.IsDBNull(2) && r.GetString(2) == "REPEATED"));
        foreach (var file in elements.GroupBy(e => e.File, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file.Key);
            var list = file.ToList();
            var columns = list.Count == 0 ? 0 : list[0].Children;
            if (columns > request.Limits.MaxColumns)
                throw McpFlowException.Invalid($"'{name}' has {columns:N0} columns; a load accepts at most {request.Limits.MaxColumns:N0}.",
                    $"Write a narrower Parquet file (only the columns you need), or ask the operator to raise the limit with {LoadLimits.ColumnsSwitch}.");
            var depth = Depth(list.Select(e => (e.Children, e.Repeated)));
            if (depth > request.Limits.MaxNestingDepth)
                throw McpFlowException.Invalid($"'{name}' nests types {depth:N0} levels deep; loads accept at most {request.Limits.MaxNestingDepth} levels.",
                    $"Flatten the nested columns, or ask the operator to raise the limit with {LoadLimits.NestingDepthSwitch}.");
        }
    }

    /// <summary>Nesting depth of a schema given in Parquet's depth-first order (root first) as each element's child
    /// count and whether it is repeated: the most non-repeated groups, below the root, above any element.</summary>
    public static int Depth(IEnumerable<(long Children, bool Repeated)> elements)
    {
        var open = new List<(long Remaining, int Depth)>();
        var deepest = 0;
        foreach (var (children, repeated) in elements)
        {
            var parentDepth = 0;
            if (open.Count > 0)
            {
                open[^1] = (open[^1].Remaining - 1, open[^1].Depth);
                parentDepth = open[^1].Depth;
            }

            if (children > 0)
            {
                // The root (no parent) and repeated wrapper groups add no level.
                var depth = open.Count == 0 || repeated ? parentDepth : parentDepth + 1;
                deepest = Math.Max(deepest, depth);
                open.Add((children, depth));
            }

            while (open.Count > 0 && open[^1].Remaining <= 0)
                open.RemoveAt(open.Count - 1);
        }

        return deepest;
    }
}
