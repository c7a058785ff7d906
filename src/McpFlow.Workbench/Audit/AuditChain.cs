using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Workbench.Hashing;

namespace McpFlow.Workbench.Audit;

/// <summary>The checks of one trail line: its own hash (the SHA-256 of its JSON without <c>hash</c>), its position
/// (<c>seq</c>) and its link to the entry before it (<c>prevHash</c>).</summary>
public static class AuditChain
{
    /// <summary>What is wrong with line number <paramref name="line"/> given the hash of the line before it, or null
    /// when it is intact; <paramref name="hash"/> is the line's recorded hash when it has one.</summary>
    public static string? Check(string text, long line, string previous, out string? hash) => Check(text, line, previous, out _, out hash);

    /// <summary>As <see cref="Check(string, long, string, out string?)"/>, also giving the parsed entry (without its hash) when it parses.</summary>
    public static string? Check(string text, long line, string previous, out JsonObject? node, out string? hash)
    {
        var problem = CheckSelf(text, line, out node, out hash);
        if (problem is not null)
            return problem;
        if (node!["seq"]?.GetValue<long>() != line)
            return $"entry {line} has seq {node["seq"]}; an entry was removed, inserted or reordered";
        if (node["prevHash"]?.GetValue<string>() != previous)
            return $"entry {line} does not link to the previous entry (prevHash differs); an entry before it was changed or removed";
        return null;
    }

    /// <summary>What is wrong with a line taken on its own (not JSON, no hash, a hash that does not match its
    /// content), or null; <paramref name="node"/> is the parsed entry without its hash.</summary>
    public static string? CheckSelf(string text, long line, out JsonObject? node, out string? hash)
    {
        hash = null;
        node = null;
        try
        {
            node = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return $"line {line} is not valid JSON";
        }

        if (node is null)
            return $"line {line} is not a JSON object";
        try
        {
            hash = node["hash"]?.GetValue<string>();
            _ = node["seq"]?.GetValue<long>();
            _ = node["prevHash"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            return $"entry {line} has a hash, seq or prevHash of the wrong type";
        }

        node.Remove("hash");
        if (hash is null)
            return $"entry {line} has no hash";
        var actual = ContentHasher.HashText(node.ToJsonString());
        return actual == hash
            ? null
            : $"entry {line} was modified after it was written (its content hash is {actual[..12]}…, recorded {hash[..Math.Min(12, hash.Length)]}…)";
    }

    /// <summary>True when <paramref name="text"/> is no JSON at all: what an interrupted append leaves as the last line.</summary>
    public static bool IsTorn(string text)
    {
        try
        {
            return JsonNode.Parse(text) is not JsonObject;
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
