using System.Text.Json;
using McpFlow.Core.Configuration;
using McpFlow.Server.Cli;

namespace McpFlow.Server.Tests.Cli;

/// <summary>Team mode's shared database comes from <c>MCPFLOW_TEAM_DATABASE</c> only and is never serialized.</summary>
public sealed class TeamOptionsTests
{
    private static McpFlowOptions Load(Dictionary<string, string?> env)
    {
        var cli = new CommandLineDefinition();
        var parsed = cli.Build().Parse([]);
        return OptionsLoader.Load(parsed, cli, env);
    }

    [Fact]
    public void Default_IsSingleUser()
    {
        var options = Load([]);

        options.Team.Enabled.Should().BeFalse();
        options.Team.Database.Should().BeNull();
    }

    [Fact]
    public void Database_ComesFromTheEnvironment_AndIsNeverSerialized()
    {
        var options = Load(new() { [TeamOptions.DatabaseVariable] = "Host=db;Database=mcpflow;Username=team;Password=s3cret-team" });

        options.Team.Enabled.Should().BeTrue();
        options.Team.Database.Should().Contain("Database=mcpflow");
        JsonSerializer.Serialize(options).Should().NotContain("s3cret-team").And.NotContain("Host=db");
    }
}
