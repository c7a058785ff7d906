using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Physics.Analysis;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Physics.Tools;

/// <summary><c>analyze_pde_problem</c>.</summary>
[McpServerToolType]
public sealed class AnalyzePdeProblemTool
{
    /// <summary>Classifies, checks and plans a PDE problem.</summary>
    [McpServerTool(Name = "analyze_pde_problem", Title = "Analyze a PDE problem", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Explains a PDE problem (class, well-posedness, difficulties) and plans a PINN for pinn_train.")]
    public CallToolResult Analyze([Description(SpecArgument.Description)] JsonElement spec)
    {
        var analysis = PdeAnalyzer.Analyze(SpecArgument.Compile(spec));
        return ToolResults.Create(PdeAnalyzer.ToMarkdown(analysis), analysis);
    }
}
