using System.Globalization;
using System.Text.RegularExpressions;
using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Review;

/// <summary>
/// Numbers the summary quotes for a metric match the metric: wherever a metric's name (or the name with spaces
/// for underscores) is followed within a few words by a number, that number must equal the metric to within one
/// unit of its last quoted digit (so both rounding and truncation pass). "92.3%" is read as 0.923, and a number
/// 100× the metric also matches (a proportion quoted as a percentage without the sign).
/// </summary>
public sealed partial class SummaryNumbersCheck : IReviewCheck
{
    /// <summary>Characters allowed between a metric name and its number ("accuracy of ", "rmse = ", "loss reached ").</summary>
    public const int MaxGap = 24;

    /// <inheritdoc />
    public string Name => "summary_matches_metrics";

    /// <inheritdoc />
    public CheckResult Run(ReviewInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Summary))
            return new CheckResult(Name, true, "no summary to check");
        var mismatches = new List<string>();
        var matched = 0;
        foreach (var (name, value) in input.Metrics.Where(m => double.IsFinite(m.Value)))
        {
            foreach (var quote in Quotes(input.Summary, name))
            {
                if (Matches(quote, value))
                    matched++;
                else
                    mismatches.Add($"the summary says {name} {quote.Text} but the metric {name} = {value.ToString("G6", CultureInfo.InvariantCulture)}");
            }
        }

        if (mismatches.Count > 0)
            return new CheckResult(Name, false, string.Join("; ", mismatches));
        return new CheckResult(Name, true, matched == 0 ? "the summary quotes no metric by name" : $"{matched} number(s) quoted in the summary match the metrics");
    }

    /// <summary>A number quoted after a metric name.</summary>
    /// <param name="Text">As written, e.g. "92.3%".</param>
    /// <param name="Value">Its value (percent already divided by 100).</param>
    /// <param name="Unit">One unit of its last quoted digit, on the same scale as <paramref name="Value"/>.</param>
    public sealed record Quote(string Text, double Value, double Unit);

    /// <summary>Numbers quoted after <paramref name="metric"/> in <paramref name="summary"/>.</summary>
    public static IEnumerable<Quote> Quotes(string summary, string metric)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { metric, metric.Replace('_', ' ') };
        foreach (var name in names)
        {
            var pattern = $@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}_])[^\d\n;!?]{{0,{MaxGap}}}?(?<num>[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?<pct>\s*%)?";
            foreach (Match m in Regex.Matches(summary, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                var number = m.Groups["num"].Value;
                if (m.Value[..(m.Groups["num"].Index - m.Index)].Contains(". ", StringComparison.Ordinal))
                    continue; // the number belongs to the next sentence
                var value = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
                var unit = UnitOfLastDigit(number);
                var percent = m.Groups["pct"].Success;
                yield return new Quote(number + (percent ? "%" : ""), percent ? value / 100 : value, percent ? unit / 100 : unit);
            }
        }
    }

    /// <summary>True when the quoted number equals <paramref name="value"/> to within one unit of its last digit (or 100× it).</summary>
    public static bool Matches(Quote quote, double value) =>
        Math.Abs(quote.Value - value) <= quote.Unit * (1 + 1e-9)
        || Math.Abs(quote.Value - value * 100) <= quote.Unit * (1 + 1e-9);

    private static double UnitOfLastDigit(string number)
    {
        var exponentAt = number.IndexOfAny(['e', 'E']);
        var mantissa = exponentAt < 0 ? number : number[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(number[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : mantissa.Length - dot - 1;
        return Math.Pow(10, exponent - decimals);
    }
}
