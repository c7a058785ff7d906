using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Mcp;

/// <summary>
/// The budget every tool result is designed to fit, text and structured content together: at most
/// <see cref="MaxCharacters"/> characters, about <see cref="MaxTokens"/> tokens. Clients that show the model only the
/// structured content (Claude Code, Codex, opencode) cut results at about 25,000 tokens by default. Each tool meets
/// the budget by design (paging, summaries with the full data in a resource or workspace file the result links to);
/// <see cref="ResultCapFilter"/> is the backstop. docs/style.md describes the rule.
/// </summary>
public static class ResultBudget
{
    /// <summary>Characters a whole result may take: its text blocks plus its serialized structured content.</summary>
    public const int MaxCharacters = 60_000;

    /// <summary>Characters per token assumed: 3. English prose is about 4 per token; numbers, JSON keys and
    /// punctuation tokenise denser, so 3 keeps the estimate on the safe side.</summary>
    public const int CharactersPerToken = 3;

    /// <summary>Tokens a whole result may take: <see cref="MaxCharacters"/> / <see cref="CharactersPerToken"/>.</summary>
    public const int MaxTokens = MaxCharacters / CharactersPerToken;

    /// <summary>Characters of a result counted against the budget: text blocks and serialized structured content
    /// (images and links are not counted).</summary>
    public static int Characters(CallToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Content.OfType<TextContentBlock>().Sum(b => (long)b.Text.Length);
        var structured = result.StructuredContent is { } s ? s.GetRawText().Length : 0;
        return (int)Math.Min(int.MaxValue, text + structured);
    }

    /// <summary>Estimated tokens of a result: <see cref="Characters"/> / <see cref="CharactersPerToken"/>, rounded up.</summary>
    public static int EstimatedTokens(CallToolResult result) => (Characters(result) + CharactersPerToken - 1) / CharactersPerToken;
}
