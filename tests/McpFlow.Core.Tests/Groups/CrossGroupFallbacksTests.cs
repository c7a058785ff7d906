using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Core.Runs;
using McpFlow.Core.Storage;
using McpFlow.Core.Tracking;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Core.Tests.Groups;

public sealed class CrossGroupFallbacksTests : IDisposable
{
    private readonly string _root = TempFolder.Create("mcpflow-fallbacks");

    [Fact]
    public void AddMcpFlow_RegistersTheAbsentFallbacks_WhenNoGroupImplementsTheContracts()
    {
        using var provider = Build([]);
        provider.GetRequiredService<IApprovalGate>().Should().BeOfType<AbsentApprovalGate>();
        provider.GetRequiredService<IRunRecorder>().Should().BeOfType<AbsentRunRecorder>();
        provider.GetRequiredService<ITrackingWriter>().Should().BeOfType<AbsentTrackingWriter>();
        provider.GetRequiredService<ISuggestionStore>().Should().BeOfType<AbsentSuggestionStore>();
        provider.GetRequiredService<ITableFileLoader>().Should().BeOfType<AbsentTableFileLoader>();
        provider.GetRequiredService<IModelResolver>().Should().BeOfType<AbsentModelResolver>();
    }

    [Fact]
    public void AddMcpFlow_KeepsAGroupsImplementation_AndRegistersNoSecondOne()
    {
        using var provider = Build([new GateGroup()]);
        provider.GetRequiredService<IApprovalGate>().Should().BeOfType<DenyAllGate>();
        provider.GetServices<IApprovalGate>().Should().ContainSingle();
        provider.GetRequiredService<IRunRecorder>().Should().BeOfType<AbsentRunRecorder>();
    }

    public void Dispose() => TempFolder.TryDelete(_root);

    private ServiceProvider Build(IReadOnlyList<IToolGroup> groups)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMcpFlow(new McpFlowOptions { WorkspacePath = Path.Combine(_root, "ws"), AllowedRoots = [_root] }, groups);
        return services.BuildServiceProvider();
    }

    private sealed class GateGroup : IToolGroup
    {
        public string Name => "gates";

        public string Description => "a group that implements the approval gate";

        public void AddServices(IServiceCollection services) => services.AddSingleton<IApprovalGate, DenyAllGate>();

        public void AddMcp(IMcpServerBuilder mcp)
        {
        }
    }

    private sealed class DenyAllGate : IApprovalGate
    {
        public void EnsureAllowed(string action, string? runId, string? trackingRunId = null) => throw new InvalidOperationException("denied");
    }
}
