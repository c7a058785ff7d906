using System.Globalization;
using System.Text.RegularExpressions;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>
/// The range a parameter declares: the schema's minimum and maximum when present, otherwise what its description states
/// after a comma, e.g. "Rows to show, 1-200." or ", 0.001-0.2." or "1 to the configured cap (default 500)" (a default
/// in parentheses, "Default: the plan's (2000-5000)", is not a range). Values outside it must be refused with an error
/// naming the parameter.
/// </summary>
internal static partial class DocumentedRange
{
    /// <summary>The stated (min, max), or null when the description states none.</summary>
    public static (double Min, double Max)? Of(ToolParameter parameter)
    {
        if (parameter.Kind is not ("integer" or "number"))
            return null;
        if (parameter.Minimum is not null || parameter.Maximum is not null)
            return (parameter.Minimum ?? double.NegativeInfinity, parameter.Maximum ?? double.PositiveInfinity);
        var match = Dash().Match(parameter.Description);
        if (match.Success)
            return (Parse(match.Groups[1].Value), Parse(match.Groups[2].Value));
        match = ToTheCap().Match(parameter.Description);
        return match.Success ? (Parse(match.Groups[1].Value), Parse(match.Groups[2].Value)) : null;
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    // "…, 1-200." / "…, 0-45." / "…, 0.001-0.2." — after a comma, so ids (job-20261123-101500) and defaults in
    // parentheses never match.
    [GeneratedRegex(@", (\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?=[.,;]|\s)")]
    private static partial Regex Dash();

    // "1 to the configured cap (default 500)" / "1 to the configured limit (default 30)".
    [GeneratedRegex(@"(\d+) to the configured \w+ \(default (\d+)\)")]
    private static partial Regex ToTheCap();
}
