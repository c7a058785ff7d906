using McpFlow.Server.Tests.Support;

namespace McpFlow.Server.Tests.EndToEnd;

public sealed class CommandLineEndToEndTests
{
    [Fact]
    public async Task Help_ExplainsOptionsAndExitsZero()
    {
        var (code, stdout, _) = await ServerProcess.RunToExitAsync(["--help"]);
        code.Should().Be(0);
        stdout.Should().Contain("--workspace").And.Contain("--allow-root").And.Contain("--read-only")
            .And.Contain("--http").And.Contain("MCPFLOW_HTTP_TOKEN").And.Contain("MLFLOW_TRACKING_URI");
    }

    [Fact]
    public async Task UnknownOption_FailsWithMessageAndExitCode2()
    {
        var (code, stdout, stderr) = await ServerProcess.RunToExitAsync(["--wrokspace", "x"]);
        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("--wrokspace").And.Contain("mcpflow --help");
    }

    [Fact]
    public async Task InvalidValues_AreAllReported_WithExitCode2()
    {
        var (code, _, stderr) = await ServerProcess.RunToExitAsync(["--groups", "data,quantum", "--sql-timeout", "0", "--allow-root", "/no/such/folder"]);
        code.Should().Be(2);
        stderr.Should().Contain("group 'quantum' is unknown").And.Contain("sql timeout 0s").And.Contain("/no/such/folder");
    }

    [Fact]
    public async Task HttpOnNonLoopback_WithoutToken_RefusesToStart()
    {
        var (code, _, stderr) = await ServerProcess.RunToExitAsync(["--http", "--urls", "http://0.0.0.0:3999"]);
        code.Should().Be(2);
        stderr.Should().Contain("MCPFLOW_HTTP_TOKEN");
    }

    [Fact]
    public async Task ListGroups_PrintsEveryGroup()
    {
        var (code, stdout, _) = await ServerProcess.RunToExitAsync(["--list-groups"]);
        code.Should().Be(0);
        stdout.Should().Contain("data").And.Contain("experiments").And.Contain("physics").And.Contain("pipelines").And.Contain("workbench");
    }
}
