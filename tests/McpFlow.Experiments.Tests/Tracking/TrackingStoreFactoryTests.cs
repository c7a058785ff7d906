using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Workspace;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.FileStore;
using McpFlow.Experiments.Tracking.Rest;
using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Tracking;

public sealed class TrackingStoreFactoryTests : IDisposable
{
    private readonly string _root = TempFolder.Create("factory");

    public void Dispose() => TempFolder.TryDelete(_root);

    [Fact]
    public void Create_PicksTheBackendFromTheUri()
    {
        Create(null).Should().BeOfType<FileTrackingStore>().Which.Root.Should().Be(Path.Combine(_root, "ws", "mlruns"));
        Create("http://mlflow.local:5000").Should().BeOfType<RestTrackingStore>().Which.Location.Should().Be("http://mlflow.local:5000");
        Create(Path.Combine(_root, "other")).Should().BeOfType<FileTrackingStore>().Which.Root.Should().Be(Path.Combine(_root, "other"));
    }

    [Fact]
    public void Create_RejectsFoldersOutsideTheRootsAndUnknownSchemes()
    {
        FluentActions.Invoking(() => Create("/etc/mlruns")).Should().Throw<McpFlowException>().Which.Kind.Should().Be(ErrorKind.Forbidden);
        FluentActions.Invoking(() => Create("postgresql://u:secret@db/mlflow")).Should().Throw<McpFlowException>()
            .Which.Message.Should().Contain("Unsupported tracking URI scheme").And.NotContain("secret");
    }

    private ITrackingStore Create(string? uri)
    {
        var options = new McpFlowOptions { WorkspacePath = Path.Combine(_root, "ws"), AllowedRoots = [_root], MlflowTrackingUri = uri };
        return TrackingStoreFactory.Create(options, new McpFlowWorkspace(options), new FileAccessGuard(options), TimeProvider.System);
    }
}
