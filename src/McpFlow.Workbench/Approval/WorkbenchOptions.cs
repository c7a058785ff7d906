using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;

namespace McpFlow.Workbench.Approval;

/// <summary>
/// Workbench settings, read once at start-up from the optional <c>workbench.json</c> in the workspace folder
/// (changing the file takes effect at the next start, so no tool call can lift a gate mid-session).
/// Example: <c>{ "gatedActions": ["final_report", "register_model", "export", "write_user_data"], "defaultReviewer": "ana" }</c>.
/// </summary>
public sealed class WorkbenchOptions
{
    /// <summary>File name in the workspace folder.</summary>
    public const string FileName = Core.Runs.GatedActions.SettingsFile;

    /// <summary>Every action that can be gated.</summary>
    public static readonly IReadOnlyList<string> KnownActions =
        [Core.Runs.GatedActions.Export, Core.Runs.GatedActions.WriteUserData, Core.Runs.GatedActions.RegisterModel, Core.Runs.GatedActions.FinalReport];

    /// <summary>Actions that need an APPROVED run. Default: final_report and register_model.</summary>
    public List<string> GatedActions { get; set; } = [Core.Runs.GatedActions.FinalReport, Core.Runs.GatedActions.RegisterModel];

    /// <summary>Reviewer name recorded when a decision names none. Default: <c>user</c>.</summary>
    public string DefaultReviewer { get; set; } = "user";

    /// <summary>True when <paramref name="action"/> is gated.</summary>
    public bool IsGated(string action) => GatedActions.Contains(action, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads <c>workbench.json</c> from <paramref name="workspaceRoot"/>, or returns the defaults when it is absent.</summary>
    public static WorkbenchOptions Load(string workspaceRoot)
    {
        var path = Path.Combine(workspaceRoot, FileName);
        if (!File.Exists(path))
            return new WorkbenchOptions();
        WorkbenchOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<WorkbenchOptions>(File.ReadAllText(path), McpFlowJson.Options);
        }
        catch (JsonException ex)
        {
            throw McpFlowException.Invalid($"{path} is not valid JSON ({ex.Message}).", "Fix or delete it; see docs/workbench.md for its fields.");
        }

        options ??= new WorkbenchOptions();
        var unknown = options.GatedActions.Where(a => !KnownActions.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            throw McpFlowException.Invalid($"{path} gates unknown action(s): {string.Join(", ", unknown)}.",
                $"Gateable actions: {string.Join(", ", KnownActions)}.");
        return options;
    }
}
