using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Configuration;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Mcp;

/// <summary>Cuts a tool result to a character cap: text blocks together, and the serialized structured content.</summary>
public static class ResultCap
{
    /// <summary>Characters a result part may have beyond <see cref="SqlOptions.MaxCharacters"/>: tools fill a page up to that
    /// cap with data and add a footer or metadata (column list, offsets, run links) around it; the backstop must not cut
    /// those. 10 000 characters is about 2,500 tokens.</summary>
    public const int Headroom = 10_000;

    /// <summary>The backstop's cap for each part of a result (text, structured content): the configured page cap plus
    /// <see cref="Headroom"/>; 70 000 characters by default.</summary>
    public static int For(SqlOptions sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return sql.MaxCharacters + Headroom;
    }

    // Top-level fields listed in the summary of cut structured content (enough to see what was big).
    private const int MaxFieldsListed = 40;

    /// <summary>
    /// Cuts <paramref name="result"/> in place to <paramref name="cap"/> characters of text and of structured content.
    /// Returns the original sizes of the parts that were cut (null for parts within the cap).
    /// </summary>
    public static (int? Text, int? Structured) Apply(CallToolResult result, string tool, int cap)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (CutText(result, tool, cap), CutStructured(result, tool, cap));
    }

    /// <summary>What replaces structured content longer than the cap: that it was cut, its size, the sizes of its
    /// top-level fields, and how to ask for less.</summary>
    public static JsonElement Summary(JsonElement structured, string tool, int cap)
    {
        var fields = new JsonObject();
        if (structured.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in structured.EnumerateObject().Take(MaxFieldsListed))
                fields[property.Name.Length > 100 ? property.Name[..100] + "…" : property.Name] = property.Value.GetRawText().Length;
        }

        var summary = new JsonObject
        {
            ["truncated"] = true,
            ["reason"] = $"The structured result of {tool} was {structured.GetRawText().Length:N0} characters, over this server's cap of {cap:N0} characters per result, so it was left out.",
            ["howToPage"] = "Ask for less: use the tool's paging or limits (offset, limit, max_rows, top_runs, page_token), select fewer columns or rows, or narrow the arguments. The text content holds the readable part.",
            ["capCharacters"] = cap,
            ["originalCharacters"] = structured.GetRawText().Length,
            ["fieldCharacters"] = fields,
        };
        return JsonSerializer.SerializeToElement(summary);
    }

    private static int? CutText(CallToolResult result, string tool, int cap)
    {
        var blocks = result.Content.OfType<TextContentBlock>().ToList();
        var total = blocks.Sum(b => (long)b.Text.Length);
        if (total <= cap)
            return null;
        var note = $"\n\n[Cut: the text of {tool}'s result was {total:N0} characters, over this server's cap of {cap:N0}. " +
                   "Ask for less: page with offset/limit/max_rows, or narrow the arguments.]";
        var budget = Math.Max(0, cap - note.Length);
        var noted = false;
        var kept = new List<ContentBlock>(result.Content.Count);
        foreach (var block in result.Content)
        {
            if (block is not TextContentBlock text || text.Text.Length <= budget)
            {
                budget -= (block as TextContentBlock)?.Text.Length ?? 0;
                kept.Add(block);
                continue;
            }

            if (!noted)
            {
                var keep = budget > 0 && char.IsHighSurrogate(text.Text[budget - 1]) ? budget - 1 : budget;
                text.Text = text.Text[..keep] + note;
                kept.Add(text);
                noted = true;
            }

            budget = 0;
        }

        result.Content = kept;
        return (int)Math.Min(total, int.MaxValue);
    }

    private static int? CutStructured(CallToolResult result, string tool, int cap)
    {
        if (result.StructuredContent is not { } structured)
            return null;
        // UTF-8 bytes are at least as many as characters: most results are measured without copying them.
        if (JsonMarshal.GetRawUtf8Value(structured).Length <= cap)
            return null;
        var length = structured.GetRawText().Length;
        if (length <= cap)
            return null;
        result.StructuredContent = Summary(structured, tool, cap);
        return length;
    }
}
