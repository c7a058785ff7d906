using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFlow.Architecture.Tests;

/// <summary>The analysis behind <see cref="SqlBuildingTests"/> catches what it must and passes what it may.</summary>
public sealed class SqlSafetyTests
{
    private const string Prelude = """
        namespace McpFlow.Core.Storage { public static class SqlQuote { public static string Id(string n) => n; public static string Literal(string v) => v; } }
        namespace T {
        public sealed class Command { public string CommandText { get; set; } = ""; }
        """;

    [Theory]
    [InlineData("public void Tool(string table) { new Command().CommandText = $\"SELECT * FROM {table}\"; }", "parameter 'table'")]
    [InlineData("public void Tool(string spec) { var p = spec.Trim(); new Command().CommandText = \"SELECT date_part('\" + p + \"', ts)\"; }", "parameter 'spec'")]
    [InlineData("public void Tool(string[] parts) { new Command().CommandText = \"SELECT \" + string.Join(\", \", parts); }", "parameter 'parts'")]
    [InlineData("public void Tool(string[] parts) { new Command().CommandText = \"SELECT \" + string.Join(\", \", parts.Select(p => $\"date_part('{p}', ts)\")); }", "lambda parameter")]
    [InlineData("public void Tool(string x) => Run(x); private static void Run(string sql) { new Command().CommandText = sql; }", "parameter 'x'")]
    [InlineData("public void Tool(string x) { var sb = new System.Text.StringBuilder(); sb.Append(x); new Command().CommandText = sb.ToString(); }", "parameter 'x'")]
    [InlineData("private readonly List<(string A, string B)> _items = []; public void Add(string a, string b) => _items.Add((a, b)); public void Run() { new Command().CommandText = string.Join(\",\", _items.Select(i => i.B)); }", "parameter 'a'")]
    public void Findings_ReportUnquotedClientText(string member, string culprit)
    {
        var findings = Analyse(member);
        findings.Should().ContainSingle().Which.Should().Contain(culprit);
    }

    [Theory]
    [InlineData("public void Tool(string table, int n) { new Command().CommandText = $\"SELECT * FROM {McpFlow.Core.Storage.SqlQuote.Id(table)} LIMIT {n}\"; }")]
    [InlineData("public void Tool(string[] cols) { new Command().CommandText = \"SELECT \" + string.Join(\", \", cols.Select(McpFlow.Core.Storage.SqlQuote.Id)) + \" FROM t\"; }")]
    [InlineData("public void Tool(string[] cols) { new Command().CommandText = \"SELECT \" + string.Join(\", \", cols.Select(c => McpFlow.Core.Storage.SqlQuote.Id(c))); }")]
    [InlineData("private const string Schema = \"mcpflow\"; public void Tool(bool b) { var t = b ? \"a\" : \"b\"; new Command().CommandText = $\"SELECT * FROM {Schema}.{t}\"; }")]
    [InlineData("public void Tool(string x) => Run(McpFlow.Core.Storage.SqlQuote.Literal(x)); private static void Run(string sql) { new Command().CommandText = $\"SELECT {sql}\"; }")]
    public void Findings_PassQuotedConstantAndNumericValues(string member) => Analyse(member).Should().BeEmpty();

    private static List<string> Analyse(string member)
    {
        var source = Prelude + "public sealed class C { " + member + " } }";
        var tree = CSharpSyntaxTree.ParseText(source, path: Path.Combine(ProductSources.Root, "src", "Snippet.cs"));
        var usings = CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Linq;");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Snippet", [tree, usings], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return new SqlSafety(compilation).Findings().ToList();
    }
}
