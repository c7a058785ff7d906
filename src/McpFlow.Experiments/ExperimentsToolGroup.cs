using McpFlow.Core.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Experiments;

/// <summary>Registers the experiments group's services and MCP tools.</summary>
public sealed class ExperimentsToolGroup : IToolGroup
{
    /// <inheritdoc />
    public string Name => "experiments";

    /// <inheritdoc />
    public string Description => "Experiment optimizer: MLflow tracking (REST, file store, SQLite), run analysis, Bayesian hyperparameter suggestions, leaderboard.";

    /// <inheritdoc />
    public void AddServices(IServiceCollection services)
    {
    }

    /// <inheritdoc />
    public void AddMcp(IMcpServerBuilder mcp)
    {
    }
}
