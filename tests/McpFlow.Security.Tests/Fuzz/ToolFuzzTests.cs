using McpFlow.Security.Tests.Ledger;
using Xunit.Abstractions;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>
/// Every tool a real server lists, fuzzed one argument at a time from a valid baseline on a seeded workspace: no
/// arguments, wrong JSON types, values outside the documented ranges and choices, unknown arguments, and absurd values
/// (1 MB strings, NUL characters, 1e308, 100,001-item arrays, 10,000-key objects). Every answer must come in time from a
/// live server, stay within the character cap, repeat at most 200 characters of an argument and carry no raw exception
/// text; wrong types, missing and out-of-range values must be refused with an error naming the parameter.
/// </summary>
[Collection(SecurityCollection.Name)]
[TestCaseOrderer(DeclarationOrderer.TypeName, DeclarationOrderer.AssemblyName)]
public sealed class ToolFuzzTests(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    private FuzzPlan Plan => new(fixture.Tools, fixture.Workspace.Ids);

    [Fact]
    public void EveryListedTool_HasABaseline_AndEveryClosedChoiceStillExists()
    {
        fixture.Tools.Should().HaveCountGreaterThan(40, "the server lists every group's tools");
        fixture.Tools.Where(t => Baselines.For(t.Name, fixture.Workspace.Ids) is null).Select(t => t.Name)
            .Should().BeEmpty("every tool needs a valid baseline in Fuzz/Baselines.cs so a fuzzed value is the only thing wrong");
        var parameters = fixture.Tools.SelectMany(t => t.Parameters.Select(p => $"{t.Name}.{p.Name}")).ToHashSet();
        ClosedChoices.Enumerated.Where(c => !parameters.Contains(c)).Should().BeEmpty("each closed choice names a listed parameter");
        fixture.Tools.SelectMany(t => t.Parameters.Select(p => (t, p)))
            .Where(x => Baselines.For(x.t.Name, fixture.Workspace.Ids) is { } b && !b.ContainsKey(x.p.Name) && x.p.Required)
            .Select(x => $"{x.t.Name}.{x.p.Name}").Should().BeEmpty("baselines give every required parameter");
    }

    [Fact]
    public Task NoArguments_AreRefusedNamingARequiredParameter() => Run("fuzz.no-arguments", Plan.NoArguments());

    [Fact]
    public Task WrongTypes_AreRefusedNamingTheParameter() => Run("fuzz.wrong-types", Plan.WrongTypes());

    [Fact]
    public Task OutOfRangeValues_AreRefusedNamingTheParameter() => Run("fuzz.out-of-range", Plan.OutOfRange());

    [Fact]
    public Task UnknownArguments_AreRefusedNamingThem() => Run("fuzz.unknown-argument", Plan.UnknownArgument());

    [Fact]
    public Task AbsurdValues_NeverCrashHangOverflowTheCapsOrEcho() => Run("fuzz.absurd-values", Plan.Absurd());

    private async Task Run(string className, IEnumerable<FuzzAttempt> attempts)
    {
        var log = SecurityLedger.Begin(className);
        await new FuzzRunner(fixture.Workspace.Server, fixture.Workspace.Sandbox).RunAsync(attempts, log);
        log.AssertClean(output);
    }
}
