using System.Text.Json;
using McpFlow.Core.Mcp;

namespace McpFlow.Data.Profiling;

/// <summary>
/// Fits a profile's structured form into its share of the result budget (<see cref="ResultBudget"/>) without changing
/// its shape: the heavy parts are thinned in stages, lightest loss first, until it fits, and what was left out is
/// named. The full profile is kept in the workspace (<see cref="ProfileStore"/>) and the run folder.
/// </summary>
public static class ProfileBudget
{
    /// <summary>Characters of the result budget (<see cref="ResultBudget.MaxCharacters"/>) kept for what surrounds the
    /// profile: the run record, links, next steps and, for a job, the job's record (about 2,500 together).</summary>
    public const int Reserve = 5_000;

    /// <summary>Characters the structured profile may take beside a text of <paramref name="textLength"/> characters.</summary>
    public static int StructuredCharacters(int textLength) => Math.Max(0, ResultBudget.MaxCharacters - Reserve - textLength);

    /// <summary>Correlations kept when they do not all fit: the strongest by absolute value. A 100-column table has
    /// 4,950 pairs, up to three methods each (about 80 characters per entry).</summary>
    public const int CorrelationsKept = 40;

    /// <summary>Most frequent values kept per column when they do not all fit.</summary>
    public const int TopValuesKept = 3;

    /// <summary>Alerts kept (most important first) when they do not all fit.</summary>
    public const int AlertsKept = 50;

    /// <summary>Returns the profile itself when it fits in <paramref name="budget"/> characters, or a thinned copy and
    /// what was left out (columns are dropped last, and never all).</summary>
    public static ProfileFit Fit(TableProfile profile, int budget)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var omitted = new List<string>();
        var current = profile;
        foreach (var stage in Stages.Append(p => LeadingColumns(p, budget)))
        {
            if (Size(current) <= budget)
                break;
            var (next, note) = stage(current);
            if (note is null)
                continue;
            current = next;
            omitted.Add(note);
        }

        return new ProfileFit(current, omitted);
    }

    /// <summary>Serialized length of a profile in the result's JSON conventions.</summary>
    public static int Size(TableProfile profile) => JsonSerializer.Serialize(profile, McpFlowJson.Options).Length;

    private static readonly Func<TableProfile, (TableProfile, string?)>[] Stages =
    [
        StrongestCorrelations,
        p => Columns(p, c => c.Numeric?.Histogram is null ? c : c with { Numeric = c.Numeric with { Histogram = null } }, "histograms"),
        p => Columns(p, c => c.TopValues.Count <= TopValuesKept ? c : c with { TopValues = c.TopValues.Take(TopValuesKept).ToList() },
            $"top values beyond the {TopValuesKept} most frequent"),
        p => Columns(p, c => c.Numeric is not { } n ? c : c with
        {
            Numeric = n with
            {
                Quantiles = n.Quantiles.Where(q => q.Key is "p25" or "p50" or "p75").ToDictionary(q => q.Key, q => q.Value),
                OutlierExamples = [],
            },
        }, "quantiles other than p25, p50, p75, and outlier examples"),
        p => Columns(p, c => c.Text is null ? c : c with { Text = null }, "text statistics (lengths, number and date readings, spelling variants)"),
        p => p.Alerts.Count <= AlertsKept ? (p, null) : (p with { Alerts = p.Alerts.Take(AlertsKept).ToList() },
            $"alerts after the {AlertsKept} most important of {p.Alerts.Count}"),
    ];

    private static (TableProfile, string?) StrongestCorrelations(TableProfile p)
    {
        if (p.Correlations.Count <= CorrelationsKept)
            return (p, null);
        var kept = p.Correlations.OrderByDescending(c => double.IsNaN(c.Value) ? -1 : Math.Abs(c.Value)).Take(CorrelationsKept).ToList();
        return (p with { Correlations = kept }, $"correlations beyond the {CorrelationsKept} strongest of {p.Correlations.Count:N0}");
    }

    private static (TableProfile, string?) Columns(TableProfile p, Func<ColumnProfile, ColumnProfile> thin, string note)
    {
        var changed = false;
        var columns = p.Columns.Select(c =>
        {
            var t = thin(c);
            changed |= !ReferenceEquals(t, c);
            return t;
        }).ToList();
        return changed ? (p with { Columns = columns }, note) : (p, null);
    }

    // The last stage: as many leading columns as fit (at least one), found by dropping a tenth at a time.
    private static (TableProfile, string?) LeadingColumns(TableProfile p, int budget)
    {
        var kept = p;
        while (kept.Columns.Count > 1 && Size(kept) > budget)
            kept = kept with { Columns = kept.Columns.Take(Math.Max(1, kept.Columns.Count * 9 / 10)).ToList() };
        return kept.Columns.Count == p.Columns.Count
            ? (p, null)
            : (kept, $"the statistics of columns after the first {kept.Columns.Count} of {p.Columns.Count}");
    }
}
