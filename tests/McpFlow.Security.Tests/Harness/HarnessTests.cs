using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Checks;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Harness;

/// <summary>The harness's own detectors must work, or a clean summary would mean nothing: a killed server is reported as a
/// crash and replaced; a live one answers pings; the echo and raw-error detectors find what they must.</summary>
[Collection(SecurityCollection.Name)]
public sealed class HarnessTests
{
    [Fact]
    public async Task GuardedServer_ReportsAKilledProcessAsACrash_AndStartsANewOne()
    {
        using var sandbox = new SandboxFolders("harness");
        await using var server = new GuardedServer(new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd));
        var ping = await server.PingAsync();
        ping.Kind.Should().Be(OutcomeKind.Answered, ping.Text);
        var first = await server.InstanceAsync();

        await server.KillHardAsync();
        var outcome = await server.CallToolAsync("server_info", new JsonObject { ["probe_engines"] = false }, Deadlines.Call);

        first.IsAlive.Should().BeFalse();
        outcome.Kind.Should().Be(OutcomeKind.Answered, "the next call starts a new process on the same workspace");
        server.Starts.Should().Be(2);
        (await server.PingAsync()).Kind.Should().Be(OutcomeKind.Answered);
    }

    [Fact]
    public void EchoDetector_FindsARunOf201CharactersAndNotOf200()
    {
        var argument = Fuzz.HugeText.Make(1000, 1);
        EchoDetector.Echoes(argument, "error: '" + argument[300..501] + "'").Should().BeTrue();
        EchoDetector.Echoes(argument, "error: '" + argument[300..500] + "…'").Should().BeFalse();
    }

    [Theory]
    [InlineData("data_query failed unexpectedly (JsonException: The JSON value could not be converted)", true)]
    [InlineData("   at McpFlow.Data.Query.QueryRunner.Run(String sql)", true)]
    [InlineData("An error occurred.", true)]
    [InlineData("data_query: limit must be between 1 and 200; got -1.", false)]
    public void ErrorText_FindsExceptionNamesStackFramesAndBareMessages(string text, bool raw) =>
        (ErrorText.RawError(text) is not null).Should().Be(raw);

    [Fact]
    public void ErrorText_TellsAContainedFailureFromRawExceptionText()
    {
        ErrorText.IsContainedFailure("mlflow_search_runs failed: InvalidOperationException (log id 573dd0c4). The server is still running.").Should().BeTrue();
        ErrorText.IsContainedFailure("data_query failed unexpectedly (JsonException: The JSON value could not be converted)").Should().BeFalse();
    }
}
