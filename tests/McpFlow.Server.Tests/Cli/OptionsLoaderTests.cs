using McpFlow.Server.Cli;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Cli;

public sealed class OptionsLoaderTests : IDisposable
{
    private readonly string _temp = TempFolder.Create("opts");

    public void Dispose() => TempFolder.TryDelete(_temp);

    private static McpFlow.Core.Configuration.McpFlowOptions Load(string[] args, Dictionary<string, string?>? env = null)
    {
        var cli = new CommandLineDefinition();
        var parsed = cli.Build().Parse(args);
        parsed.Errors.Should().BeEmpty();
        return OptionsLoader.Load(parsed, cli, env ?? []);
    }

    [Fact]
    public void CommandLine_OverridesEnvironment_WhichOverridesConfigFile()
    {
        var config = Path.Combine(_temp, "cfg.json");
        File.WriteAllText(config, """{ "workspacePath": "/tmp/from-file", "sql": { "timeoutSeconds": 11, "maxRows": 7 }, "readOnly": true }""");
        var env = new Dictionary<string, string?> { ["MCPFLOW_SQL_TIMEOUT"] = "12", ["MCPFLOW_WORKSPACE"] = "/tmp/from-env" };

        var options = Load(["--config", config, "--workspace", "/tmp/from-cli"], env);

        options.WorkspacePath.Should().Be("/tmp/from-cli");
        options.Sql.TimeoutSeconds.Should().Be(12);
        options.Sql.MaxRows.Should().Be(7);
        options.ReadOnly.Should().BeTrue();
    }

    [Fact]
    public void Groups_AcceptCommaSeparatedAndRepeatedValues()
    {
        Load(["--groups", "data,physics", "--groups", "Workbench"]).Groups.Should().Equal("data", "physics", "workbench");
    }

    [Fact]
    public void MlflowTrackingUri_ComesFromMlflowsOwnVariable()
    {
        Load([], new() { ["MLFLOW_TRACKING_URI"] = "http://127.0.0.1:5000" }).MlflowTrackingUri.Should().Be("http://127.0.0.1:5000");
    }

    [Fact]
    public void BadEnvironmentValues_AreAllReported()
    {
        var act = () => Load([], new() { ["MCPFLOW_READ_ONLY"] = "maybe", ["MCPFLOW_SQL_TIMEOUT"] = "soon" });
        act.Should().Throw<OptionsException>().Which.Errors.Should().HaveCount(2);
    }

    [Fact]
    public void MissingConfigFile_IsReported()
    {
        var act = () => Load(["--config", Path.Combine(_temp, "nope.json")]);
        act.Should().Throw<OptionsException>().Which.Errors.Single().Should().Contain("nope.json").And.Contain("does not exist");
    }

    [Fact]
    public void MalformedConfigFile_IsReported()
    {
        var config = Path.Combine(_temp, "bad.json");
        File.WriteAllText(config, "{ workspacePath: ");
        var act = () => Load(["--config", config]);
        act.Should().Throw<OptionsException>().Which.Errors.Single().Should().Contain("is not valid");
    }
}
