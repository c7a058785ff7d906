using McpFlow.Core.Configuration;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Training;
using McpFlow.Testing;

namespace McpFlow.Physics.Tests.Training;

/// <summary>A trainer on one libtorch thread (so two runs of the same training do the same arithmetic) over a run store
/// in a temporary workspace that is deleted after each test.</summary>
public abstract class TrainerTestBase : IDisposable
{
    /// <summary>Creates the workspace under a temporary folder named after <paramref name="folder"/>.</summary>
    protected TrainerTestBase(string folder)
    {
        Root = TempFolder.Create(folder);
        Store = new PinnRunStore(new McpFlowWorkspace(Root), TimeProvider.System);
        Trainer = new PinnTrainer(new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } }), Store);
    }

    /// <summary>The workspace folder.</summary>
    protected string Root { get; }

    /// <summary>The run store of the workspace.</summary>
    protected PinnRunStore Store { get; }

    /// <summary>The trainer.</summary>
    protected PinnTrainer Trainer { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        TempFolder.TryDelete(Root);
        GC.SuppressFinalize(this);
    }
}
