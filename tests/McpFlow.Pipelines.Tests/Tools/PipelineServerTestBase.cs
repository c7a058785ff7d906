using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Core.Storage;
using McpFlow.Core.Tracking;
using McpFlow.Pipelines.Tests.TestDoubles;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Pipelines.Tests.Tools;

/// <summary>In-memory MCP server with the pipelines group, in-memory tracking and suggestion doubles.</summary>
public abstract class PipelineServerTestBase : McpServerTestBase
{
    protected InMemoryTrackingWriter Tracking { get; } = new();

    protected InMemorySuggestionStore Suggestions { get; } = new();

    protected override IReadOnlyList<IToolGroup> Groups => [new PipelinesToolGroup()];

    // Tests read the committed example data straight into the workspace database, so that folder is an allowed root
    // (the gateway's lock-down refuses files anywhere else).
    protected override void ConfigureOptions(McpFlowOptions options) => options.AllowedRoots.Add(RepositoryPaths.ExampleData);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ITrackingWriter>(Tracking);
        services.AddSingleton<ISuggestionStore>(Suggestions);
    }

    protected void Execute(string sql)
    {
        using var connection = Services.GetRequiredService<DuckDbGateway>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
