using McpFlow.Core.Docs;
using McpFlow.Core.Groups;
using McpFlow.Testing;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFlow.Server.Tests.Catalogue;

/// <summary>Every tool's documentation page (docs/tools/&lt;name&gt;.md), served as <c>mcpflow://docs/tools/{name}</c>.</summary>
public sealed class ToolDocsTests : McpServerTestBase
{
    private static readonly string DocsFolder = Path.Combine(RepositoryPaths.Root, "docs", "tools");

    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    [Fact]
    public async Task EveryTool_HasAPage_AndEveryPageBelongsToATool()
    {
        var tools = (await Client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var files = Directory.GetFiles(DocsFolder, "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();

        files.Should().Equal(tools, "each tool has docs/tools/<name>.md and each page names a tool (write the page when you add a tool)");
        new ToolPages().Names.Should().Equal(tools, "McpFlow.Core embeds every page of docs/tools");
    }

    [Fact]
    public async Task EveryPage_DocumentsEachParameterOfItsTool()
    {
        var problems = new List<string>();
        foreach (var tool in await Client.ListToolsAsync())
        {
            var page = await File.ReadAllTextAsync(Path.Combine(DocsFolder, tool.Name + ".md"));
            if (!page.StartsWith($"# {tool.Name}\n", StringComparison.Ordinal))
                problems.Add($"{tool.Name}: the page does not start with '# {tool.Name}'");
            if (tool.JsonSchema.TryGetProperty("properties", out var properties))
                problems.AddRange(properties.EnumerateObject().Where(p => !page.Contains($"| `{p.Name}` |", StringComparison.Ordinal))
                    .Select(p => $"{tool.Name}: parameter {p.Name} has no row in the page's parameter table"));
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadingAToolsPage_ReturnsTheMarkdownOfItsFile()
    {
        var result = await Client.ReadResourceAsync("mcpflow://docs/tools/data_query");

        var page = result.Contents.OfType<TextResourceContents>().Single();
        page.Uri.Should().Be("mcpflow://docs/tools/data_query");
        page.MimeType.Should().Be("text/markdown");
        page.Text.Should().Be(await File.ReadAllTextAsync(Path.Combine(DocsFolder, "data_query.md")));
        page.Text.Should().Contain("| `max_rows` |").And.Contain("1 to the configured cap (default 500)");
    }

    [Fact]
    public async Task ReadingAnUnknownToolsPage_NamesTheNearestTool_AndHowToFindNames()
    {
        Func<Task> act = async () => await Client.ReadResourceAsync("mcpflow://docs/tools/data_qery");

        var error = (await act.Should().ThrowAsync<McpException>()).Which;
        error.Message.Should().Contain("No tool named 'data_qery'").And.Contain("Did you mean 'data_query'?")
            .And.Contain("tools/list").And.Contain("mcpflow://docs/tools/{name}");
    }

    [Fact]
    public async Task TheTemplate_IsListedAsMarkdown()
    {
        var templates = await Client.ListResourceTemplatesAsync();

        templates.Should().ContainSingle(t => t.UriTemplate == "mcpflow://docs/tools/{name}").Which.MimeType.Should().Be("text/markdown");
    }

    [Fact]
    public async Task CompletingTheName_OffersTheMatchingTools()
    {
        var reference = new ResourceTemplateReference { Uri = "mcpflow://docs/tools/{name}" };

        var data = await Client.CompleteAsync(reference, "name", "data_");
        var all = await Client.CompleteAsync(reference, "name", "");

        data.Completion.Values.Should().Equal("data_apply_transformation", "data_describe_table", "data_export", "data_list_sources", "data_list_tables", "data_load", "data_load_source", "data_query");
        all.Completion.Total.Should().Be((await Client.ListToolsAsync()).Count);
    }
}
