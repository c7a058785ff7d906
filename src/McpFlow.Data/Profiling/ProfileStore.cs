using System.Text;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;

namespace McpFlow.Data.Profiling;

/// <summary>
/// The latest full profile of each table, kept in the workspace's <c>profiles/</c> folder: <c>analyze_dataframe</c>
/// returns a profile thinned to the result budget (<see cref="ProfileBudget"/>) and links here for the rest (all
/// correlations, histograms, every column), readable as resource <c>mcpflow://data/profiles/{table}</c>.
/// </summary>
public sealed class ProfileStore(McpFlowWorkspace workspace)
{
    /// <summary>The resource that serves a table's latest full profile.</summary>
    public static string ResourceUri(string table) => "mcpflow://data/profiles/" + Uri.EscapeDataString(table);

    /// <summary>Writes <paramref name="profile"/> as the table's latest full profile; returns the file's path.</summary>
    public string Save(TableProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(profile.Table);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(profile, McpFlowJson.Indented));
        return path;
    }

    /// <summary>The table's latest full profile as JSON; NotFound when the table was not profiled in this workspace.</summary>
    public string Read(string table)
    {
        var path = PathOf(table);
        if (!File.Exists(path))
            throw McpFlowException.NotFound($"No profile of table '{ArgumentEcho.Show(table, 100)}' in this workspace.",
                "Profile it with analyze_dataframe, e.g. table=\"customers\".");
        var json = File.ReadAllText(path);
        // Different table names can share a file name (see PathOf): serve only the table asked for.
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("table", out var stored) && stored.GetString() == table
            ? json
            : throw McpFlowException.NotFound($"No profile of table '{ArgumentEcho.Show(table, 100)}' in this workspace.",
                "Profile it with analyze_dataframe, e.g. table=\"customers\".");
    }

    // Table names are SQL identifiers that may hold any character: the file name keeps letters, digits, '_' and '-'
    // and replaces the rest, so it never leaves the folder.
    private string PathOf(string table)
    {
        var name = new StringBuilder(table.Length);
        foreach (var ch in table.Take(100))
            name.Append(char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' ? ch : '_');
        return Path.Combine(workspace.Folder("profiles"), name + ".json");
    }
}
