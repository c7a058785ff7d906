using System.ComponentModel;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Runs;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

/// <summary>The <c>workbench_audit</c> tool.</summary>
[McpServerToolType]
public sealed class AuditTool(IAuditChain audit)
{
    /// <summary>Queries or verifies the audit trail.</summary>
    [McpServerTool(Name = "workbench_audit", Title = "Audit trail", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Queries or verifies the append-only audit trail.")]
    public CallToolResult Audit(
        [Description("query or verify, e.g. \"verify\".")] string action = "query",
        [Description("Run id, e.g. \"run-20261123-101500-ab12cd\".")] string? run_id = null,
        [Description("Tool, e.g. \"workbench_decide\".")] string? tool = null,
        [Description("Entries, 1-1000; e.g. 200.")] int limit = 50,
        CancellationToken cancellationToken = default)
    {
        if (action == "verify")
        {
            var v = audit.Verify(cancellationToken);
            var text = v.Valid
                ? $"Audit trail intact: {v.Entries} entries, every hash and link verified ({audit.Location})."
                : v.FirstBadSeq is { } bad
                    ? $"Audit trail BROKEN at entry {bad}: {v.Problem}. Entries from {bad} on cannot be trusted ({audit.Location})."
                    : $"Audit trail BROKEN: {v.Problem} ({audit.Location}).";
            return ToolResults.Create(text, v);
        }

        if (action != "query")
            throw McpFlowException.Invalid($"Unknown action '{action}'.", "Use \"query\" or \"verify\".");
        if (limit is < 1 or > 1000)
            throw McpFlowException.Invalid($"limit must be between 1 and 1000; got {limit}.");
        if (run_id is not null)
            RunIds.Require(run_id);
        var entries = audit.ReadAll(cancellationToken)
            .Where(e => run_id is null || e.RunId == run_id)
            .Where(e => tool is null || string.Equals(e.Tool, tool, StringComparison.OrdinalIgnoreCase))
            .TakeLast(limit).ToList();
        var lines = new StringBuilder($"{entries.Count} audit entr{(entries.Count == 1 ? "y" : "ies")}:\n");
        foreach (var e in entries)
            lines.AppendLine($"#{e.Seq} {e.Time:u} {e.User} {e.Kind} {e.Tool ?? e.Record} {e.RunId} {e.State} {e.Decision} — {e.Outcome}".Replace("  ", " ", StringComparison.Ordinal));
        return ToolResults.Create(lines.ToString().TrimEnd(), new { entries });
    }
}
