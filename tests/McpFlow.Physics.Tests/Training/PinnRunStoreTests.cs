using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Tests.Specs;
using McpFlow.Physics.Training;
using McpFlow.Testing;

namespace McpFlow.Physics.Tests.Training;

public sealed class PinnRunStoreTests : IDisposable
{
    private readonly string _root = TempFolder.Create("pinn-store");

    public void Dispose() => TempFolder.TryDelete(_root);

    [Fact]
    public void Get_UsesTheFolderTheRunWasFoundIn_NotTheOneItsRunJsonNames()
    {
        var workspace = new McpFlowWorkspace(_root);
        var created = new PinnRunStore(workspace, TimeProvider.System).Create(PdeSpecCompiler.Compile(PdeSpecCompilerTests.Poisson), new TrainingOptions());
        var file = Path.Combine(created.Folder, "run.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        json["folder"] = "/etc";
        json["id"] = "pinn-20000101-000000-0000";
        File.WriteAllText(file, json.ToJsonString());

        var loaded = new PinnRunStore(workspace, TimeProvider.System).Get(created.Id);

        loaded.Folder.Should().Be(created.Folder);
        loaded.Id.Should().Be(created.Id);
        loaded.State.Should().Be("interrupted"); // saved as running by a process that is gone
    }

    [Theory]
    [InlineData("/tmp")]
    [InlineData("..")]
    [InlineData("pinn-20260101-000000-abcd/../../x")]
    [InlineData("job-20260101-000000-abcdef/..")]
    [InlineData("")]
    [InlineData(null)]
    public void Get_RefusesAnythingThatIsNotARunOrJobId(string? id)
    {
        var store = new PinnRunStore(new McpFlowWorkspace(_root), TimeProvider.System);

        var act = () => store.Get(id, "run_id");

        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.InvalidInput && e.Message.StartsWith("run_id ", StringComparison.Ordinal));
    }
}
