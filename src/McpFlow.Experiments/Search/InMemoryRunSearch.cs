using System.Globalization;
using System.Text;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Search;

/// <summary>Filters, orders and pages runs in memory the way MLflow's file store does (page tokens are base64
/// JSON offsets; runs missing an order key sort last; ties by start time descending, then run id).</summary>
public static class InMemoryRunSearch
{
    /// <summary>Applies the request to <paramref name="runs"/>; <paramref name="nanAsZero"/> filters a NaN metric as 0
    /// (MLflow's SQL store, see <see cref="FilterEvaluator.Matches(MlflowRun, IReadOnlyList{FilterClause}, bool)"/>).</summary>
    public static Page<MlflowRun> Apply(IEnumerable<MlflowRun> runs, RunSearchRequest request, bool nanAsZero = false)
    {
        if (request.MaxResults is < 1 or > RunSearchRequest.MaxAllowedResults)
            throw McpFlowException.Invalid($"max_results must be between 1 and {RunSearchRequest.MaxAllowedResults}, got {request.MaxResults}.");
        var clauses = FilterParser.Parse(request.Filter);
        var order = (request.OrderBy ?? []).Select(OrderClause.Parse).ToList();
        var matched = runs.Where(r => FilterEvaluator.Matches(r, clauses, nanAsZero)).ToList();
        matched.Sort((a, b) => Compare(a, b, order));
        var offset = DecodeToken(request.PageToken);
        var page = matched.Skip(offset).Take(request.MaxResults).ToList();
        var next = offset + page.Count < matched.Count ? EncodeToken(offset + page.Count) : null;
        return new Page<MlflowRun>(page, next);
    }

    /// <summary>Encodes an offset as MLflow's file store does: base64 of <c>{"offset": n}</c>.</summary>
    public static string EncodeToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"offset\": {offset.ToString(CultureInfo.InvariantCulture)}}}"));

    /// <summary>Decodes a page token (null or empty is offset 0).</summary>
    public static int DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return 0;
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(token));
            var offset = doc.RootElement.GetProperty("offset").GetInt32();
            if (offset < 0)
                throw new FormatException();
            return offset;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw McpFlowException.Invalid($"Invalid page_token '{token}'.", "Pass the next_page_token of a previous search unchanged, or omit it for the first page.");
        }
    }

    private static int Compare(MlflowRun a, MlflowRun b, List<OrderClause> order)
    {
        foreach (var clause in order)
        {
            var (va, vb) = (Key(a, clause), Key(b, clause));
            if (va is null && vb is null)
                continue;
            if (va is null)
                return 1;
            if (vb is null)
                return -1;
            var c = va is double da && vb is double db ? da.CompareTo(db) : string.CompareOrdinal(va.ToString(), vb.ToString());
            if (c != 0)
                return clause.Descending ? -c : c;
        }

        var byStart = (b.StartTime ?? 0).CompareTo(a.StartTime ?? 0);
        return byStart != 0 ? byStart : string.CompareOrdinal(a.RunId, b.RunId);
    }

    private static object? Key(MlflowRun run, OrderClause clause) => clause.Entity switch
    {
        "metrics" => run.Metric(clause.Key) is { } m && !double.IsNaN(m) ? m : null,
        "params" => run.Params.GetValueOrDefault(clause.Key),
        "tags" => run.Tags.GetValueOrDefault(clause.Key),
        _ => clause.Key switch
        {
            "start_time" or "created" => run.StartTime is { } s ? (double)s : null,
            "end_time" => run.EndTime is { } e ? (double)e : null,
            "status" => run.Status,
            "run_name" => run.RunName,
            "run_id" => run.RunId,
            "artifact_uri" => run.ArtifactUri,
            "user_id" => run.UserId ?? run.Tags.GetValueOrDefault("mlflow.user"),
            _ => throw McpFlowException.Invalid($"Cannot order by attribute '{clause.Key}'.", "Use start_time, end_time, status, run_name, run_id, artifact_uri or user_id."),
        },
    };
}
