using McpFlow.Security.Tests.Ledger;
using Xunit.Abstractions;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// The SQL, spec, path, id and write escape attempts of issue 11 against a real server on a seeded workspace (allowed
/// root: the sandbox root; working folder and a canary folder outside it). Each attempt is judged on its answer (refused
/// with a message, or its own verdict) and its effect (no canary in any answer, the workspace's records unchanged byte
/// for byte and the audit trail only appended to, no file created outside the roots).
/// </summary>
[Collection(SecurityCollection.Name)]
[TestCaseOrderer(DeclarationOrderer.TypeName, DeclarationOrderer.AssemblyName)]
public sealed class EscapeTests(EscapeFixture fixture, ITestOutputHelper output) : IClassFixture<EscapeFixture>
{
    private Sandbox.SandboxFolders Sandbox => fixture.Workspace.Sandbox;

    [Fact]
    public Task Lockdown_StaysOnForTheFirstSecondAndLaterConnections() => Run("sql.lockdown-per-connection", LockdownProbes.Attempts(fixture));

    [Fact]
    public Task SqlWithRelativePaths_IsRefused() => Run("sql.relative-path", Both(SqlEscapes.RelativePaths()));

    [Fact]
    public Task SqlWithAbsolutePathsOutsideTheRoots_IsRefused() => Run("sql.absolute-path", Both(SqlEscapes.AbsolutePaths(Sandbox)));

    [Fact]
    public Task SqlThroughLinksAndGlobs_IsRefused() => Run("sql.link-glob", Both(SqlEscapes.Links(Sandbox)));

    [Fact]
    public Task SqlWithDotDotAfterALinkedFolder_IsRefused() => Run("sql.dotdot-after-link", Both(SqlEscapes.DotDotAfterLink(Sandbox)));

    [Fact]
    public Task SqlWithNegatedGlobClasses_IsRefused() => Run("sql.negated-glob", Both(SqlEscapes.NegatedGlobs(Sandbox)));

    [Fact]
    public Task SqlHiddenInStrings_IsRefused() => Run("sql.sql-in-strings", Both(SqlEscapes.SqlInStrings(Sandbox)));

    [Fact]
    public Task SqlChangingTheLockdown_IsRefused() => Run("sql.lockdown-changes", Both(SqlEscapes.LockdownChanges(Sandbox)));

    [Fact]
    public Task SqlAttackingTheEngine_IsBoundedAndSurvived() =>
        Run("sql.engine-attacks", Both(SqlEscapes.EngineAttacks()).Select(a => a with { MustRefuse = false }));

    [Fact]
    public Task PathsOutsideTheRoots_AreRefusedByEveryReader() => Run("path.read", PathEscapes.All(Sandbox, fixture.Workspace.Ids));

    [Fact]
    public Task IdsUsedAsPaths_AreRefused() => Run("id.as-path", IdEscapes.All(Sandbox, fixture.Workspace.Ids, fixture.Fakes));

    [Fact]
    public Task PipelineSpecsSplicedIntoSql_AreRefused() => Run("spec.injection", InjectionEscapes.Specs(Sandbox, fixture.Workspace.Ids));

    [Fact]
    public Task IdentifiersSplicedIntoSql_AreRefusedOrQuoted() => Run("identifier.injection", InjectionEscapes.IdentifierAttempts(Sandbox, fixture.Workspace.Ids));

    [Fact]
    public Task ExportsOverWorkspaceRecordsOrOutsideTheRoots_AreRefused() => Run("write.export", WriteEscapes.Exports(Sandbox, fixture.Workspace.Ids));

    [Fact]
    public Task NamesThatBecomeFiles_StayInsideTheWorkspace() => Run("write.named-files", WriteEscapes.NamedFiles(Sandbox, fixture.Workspace.Ids));

    [Fact]
    public Task EveryOtherPathIdIdentifierOrSqlParameter_IsAttackedToo()
    {
        var targeted = AllTargets();
        return Run("surface.remaining", AttackSurface.Remaining(fixture.Tools, targeted, Sandbox, fixture.Workspace.Ids));
    }

    [Fact]
    public Task SeededTableAndAuditTrail_SurviveEveryAttempt() => Run("effects.after-all", LockdownProbes.AfterAll(fixture));

    [Fact]
    public void EveryPathIdIdentifierAndSqlParameter_AndEveryResourceTemplate_IsTargeted()
    {
        var targeted = AllTargets();
        foreach (var attempt in AttackSurface.Remaining(fixture.Tools, targeted, Sandbox, fixture.Workspace.Ids))
            targeted.Add(attempt.Target);
        AttackSurface.Of(fixture.Tools).Where(t => !targeted.Contains(t)).Should().BeEmpty();
        fixture.Templates.Where(t => !targeted.Contains(t)).Should().BeEmpty();
        targeted.Count.Should().BeGreaterThan(60);
    }

    private HashSet<string> AllTargets()
    {
        var ids = fixture.Workspace.Ids;
        return Both(SqlEscapes.RelativePaths())
            .Concat(PathEscapes.All(Sandbox, ids)).Concat(IdEscapes.All(Sandbox, ids, fixture.Fakes)).Concat(InjectionEscapes.Specs(Sandbox, ids))
            .Concat(InjectionEscapes.IdentifierAttempts(Sandbox, ids)).Concat(WriteEscapes.Exports(Sandbox, ids)).Concat(WriteEscapes.NamedFiles(Sandbox, ids))
            .Select(a => a.Target).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<EscapeAttempt> Both(IEnumerable<string> statements) =>
        statements.SelectMany((sql, i) => new[] { SqlEscapes.Query(sql), SqlEscapes.Export(sql, i) });

    private async Task Run(string className, IEnumerable<EscapeAttempt> attempts)
    {
        var log = SecurityLedger.Begin(className);
        await new EscapeRunner(fixture.Workspace.Server, Sandbox, fixture.Protect).RunAsync(attempts, log);
        log.AssertClean(output);
    }
}
