using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McpFlow.Architecture.Tests;

/// <summary>Rules of the architecture that hold only if something checks them.</summary>
public sealed class LayeringTests
{
    /// <summary>The only file that may open DuckDB.</summary>
    private const string Gateway = "src/McpFlow.Core/Storage/DuckDbGateway.cs";

    [Fact]
    public void OnlyTheGateway_OpensDuckDb()
    {
        var offenders = ProductSources.Compilation.SyntaxTrees
            .Where(t => ProductSources.RelativePath(t) != Gateway)
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>()
                .Where(c => c is ObjectCreationExpressionSyntax o ? o.Type.ToString().EndsWith("DuckDBConnection", StringComparison.Ordinal)
                    : ProductSources.Compilation.GetSemanticModel(t).GetTypeInfo(c).Type?.Name == "DuckDBConnection")
                .Select(c => $"{ProductSources.RelativePath(t)}:{c.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {c}"))
            .ToList();
        offenders.Should().BeEmpty("every group opens DuckDB through Core's DuckDbGateway, which keeps it locked down");
    }

    [Fact]
    public void ModelContextProtocol_IsUsedOnlyByAdapters()
    {
        string[] adapters = ["/Tools/", "/Resources/", "/Prompts/", "src/McpFlow.Core/Mcp/", "src/McpFlow.Server/"];
        var offenders = ProductSources.Compilation.SyntaxTrees
            .Select(t => (Path: ProductSources.RelativePath(t), Root: t.GetRoot()))
            .Where(f => f.Path.StartsWith("src/", StringComparison.Ordinal)
                && !adapters.Any(a => f.Path.Contains(a, StringComparison.Ordinal))
                && !f.Path.EndsWith("ToolGroup.cs", StringComparison.Ordinal)
                && f.Path != "src/McpFlow.Core/McpFlowCoreServices.cs")
            .Where(f => f.Root.DescendantNodes().OfType<UsingDirectiveSyntax>().Any(u => u.Name?.ToString().StartsWith("ModelContextProtocol", StringComparison.Ordinal) == true))
            .Select(f => f.Path)
            .ToList();
        offenders.Should().BeEmpty("domain code knows nothing of MCP; tools, resources and prompts are the adapters");
    }
}
