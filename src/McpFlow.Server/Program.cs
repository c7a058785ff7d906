using McpFlow.Core.Configuration;
using McpFlow.Core.Native;
using McpFlow.Server;
using McpFlow.Server.Cli;
using McpFlow.Server.Hosting;

// First, before any native library (LightGBM, libtorch) loads: their OpenMP threads read the policy once, at load.
OpenMpWaitPolicy.Apply();

var cli = new CommandLineDefinition();
var root = cli.Build();
root.SetAction(async (parsed, cancellationToken) =>
{
    if (parsed.GetValue(cli.ListGroups))
    {
        foreach (var group in ToolGroups.All())
            Console.WriteLine($"{group.Name,-12} {group.Description}");
        return 0;
    }

    if (parsed.GetValue(cli.NewToken))
    {
        McpFlow.Server.Hosting.Identity.NewToken.Write(Console.Out);
        return 0;
    }

    McpFlowOptions options;
    try
    {
        options = OptionsLoader.Load(parsed, cli, OptionsLoader.ProcessEnvironment());
        var errors = OptionsValidator.Validate(options, ToolGroups.Names(), ToolGroups.ToolNamesToCheck(options));
        if (errors.Count > 0)
            throw new OptionsException(errors);
    }
    catch (OptionsException ex)
    {
        return Fail(ex.Errors);
    }

    if (options.Jobs.Worker)
        return await McpFlow.Server.Team.WorkerHost.RunAsync(options, cancellationToken);

    if (!options.Http.Enabled)
        return await StdioHost.RunAsync(options, cancellationToken);

    var guard = HttpGuard.Create(options.Http, options.Http.Token, out var unsafeReason);
    return unsafeReason is not null ? Fail([unsafeReason]) : await HttpHost.RunAsync(options, guard, cancellationToken);
});

var parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
    return Fail(parseResult.Errors.Select(e => e.Message).ToList());
return await parseResult.InvokeAsync();

static int Fail(IReadOnlyList<string> errors)
{
    Console.Error.WriteLine("mcpflow: invalid configuration:");
    foreach (var error in errors)
        Console.Error.WriteLine($"  - {error}");
    Console.Error.WriteLine("Run 'mcpflow --help' for the options.");
    return 2;
}
