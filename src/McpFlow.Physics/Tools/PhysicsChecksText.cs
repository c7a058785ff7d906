using System.Text;
using McpFlow.Physics.Validation.Checks;

namespace McpFlow.Physics.Tools;

/// <summary>The physics-aware checks as lines of validate_solution's text answer.</summary>
internal static class PhysicsChecksText
{
    public static void Append(StringBuilder text, PhysicsCheckReport report)
    {
        text.AppendLine($"- Physics-aware checks: {report.Summary}");
        foreach (var source in report.Checks.Select(c => $"{c.Tolerance:G2}: {c.ToleranceSource}").Distinct(StringComparer.Ordinal))
            text.AppendLine($"  Tolerance {source}.");
        foreach (var c in report.Checks)
        {
            text.AppendLine($"  - {c.Name}: {(c.Passed ? "PASS" : "FAIL")}, {c.Measured:G3} (tolerance {c.Tolerance:G2}). Checked: {c.Checked}.");
            text.AppendLine($"    Why it applies: {c.Why}");
            if (!c.Passed)
                text.AppendLine($"    {c.Meaning}");
        }

        foreach (var reason in report.NotApplicable)
            text.AppendLine($"  - not applicable: {reason}");
    }
}
