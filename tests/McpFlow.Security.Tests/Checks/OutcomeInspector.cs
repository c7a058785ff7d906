using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Checks;

/// <summary>The checks every attempt gets, whatever its class: the server survived and answered in time; text and
/// structured content are within the cap; an error repeats at most 200 characters of any argument; no raw exception
/// text; nothing from outside the roots.</summary>
internal static class OutcomeInspector
{
    /// <summary>Findings for one outcome of a call made with <paramref name="arguments"/>.</summary>
    public static List<Finding> Inspect(CallOutcome outcome, JsonNode? arguments, SandboxFolders sandbox)
    {
        var findings = new List<Finding>();
        switch (outcome.Kind)
        {
            case OutcomeKind.Crash:
                findings.Add(new Finding(Problem.Crash, "", outcome.Excerpt(600)));
                return findings;
            case OutcomeKind.Hang:
                findings.Add(new Finding(Problem.Hang, "", outcome.Excerpt(600)));
                return findings;
        }

        if (outcome.Text.Length > ResultCaps.MaxCharacters || outcome.Structured.Length > ResultCaps.MaxCharacters)
            findings.Add(new Finding(Problem.OverCap, "", $"text {outcome.Text.Length:N0} / structured {outcome.Structured.Length:N0} characters (cap {ResultCaps.MaxCharacters:N0})"));
        if (outcome.Refused && Strings(arguments).FirstOrDefault(s => EchoDetector.Echoes(s, outcome.Everything)) is { } echoed)
            findings.Add(new Finding(Problem.Echo, "", $"repeats over {ResultCaps.MaxEchoedCharacters} characters of a {echoed.Length:N0}-character argument; answer {outcome.Everything.Length:N0} characters: {outcome.Excerpt(160)}"));
        if (ErrorText.IsContainedFailure(outcome.Text))
            findings.Add(new Finding(Problem.Unexpected, "", outcome.Excerpt()));
        else if (ErrorText.RawError(outcome.Text) is { } raw)
            findings.Add(new Finding(Problem.RawError, "", $"'{raw}' in: {outcome.Excerpt()}"));
        if (sandbox.Leaks(outcome.Everything))
            findings.Add(new Finding(Problem.Leak, "", Around(outcome.Everything, sandbox)));
        return findings;
    }

    /// <summary>Every string inside a JSON value (keys included), longest first.</summary>
    public static IEnumerable<string> Strings(JsonNode? node)
    {
        var found = new List<string>();
        Collect(node, found, 0);
        return found.Where(s => s.Length > ResultCaps.MaxEchoedCharacters).OrderByDescending(s => s.Length);
    }

    private static void Collect(JsonNode? node, List<string> found, int depth)
    {
        if (depth > 200)
            return;
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    found.Add(key);
                    Collect(value, found, depth + 1);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                    Collect(item, found, depth + 1);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                found.Add(s);
                break;
        }
    }

    private static string Around(string text, SandboxFolders sandbox)
    {
        var at = text.IndexOf(sandbox.Canary, StringComparison.Ordinal);
        if (at < 0)
            at = text.IndexOf("root:x:0:0:", StringComparison.Ordinal);
        var start = Math.Max(0, at - 80);
        return "…" + text.Substring(start, Math.Min(200, text.Length - start)).ReplaceLineEndings(" ") + "…";
    }
}
