using McpFlow.Core.Groups;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace McpFlow.Experiments.Tests.Tools;

/// <summary>In-memory MCP server with the experiments group over a fresh workspace file store, on a fake clock
/// (<see cref="Time"/>) that only the tests advance.</summary>
public abstract class ExperimentsToolTestBase(ITestOutputHelper? output = null) : McpServerTestBase(output)
{
    /// <summary>The server's clock.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyList<IToolGroup> Groups => [new ExperimentsToolGroup()];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);
}
