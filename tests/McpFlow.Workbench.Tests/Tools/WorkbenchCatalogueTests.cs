using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

public sealed class WorkbenchCatalogueTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task EveryWorkbenchTool_HasAllAnnotations_AndEveryParameterADescriptionWithAnExample()
    {
        var tools = (await Client.ListToolsAsync()).Where(t => t.Name.StartsWith("workbench_", StringComparison.Ordinal)).ToList();
        tools.Select(t => t.Name).Should().BeEquivalentTo(["workbench_record_run", "workbench_list_runs", "workbench_run_card", "workbench_review",
            "workbench_request_approval", "workbench_decide", "workbench_compare", "workbench_report", "workbench_audit"]);
        foreach (var tool in tools)
        {
            tool.ProtocolTool.Annotations.Should().NotBeNull(tool.Name);
            tool.Description.Should().NotBeNullOrWhiteSpace();
            foreach (var property in tool.JsonSchema.GetProperty("properties").EnumerateObject())
                property.Value.GetProperty("description").GetString().Should().Contain("e.g.", $"{tool.Name}.{property.Name} gives an example");
        }

        DeclaredToolHints.Undecided([typeof(McpFlow.Workbench.WorkbenchToolGroup).Assembly]).Should().BeEmpty();
    }
}
