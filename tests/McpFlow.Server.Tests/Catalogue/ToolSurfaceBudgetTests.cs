using System.Text.Json;
using McpFlow.Core.Groups;
using McpFlow.Testing;
using Microsoft.ML.Tokenizers;
using Xunit.Abstractions;

namespace McpFlow.Server.Tests.Catalogue;

/// <summary>
/// What tools/list with every group costs a client's context. Measured two ways: characters / 4 of the serialized
/// tools/list result (the usual estimate), and tokens of o200k_base (GPT-4o's tokenizer, Microsoft.ML.Tokenizers with
/// its served data package). Issue 12 sets the target at 8,000 tokens; the surface is not there yet (about 14,300 by
/// characters / 4 after the schema changes), so this test is a ratchet: it fails when the surface grows past
/// <see cref="CeilingTokens"/>, which is lowered as descriptions shrink until it reaches the target.
/// </summary>
public sealed class ToolSurfaceBudgetTests(ITestOutputHelper output) : McpServerTestBase(output)
{
    /// <summary>Issue 12's budget for tools/list with all groups, in tokens.</summary>
    public const int TargetTokens = 8_000;

    /// <summary>The ceiling in force today (characters / 4), a little above the measured 15,202 (14,397 before six
    /// tools declared output schemas: about 850 o200k_base tokens); lower it as descriptions move to docs, down to
    /// <see cref="TargetTokens"/>.</summary>
    public const int CeilingTokens = 15_400;

    // As a client receives it: camelCase, nulls left out, non-ASCII text unescaped.
    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ITestOutputHelper _output = output;

    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    [Fact]
    public async Task ToolsList_WithAllGroups_StaysUnderTheCeiling()
    {
        var tools = await Client.ListToolsAsync();
        var json = JsonSerializer.Serialize(new { tools = tools.Select(t => t.ProtocolTool) }, Compact);
        var estimate = json.Length / 4;
        var o200k = TiktokenTokenizer.CreateForEncoding("o200k_base").CountTokens(json);
        _output.WriteLine($"tools/list, {tools.Count} tools: {json.Length} characters, ~{estimate} tokens (characters / 4), {o200k} o200k_base tokens; target {TargetTokens}.");
        var outputs = tools.Where(t => t.ProtocolTool.OutputSchema is not null).ToList();
        var outputJson = string.Concat(outputs.Select(t => JsonSerializer.Serialize(t.ProtocolTool.OutputSchema, Compact)));
        _output.WriteLine($"of which {outputs.Count} output schemas: {outputJson.Length} characters, {TiktokenTokenizer.CreateForEncoding("o200k_base").CountTokens(outputJson)} o200k_base tokens.");

        estimate.Should().BeLessThanOrEqualTo(CeilingTokens, "tools/list must not grow (issue 12: the target is {0} tokens)", TargetTokens);
        o200k.Should().BeLessThanOrEqualTo(CeilingTokens);
    }
}
