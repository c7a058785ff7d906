using McpFlow.Core.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Core.Tests.Support;

public sealed class TestToolGroup : IToolGroup
{
    public string Name => "test";

    public string Description => "tools for testing the core";

    public void AddServices(IServiceCollection services) => services.AddSingleton<TestJobGate>();

    public void AddMcp(IMcpServerBuilder mcp) => mcp.WithTools<TestTools>().WithTools<ContractTools>().WithResources<TestResources>().WithPrompts<TestPrompts>();
}
