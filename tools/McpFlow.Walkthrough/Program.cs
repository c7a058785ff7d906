using System.Diagnostics;
using System.Reflection;
using McpFlow.Walkthrough;
using ModelContextProtocol.Client;

// Usage: dotnet run --project tools/McpFlow.Walkthrough [-- --only <substring>] [--catalogue]
var only = Arg("--only");
var repository = FindRepository();
// The server is built by the same build as this program (same configuration: bin/<Configuration>/net10.0); it is
// installed from there once (ServerInstall: published, ReadyToRun, into .mcpflow/server) and launched from there,
// exactly as mcp.json launches it.
var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
var build = Path.Combine(repository, "src", "McpFlow.Server", "bin", configuration, "net10.0");
if (!File.Exists(Path.Combine(build, "McpFlow.Server.dll")))
{
    Console.Error.WriteLine($"Server not built at {build}; run 'dotnet build McpFlow.sln' first.");
    return 1;
}

var serverDll = ServerInstall.Ensure(repository, configuration, build, Console.Out);
var workspace = Path.Combine(Path.GetTempPath(), $"mcpflow-walkthrough-{Environment.ProcessId}");
var transport = new StdioClientTransport(new StdioClientTransportOptions
{
    Name = "McpFlow",
    Command = "dotnet",
    Arguments = [serverDll, "--workspace", workspace, "--allow-root", repository],
    WorkingDirectory = repository,
    EnvironmentVariables = new Dictionary<string, string?> { ["MCPFLOW_LOG_LEVEL"] = "Warning" },
});

var watch = Stopwatch.StartNew();
await using var client = await McpClient.CreateAsync(transport, WalkthroughClientOptions.Create());
Console.WriteLine($"Connected to {client.ServerInfo?.Name} {client.ServerInfo?.Version} ({ServerInstall.EntryPoint}) over stdio in {watch.ElapsedMilliseconds} ms (workspace {workspace}).");

if (args.Contains("--catalogue"))
{
    Console.WriteLine(Catalogue.Markdown(await client.ListToolsAsync()));
    return 0;
}

var steps = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IWalkthroughStep).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IWalkthroughStep)Activator.CreateInstance(t)!)
    .Where(s => only is null || s.Title.Contains(only, StringComparison.OrdinalIgnoreCase))
    .OrderBy(s => s.Order)
    .ToList();
var context = new WalkthroughContext(client, repository, Console.Out, maxLines: 40);
foreach (var step in steps)
{
    Console.WriteLine($"\n=== {step.Title} ===");
    await step.RunAsync(context, CancellationToken.None);
}

Console.WriteLine($"\nWalkthrough finished in {watch.Elapsed.TotalSeconds:F1} s. Workspace kept at {workspace}.");
return 0;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindRepository()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "McpFlow.sln")))
        dir = dir.Parent;
    return dir?.FullName ?? Environment.CurrentDirectory;
}
