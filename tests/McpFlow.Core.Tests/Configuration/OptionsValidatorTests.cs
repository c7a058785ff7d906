using McpFlow.Core.Configuration;

namespace McpFlow.Core.Tests.Configuration;

public sealed class OptionsValidatorTests
{
    private static readonly string[] Groups = ["core", "data", "physics"];

    [Fact]
    public void Validate_AcceptsDefaults()
    {
        OptionsValidator.Validate(new McpFlowOptions(), Groups).Should().BeEmpty();
    }

    [Fact]
    public void Validate_ReportsEveryProblemTogether()
    {
        var options = new McpFlowOptions
        {
            AllowedRoots = ["/definitely/not/here"],
            Groups = ["data", "quantum"],
            Sql = new SqlOptions { TimeoutSeconds = 0, MaxRows = 0 },
            Jobs = new JobOptions { WaitSeconds = 55 },
            Physics = new PhysicsOptions { Device = "tpu" },
        };

        var errors = OptionsValidator.Validate(options, Groups);

        errors.Should().HaveCount(6);
        errors.Should().Contain(e => e.Contains("/definitely/not/here"));
        errors.Should().Contain(e => e.Contains("quantum") && e.Contains("core, data, physics"));
        errors.Should().Contain(e => e.Contains("job wait 55s"));
        errors.Should().Contain(e => e.Contains("'tpu'"));
    }

    [Fact]
    public void EffectiveAllowedRoots_AddsWorkspace_AndDefaultsToCurrentFolder()
    {
        var options = new McpFlowOptions { WorkspacePath = "/tmp/ws" };
        options.EffectiveAllowedRoots().Should().Equal(Environment.CurrentDirectory.TrimEnd('/'), "/tmp/ws");
    }
}
