using McpFlow.Testing;

namespace McpFlow.Physics.Tests.Tools;

/// <summary>Issue 11, "ids are ids": every physics tool and resource that takes a run id refuses anything that is not
/// shaped like a PINN run id or a job id, names the parameter and never echoes a long argument back.</summary>
public sealed class PhysicsRunIdTests : PhysicsServerTestBase
{
    private const int ShortMessage = 400; // the refusal quotes at most 40 characters of the id (WorkspaceIds.Require)

    public static TheoryData<string, string> Calls()
    {
        var data = new TheoryData<string, string>();
        foreach (var tool in new[] { "pinn_status", "pinn_evaluate", "validate_solution", "predict_convergence" })
            foreach (var id in new[] { "absolute", "../x", "huge" })
                data.Add(tool, id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Tool_RefusesARunIdThatIsNotAnId(string tool, string kind)
    {
        var id = Id(kind);
        var result = await CallAsync(tool, tool switch
        {
            "pinn_evaluate" => new { run_id = id, points = new[] { new[] { 0.5, 0.5 } } },
            "predict_convergence" => (object)new { run_id = id, target_loss = 0.01 },
            _ => new { run_id = id },
        });

        result.IsError.Should().BeTrue();
        var text = result.Text();
        text.Should().Contain("run_id").And.Contain("is not a PINN run id");
        text.Length.Should().BeLessThan(ShortMessage);
        text.Should().NotContain("secret");
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("../x")]
    [InlineData("huge")]
    public async Task RunResource_RefusesARunIdThatIsNotAnId(string kind)
    {
        var act = async () => await Client.ReadResourceAsync("physics://runs/" + Uri.EscapeDataString(Id(kind)));

        var error = (await act.Should().ThrowAsync<Exception>()).Which;
        error.Message.Should().Contain("run_id");
        error.Message.Length.Should().BeLessThan(ShortMessage);
    }

    [Fact]
    public async Task Tool_RefusesAMalformedJobId()
    {
        var result = await CallAsync("pinn_status", new { run_id = "job-../../etc" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("run_id").And.Contain("is not a job id");
    }

    [Fact]
    public async Task Tool_ReportsAWellFormedIdThatDoesNotExist()
    {
        var result = await CallAsync("pinn_status", new { run_id = "pinn-20260101-000000-abcd" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("No physics run 'pinn-20260101-000000-abcd' in this workspace");
    }

    // An absolute path to a folder outside the workspace that looks like a run folder (a run.json with a secret).
    private string Id(string kind) => kind switch
    {
        "absolute" => OutsideRun(),
        "huge" => new string('a', 1_000_000),
        _ => kind,
    };

    private string OutsideRun()
    {
        var folder = Path.Combine(DataRoot, "pinn-20260101-000000-abcd");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "run.json"), """{"id":"secret","folder":"/etc"}""");
        return folder;
    }
}
