namespace McpFlow.Walkthrough.Steps;

/// <summary>Chapter 0: what the server offers.</summary>
public sealed class ServerStep : IWalkthroughStep
{
    /// <inheritdoc />
    public int Order => 0;

    /// <inheritdoc />
    public string Title => "The server: tools, groups and engines";

    /// <inheritdoc />
    public async Task RunAsync(WalkthroughContext context, CancellationToken cancellationToken)
    {
        var tools = await context.Client.ListToolsAsync(cancellationToken: cancellationToken);
        context.Output.WriteLine($"\n  The client sees {tools.Count} tools: {string.Join(", ", tools.Select(t => t.Name).Order())}");
        context.User("What can you do here?");
        await context.CallAsync("server_info", new { probe_engines = true }, cancellationToken);
    }
}
