using McpFlow.Core.Docs;

namespace McpFlow.Core.Tests.Docs;

public sealed class ToolPagesTests
{
    [Fact]
    public void Pages_AreEmbeddedByToolName_WithTheirMarkdown()
    {
        var pages = new ToolPages();

        pages.Names.Should().Contain(["server_info", "job_status", "data_query", "pinn_train", "workbench_audit"]);
        pages.Find("job_status").Should().StartWith("# job_status\n").And.Contain("| `wait_seconds` |");
    }

    [Fact]
    public void Find_ReturnsNull_ForANameWithoutAPage()
    {
        var pages = new ToolPages();

        pages.Find("no_such_tool").Should().BeNull();
        pages.Find("../README").Should().BeNull();
    }
}
