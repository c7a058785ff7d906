using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Core.Tracking;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace McpFlow.Physics.Tests.Tools;

/// <summary>The physics group over the in-memory MCP harness, with an in-memory tracking store and one libtorch thread.</summary>
public abstract class PhysicsServerTestBase(ITestOutputHelper? output = null) : McpServerTestBase(output)
{
    internal const string Poisson = """
        {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)",
         "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}],"exact_solution":"sin(pi*x)*sin(pi*y)"}
        """;

    protected InMemoryTrackingWriter Tracking { get; } = new();

    protected override IReadOnlyList<IToolGroup> Groups => [new PhysicsToolGroup()];

    protected override void ConfigureOptions(McpFlowOptions options) => options.Physics.Threads = 1;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ITrackingWriter>(Tracking);

    protected static object Spec(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement;
}
