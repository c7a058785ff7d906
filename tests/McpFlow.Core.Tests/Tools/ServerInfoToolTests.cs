using McpFlow.Testing;

namespace McpFlow.Core.Tests.Tools;

public sealed class ServerInfoToolTests : McpServerTestBase
{
    [Fact]
    public async Task ServerInfo_ReportsWorkspaceRootsAndDuckDbVersion()
    {
        var result = await CallOkAsync("server_info", new { probe_engines = true });

        var info = result.Structured();
        info.GetProperty("workspace").GetString().Should().Be(WorkspaceRoot);
        info.GetProperty("allowedRoots").EnumerateArray().Select(r => r.GetString()).Should().Contain([DataRoot, WorkspaceRoot]);
        var duck = info.GetProperty("engines").EnumerateArray().Single(e => e.GetProperty("engine").GetString() == "DuckDB");
        duck.GetProperty("available").GetBoolean().Should().BeTrue();
        duck.GetProperty("version").GetString().Should().StartWith("v1.");
        result.Text().Should().Contain("DuckDB: available v1.");
    }

    [Fact]
    public async Task ServerInfo_WithoutProbe_ListsNoEngines()
    {
        var result = await CallOkAsync("server_info", new { probe_engines = false });
        result.Structured().GetProperty("engines").GetArrayLength().Should().Be(0);
    }
}
