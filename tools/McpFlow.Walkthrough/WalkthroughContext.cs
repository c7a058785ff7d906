using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Walkthrough;

/// <summary>What a walkthrough step gets: the connected client, paths, and printing helpers.</summary>
public sealed class WalkthroughContext(McpClient client, string repositoryRoot, TextWriter output, int maxLines)
{
    /// <summary>The MCP client connected to the McpFlow server over stdio.</summary>
    public McpClient Client => client;

    /// <summary>The repository root (examples live under <c>examples/</c>).</summary>
    public string RepositoryRoot => repositoryRoot;

    /// <summary>The bundled example data folder.</summary>
    public string ExampleData => Path.Combine(repositoryRoot, "examples", "data");

    /// <summary>Where to print.</summary>
    public TextWriter Output => output;

    /// <summary>Prints what the user says to the assistant.</summary>
    public void User(string text) => output.WriteLine($"\n  user> {text}");

    /// <summary>Calls a tool, prints the call and the text answer (shortened), and returns the result.
    /// Throws when the tool reports an error, so a broken walkthrough fails loudly.</summary>
    public async Task<CallToolResult> CallAsync(string tool, object? arguments, CancellationToken cancellationToken)
    {
        var args = arguments is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
        output.WriteLine($"\n  → {tool}({string.Join(", ", args.Select(a => $"{a.Key}={JsonSerializer.Serialize(a.Value)}"))})");
        var progress = new Progress<ProgressNotificationValue>(p => output.WriteLine($"    … {p.Message}"));
        var result = await client.CallToolAsync(tool, args, progress, cancellationToken: cancellationToken);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        var lines = text.Split('\n');
        foreach (var line in lines.Take(maxLines))
            output.WriteLine("    " + line);
        if (lines.Length > maxLines)
            output.WriteLine($"    … ({lines.Length - maxLines} more lines)");
        var images = result.Content.OfType<ImageContentBlock>().Count();
        if (images > 0)
            output.WriteLine($"    [{images} chart image(s) returned]");
        if (result.IsError == true)
            throw new InvalidOperationException($"{tool} reported an error: {text}");
        return result;
    }
}
