using McpFlow.Core.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Pipelines.Tests.TestDoubles;

/// <summary>Service providers holding the test doubles.</summary>
public static class Services
{
    public static IServiceProvider Provider(ITrackingWriter writer) =>
        new ServiceCollection().AddSingleton(writer).BuildServiceProvider();
}
