using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpFlow.Architecture.Tests;

/// <summary>
/// Every C# file under src/, compiled together with the framework's reference assemblies only: enough for Roslyn to
/// resolve McpFlow's own symbols (locals, parameters, fields, methods, SqlQuote) and the framework's types (int,
/// string), which is all the architecture rules need. Package types (DuckDB.NET, ML.NET) stay unresolved; the rules
/// do not depend on them.
/// </summary>
internal static class ProductSources
{
    private static readonly Lazy<Loaded> Instance = new(Load);

    /// <summary>The repository root (the folder holding McpFlow.sln).</summary>
    public static string Root => Instance.Value.Root;

    /// <summary>The compilation of all product sources.</summary>
    public static CSharpCompilation Compilation => Instance.Value.Compilation;

    /// <summary>Path of a syntax tree relative to the repository root, with forward slashes.</summary>
    public static string RelativePath(SyntaxTree tree) => Path.GetRelativePath(Root, tree.FilePath).Replace('\\', '/');

    private static Loaded Load()
    {
        var root = FindRoot();
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
        // The SDK's implicit usings (ImplicitUsings=enable in Directory.Build.props).
        trees.Add(CSharpSyntaxTree.ParseText(
            "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
            "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", parse, "ImplicitUsings.g.cs"));
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        var compilation = CSharpCompilation.Create("McpFlow.Product", trees, framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        return new Loaded(root, compilation);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "McpFlow.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("McpFlow.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record Loaded(string Root, CSharpCompilation Compilation);
}
