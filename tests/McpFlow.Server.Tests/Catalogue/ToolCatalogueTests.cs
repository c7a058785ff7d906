using System.Text.Json;
using System.Text.RegularExpressions;
using McpFlow.Core.Groups;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Catalogue;

/// <summary>Checks every tool of every group as a product surface, and that README's catalogue is current.</summary>
public sealed partial class ToolCatalogueTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [Fact]
    public async Task EveryTool_HasSnakeCaseUniqueName_Description_DescribedParameters_AndAnnotations()
    {
        var tools = await Client.ListToolsAsync();
        var problems = new List<string>();
        foreach (var tool in tools)
        {
            var t = tool.ProtocolTool;
            if (!SnakeCase().IsMatch(t.Name)) problems.Add($"{t.Name}: name is not snake_case");
            if (string.IsNullOrWhiteSpace(t.Description) || t.Description.Length < 40) problems.Add($"{t.Name}: description missing or shorter than 40 characters");
            if (string.IsNullOrWhiteSpace(t.Title) && string.IsNullOrWhiteSpace(t.Annotations?.Title)) problems.Add($"{t.Name}: no title");
            // On the wire only hints that differ from the specification's defaults (ToolHints).
            var a = t.Annotations;
            if (a?.ReadOnlyHint == false || a?.DestructiveHint == true || a?.IdempotentHint == false || a?.OpenWorldHint == true)
                problems.Add($"{t.Name}: a hint states the specification's default");
            if (a?.ReadOnlyHint == true && (a.DestructiveHint is not null || a.IdempotentHint is not null))
                problems.Add($"{t.Name}: a read-only tool sends write hints");
            if (t.InputSchema.TryGetProperty("properties", out var properties))
            {
                foreach (var p in properties.EnumerateObject())
                {
                    if (!SnakeCase().IsMatch(p.Name)) problems.Add($"{t.Name}.{p.Name}: parameter name is not snake_case");
                    if (!p.Value.TryGetProperty("description", out var d) || d.GetString() is not { Length: > 10 } text)
                        problems.Add($"{t.Name}.{p.Name}: parameter has no description");
                    else if (!text.Contains("e.g.", StringComparison.Ordinal) && !text.Contains("example", StringComparison.OrdinalIgnoreCase))
                        problems.Add($"{t.Name}.{p.Name}: parameter description gives no example (\"e.g. …\")");
                }
            }
        }

        tools.Select(t => t.Name).Should().OnlyHaveUniqueItems();
        problems.Should().BeEmpty();
    }

    [Fact]
    public void EveryToolMethod_DecidesAllFourHints_InItsAttribute()
    {
        var assemblies = ToolGroups.All().Select(g => g.GetType().Assembly).Append(typeof(McpFlow.Core.Mcp.ToolHints).Assembly);

        DeclaredToolHints.Undecided(assemblies).Should().BeEmpty();
    }

    [Fact]
    public async Task Readme_ToolCatalogue_MatchesTheServer()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));
        var begin = readme.IndexOf(McpFlow.Walkthrough.Catalogue.Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(McpFlow.Walkthrough.Catalogue.End, StringComparison.Ordinal);
        begin.Should().BeGreaterThan(0, "README.md must contain the catalogue markers");
        var documented = readme[(begin + McpFlow.Walkthrough.Catalogue.Begin.Length)..end].Trim();

        var expected = McpFlow.Walkthrough.Catalogue.Markdown(await Client.ListToolsAsync());

        documented.Should().Be(expected, "regenerate it with: dotnet run --project tools/McpFlow.Walkthrough -- --catalogue");
    }

    [Theory]
    [InlineData("mcp.json", "servers")]
    [InlineData("mcp.json", "mcpServers")]
    [InlineData(".vscode/mcp.json", "servers")]
    public void McpJson_InRepository_LaunchesTheInstalledServer_NotDotnetRun(string file, string key)
    {
        // The walkthrough (README's first command) installs the server there (ServerInstall); `dotnet run` would cost
        // an msbuild check on every client start.
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)));
        var server = doc.RootElement.GetProperty(key).GetProperty("mcpflow");
        server.GetProperty("command").GetString().Should().Be("dotnet");
        var args = server.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        args[0].Should().EndWith(McpFlow.Walkthrough.ServerInstall.EntryPoint);
        args.Should().NotContain("run").And.Contain("--workspace");
    }
}
