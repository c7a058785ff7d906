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
    [Description("Reads a PDE problem spec and explains it: recognises the equation, classifies it (elliptic/parabolic/hyperbolic, " +
                 "linear or not, order), checks well-posedness (every face has one condition, initial data, corner and initial/boundary " +
                 "compatibility, exact solution consistent with the equation), points out difficulties (steep fronts, spectral bias, " +
                 "boundary layers) and proposes a concrete PINN plan (network, hard or soft boundary conditions, collocation points, " +
                 "Adam then L-BFGS, learning rate, steps) that pinn_train accepts as is.")]
    public CallToolResult Analyze([Description(SpecArgument.Description)] JsonElement spec)
    {
        var analysis = PdeAnalyzer.Analyze(SpecArgument.Compile(spec));
        return ToolResults.Create(PdeAnalyzer.ToMarkdown(analysis), analysis);
    }
}
