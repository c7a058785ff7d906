using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McpFlow.Architecture.Tests;

/// <summary>
/// AGENTS.md is the first thing a contributor reads: every path, project, type, member and test filter it names must
/// exist, and its code examples must be excerpts of real files, so the guide cannot drift from the code unnoticed.
/// </summary>
public sealed partial class ContributorGuideTests
{
    /// <summary>Types the guide names that come from .NET or a package, not from this repository.</summary>
    private static readonly HashSet<string> ExternalTypes =
    [
        "CancellationToken", "DateTime", "DateTimeOffset", "TimeProvider", "FakeTimeProvider", "Environment", "Path",
        "IProgress", "ProgressNotificationValue", "McpServer", "McpException", "CallToolResult", "Range", "AllowedValues",
        "ModelContextProtocol", "CommandText", "IServiceProvider", "TryAdd", "Task", "TaskCompletionSource", "ITestOutputHelper",
    ];

    private static readonly Lazy<Guide> Loaded = new(Guide.Load);

    [Fact]
    public void EveryPathNamed_Exists()
    {
        var missing = Loaded.Value.Paths.Where(p => !Loaded.Value.PathExists(p)).ToList();
        missing.Should().BeEmpty("AGENTS.md must name only files and folders of the repository");
    }

    [Fact]
    public void EveryTypeAndMemberNamed_IsDeclared()
    {
        var guide = Loaded.Value;
        var problems = new List<string>();
        foreach (var (type, member) in guide.Symbols)
        {
            if (ExternalTypes.Contains(type))
                continue;
            if (!guide.Declared.TryGetValue(type, out var members))
            {
                // A bare name may be a member named on its own (`ResolveExistingFile`, `CommandText`).
                if (member is not null || !guide.Declared.Values.Any(m => m.Contains(type)))
                    problems.Add($"`{type}` is declared nowhere in src/, tests/ or tools/");
            }
            else if (member is not null && !members.Contains(member))
                problems.Add($"`{type}.{member}` does not exist");
        }

        problems.Should().BeEmpty("AGENTS.md must name only types and members that exist");
    }

    [Fact]
    public void EveryTestFilter_SelectsATest()
    {
        var guide = Loaded.Value;
        guide.Filters.Should().NotBeEmpty();
        guide.Filters.Where(f => !guide.TestClasses.Any(c => c.Contains(f, StringComparison.Ordinal)))
            .Should().BeEmpty("a `--filter \"FullyQualifiedName~X\"` example must select at least one test class");
    }

    [Fact]
    public void EveryCodeExample_IsAnExcerptOfTheFileItNames()
    {
        var guide = Loaded.Value;
        guide.Examples.Should().NotBeEmpty();
        foreach (var (file, lines) in guide.Examples)
        {
            guide.PathExists(file).Should().BeTrue($"the example names {file}");
            var source = File.ReadAllLines(Path.Combine(ProductSources.Root, file)).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
            lines.Where(l => l.Length > 0 && l != "..." && !source.Contains(l))
                .Should().BeEmpty($"every line of the example taken from {file} must be in that file");
        }
    }

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^(?:src|tests|tools|docs|build|examples|\.ci)/[A-Za-z0-9_./-]+$|^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+\.(?:cs|md|json|props|targets|mjs|txt|runsettings)$")]
    private static partial Regex PathToken();

    [GeneratedRegex(@"^([A-Z][A-Za-z0-9]*)(?:<[^>]*>)?(?:\.([A-Z][A-Za-z0-9_]*))?(?:\(.*\))?$")]
    private static partial Regex SymbolToken();

    [GeneratedRegex(@"FullyQualifiedName~([A-Za-z0-9_.]+)")]
    private static partial Regex FilterToken();

    [GeneratedRegex(@"--project ([A-Za-z0-9_./-]+)")]
    private static partial Regex ProjectToken();

    private sealed record Guide(
        List<string> Paths, List<(string Type, string? Member)> Symbols, List<string> Filters,
        List<(string File, List<string> Lines)> Examples, Dictionary<string, HashSet<string>> Declared, List<string> TestClasses,
        List<string> Files)
    {
        public bool PathExists(string path)
        {
            var trimmed = path.TrimEnd('/');
            return File.Exists(Path.Combine(ProductSources.Root, trimmed)) || Directory.Exists(Path.Combine(ProductSources.Root, trimmed))
                || Files.Any(f => f.EndsWith("/" + trimmed, StringComparison.Ordinal));
        }

        public static Guide Load()
        {
            var text = File.ReadAllText(Path.Combine(ProductSources.Root, "AGENTS.md"));
            var (prose, examples) = SplitExamples(text);
            var paths = new List<string>();
            var symbols = new List<(string, string?)>();
            foreach (Match span in CodeSpan().Matches(prose))
            {
                var token = span.Groups[1].Value.Trim();
                if (token.Contains('<', StringComparison.Ordinal) && token.Contains('/', StringComparison.Ordinal))
                    continue; // a pattern such as src/McpFlow.<Group>/Tools/<Name>Tool.cs
                if (PathToken().IsMatch(token))
                    paths.Add(token);
                else if (SymbolToken().Match(token) is { Success: true } symbol)
                    symbols.Add((symbol.Groups[1].Value, symbol.Groups[2].Success ? symbol.Groups[2].Value : null));
            }

            paths.AddRange(ProjectToken().Matches(text).Select(m => m.Groups[1].Value));
            var filters = FilterToken().Matches(text).Select(m => m.Groups[1].Value).ToList();
            var files = Directory.EnumerateFiles(ProductSources.Root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(ProductSources.Root, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                    && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("node_modules/", StringComparison.Ordinal))
                .ToList();
            var (declared, testClasses) = Declarations(files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)));
            return new Guide(paths, symbols, filters, examples, declared, testClasses, files);
        }

        /// <summary>Fenced blocks whose first line is <c>// from &lt;file&gt;</c> are examples; the rest is prose.</summary>
        private static (string Prose, List<(string, List<string>)> Examples) SplitExamples(string text)
        {
            var prose = new System.Text.StringBuilder();
            var examples = new List<(string, List<string>)>();
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    prose.Append(lines[i]).Append('\n');
                    continue;
                }

                var block = new List<string>();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                    block.Add(lines[i].Trim());
                if (block.Count > 0 && block[0].StartsWith("// from ", StringComparison.Ordinal))
                    examples.Add((block[0]["// from ".Length..].Trim(), block.Skip(1).ToList()));
                else
                    prose.Append(string.Join('\n', block.Select(l => l.StartsWith("dotnet", StringComparison.Ordinal) ? l : ""))).Append('\n');
            }

            return (prose.ToString(), examples);
        }

        private static (Dictionary<string, HashSet<string>>, List<string>) Declarations(IEnumerable<string> files)
        {
            var declared = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var testClasses = new List<string>();
            foreach (var file in files)
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(ProductSources.Root, file))).GetRoot();
                foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
                {
                    var members = declared.TryGetValue(type.Identifier.Text, out var known) ? known : declared[type.Identifier.Text] = [];
                    foreach (var member in type.ChildNodes().OfType<MemberDeclarationSyntax>())
                        members.UnionWith(Names(member));
                    if (type is TypeDeclarationSyntax { ParameterList: { } primary })
                        members.UnionWith(primary.Parameters.Select(p => p.Identifier.Text));
                    if (file.StartsWith("tests/", StringComparison.Ordinal))
                    {
                        var ns = type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
                        testClasses.Add(ns is null ? type.Identifier.Text : ns + "." + type.Identifier.Text);
                    }
                }

                foreach (var type in root.DescendantNodes().OfType<DelegateDeclarationSyntax>())
                    declared.TryAdd(type.Identifier.Text, []);
            }

            return (declared, testClasses);
        }

        private static IEnumerable<string> Names(MemberDeclarationSyntax member) => member switch
        {
            MethodDeclarationSyntax m => [m.Identifier.Text],
            PropertyDeclarationSyntax p => [p.Identifier.Text],
            EventDeclarationSyntax e => [e.Identifier.Text],
            BaseFieldDeclarationSyntax f => f.Declaration.Variables.Select(v => v.Identifier.Text),
            EnumMemberDeclarationSyntax e => [e.Identifier.Text],
            BaseTypeDeclarationSyntax t => [t.Identifier.Text],
            _ => [],
        };
    }
}
