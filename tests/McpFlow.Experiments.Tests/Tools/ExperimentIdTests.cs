using McpFlow.Core.Errors;
using McpFlow.Core.Workspace;
using McpFlow.Experiments.Suggestions;
using McpFlow.Testing;
using ModelContextProtocol;

namespace McpFlow.Experiments.Tests.Tools;

/// <summary>Every parameter that takes an MLflow run id or a suggestion id refuses anything but the id's shape.</summary>
public sealed class ExperimentIdTests : ExperimentsToolTestBase
{
    public static readonly TheoryData<string> Hostile = new()
    {
        "../../etc/passwd",
        "/etc",
        "0/../../x",
        new string('f', 1 << 20),
    };

    private static string Shown(string id) => id.Length <= 40 ? $"'{id}'" : $"'{id[..40]}…' ({id.Length} characters)";

    private async Task ExpectRefusal(string tool, object arguments, string expected)
    {
        var result = await CallAsync(tool, arguments);
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain(expected);
        result.Text().Length.Should().BeLessThan(1000);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task EveryRunIdAndSuggestionIdParameter_RefusesAnythingButAnId(string id)
    {
        var run = "0123456789abcdef0123456789abcdef";
        await ExpectRefusal("mlflow_get_run", new { run_id = id }, $"run_id {Shown(id)} is not a MLflow run id");
        await ExpectRefusal("explain_run_difference", new { run_a = id, run_b = run, metric = "loss" }, $"run_a {Shown(id)} is not a MLflow run id");
        await ExpectRefusal("explain_run_difference", new { run_a = run, run_b = id, metric = "loss" }, $"run_b {Shown(id)} is not a MLflow run id");
        await ExpectRefusal("mlflow_log_run", new { experiment = "e", run_name = "r", suggestion_id = id }, $"suggestion_id {Shown(id)} is not a suggestion id");
        var resource = async () => await Client.ReadResourceAsync("mlflow://runs/" + Uri.EscapeDataString(id.Length > 100 ? id[..100] : id));
        (await resource.Should().ThrowAsync<McpException>()).Which.Message.Should().Contain("is not a MLflow run id");
    }

    [Fact]
    public void SuggestionStore_RefusesAPathAsId_WhenReadingAndWriting()
    {
        var store = new FileSuggestionStore(new McpFlowWorkspace(Path.Combine(TempRoot, "ws2")));
        var read = () => store.Get("../../../etc/passwd");
        read.Should().Throw<McpFlowException>().WithMessage("suggestion_id '../../../etc/passwd' is not a suggestion id*");
        var write = () => store.Save(new Core.Tracking.HyperparameterSuggestion("../escape", "e", "m", true, new Dictionary<string, string>(), null, null, null, "x", DateTimeOffset.UnixEpoch));
        write.Should().Throw<McpFlowException>();
        File.Exists(Path.Combine(TempRoot, "ws2", "escape.json")).Should().BeFalse();
    }
}
