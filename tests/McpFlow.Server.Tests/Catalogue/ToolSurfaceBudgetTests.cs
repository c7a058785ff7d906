using System.Text.Json;
using McpFlow.Core.Groups;
using McpFlow.Testing;
using Microsoft.ML.Tokenizers;
using Xunit.Abstractions;

namespace McpFlow.Server.Tests.Catalogue;

/// <summary>
/// What tools/list with every group costs a client's context, against issue 12's budget of <see cref="CeilingTokens"/>
/// tokens. Measured two ways, both must stay within it: characters / 4 of the serialized tools/list result (the usual
/// estimate), and tokens of o200k_base (GPT-4o's tokenizer, Microsoft.ML.Tokenizers with its served data package).
/// Descriptions stay short (what the tool does, when to use it, safety facts); the detail lives in the tool's
/// page, the resource <c>mcpflow://docs/tools/{name}</c> (docs/tools/&lt;name&gt;.md, named in the
/// server instructions). The test output lists the largest tools, to show where to cut when a new tool does not fit.
/// </summary>
public sealed class ToolSurfaceBudgetTests(ITestOutputHelper output) : McpServerTestBase(output)
{
    /// <summary>Issue 12's budget for tools/list with all groups, in tokens.</summary>
    public const int TargetTokens = 8_000;

    /// <summary>The ceiling in force: issue 12's budget. Descriptions, parameter descriptions, titles, hints, input and
    /// output schemas of every tool count (7,949 o200k_base tokens with 50 tools, the two output schemas about 125 of them).
    /// A new tool has to fit: shorten, or move detail to its page.</summary>
    public const int CeilingTokens = TargetTokens;

    /// <summary>Tools listed in the per-tool breakdown of the test output.</summary>
    private const int LargestShown = 10;

    // As a client receives it: camelCase, nulls left out, non-ASCII text unescaped.
    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ITestOutputHelper _output = output;

    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    [Fact]
    public async Task ToolsList_WithAllGroups_StaysWithinTheBudget()
    {
        var tools = await Client.ListToolsAsync();
        var json = JsonSerializer.Serialize(new { tools = tools.Select(t => t.ProtocolTool) }, Compact);
        var tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");
        var estimate = json.Length / 4;
        var o200k = tokenizer.CountTokens(json);
        _output.WriteLine($"tools/list, {tools.Count} tools: {json.Length} characters, ~{estimate} tokens (characters / 4), {o200k} o200k_base tokens; budget {CeilingTokens}.");
        _output.WriteLine($"Largest {LargestShown} tools (o200k_base tokens, characters / 4; description, input schema, output schema in characters):");
        foreach (var tool in tools.Select(t => t.ProtocolTool).Select(t => Measure(t, tokenizer)).OrderByDescending(m => m.Tokens).Take(LargestShown))
            _output.WriteLine($"  {tool.Name,-28} {tool.Tokens,5} {tool.Characters / 4,5}   description {tool.Description,5}, input {tool.Input,5}, output {tool.Output,5}");
        var outputs = tools.Where(t => t.ProtocolTool.OutputSchema is not null).ToList();
        var outputJson = string.Concat(outputs.Select(t => JsonSerializer.Serialize(t.ProtocolTool.OutputSchema, Compact)));
        _output.WriteLine($"of which {outputs.Count} output schemas: {outputJson.Length} characters, {tokenizer.CountTokens(outputJson)} o200k_base tokens.");

        estimate.Should().BeLessThanOrEqualTo(CeilingTokens, "issue 12 budgets tools/list at {0} tokens; move detail to docs/tools/<name>.md", TargetTokens);
        o200k.Should().BeLessThanOrEqualTo(CeilingTokens, "issue 12 budgets tools/list at {0} tokens; move detail to docs/tools/<name>.md", TargetTokens);
    }

    private static ToolSize Measure(ModelContextProtocol.Protocol.Tool tool, Tokenizer tokenizer)
    {
        var json = JsonSerializer.Serialize(tool, Compact);
        return new ToolSize(tool.Name, tokenizer.CountTokens(json), json.Length, tool.Description?.Length ?? 0,
            tool.InputSchema.GetRawText().Length, tool.OutputSchema?.GetRawText().Length ?? 0);
    }

    private sealed record ToolSize(string Name, int Tokens, int Characters, int Description, int Input, int Output);
}
