using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

/// <summary>data_export on a server without the workbench group: the export gate is Core's fallback, which allows
/// when the workspace configures no gate and refuses (fails closed) when it does.</summary>
public sealed class ExportGateTests : DataServerTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LoadAsync(WriteFile("sales.csv", "region,amount\nN,10\nS,20\n"));
    }

    [Fact]
    public async Task Export_Proceeds_WhenNoGateIsConfigured()
    {
        var path = Path.Combine(DataRoot, "out.csv");
        (await CallOkAsync("data_export", new { path, table = "sales" })).Structured().GetProperty("rows").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task Export_IsRefusedAndWritesNothing_WhenTheWorkspaceGatesActionsButNoWorkbenchCanEvaluateThem()
    {
        File.WriteAllText(Path.Combine(WorkspaceRoot, "workbench.json"), """{ "gatedActions": ["export"] }""");
        var path = Path.Combine(DataRoot, "out.csv");

        var result = await CallAsync("data_export", new { path, table = "sales", run_id = "run-20261123-101500-ab12cd" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("'export' refused").And.Contain("no workbench group").And.Contain("remove workbench.json");
        File.Exists(path).Should().BeFalse();
    }
}
