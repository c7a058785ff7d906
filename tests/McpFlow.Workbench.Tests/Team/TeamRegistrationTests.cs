using McpFlow.Core.Team;
using McpFlow.Testing;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Runs;
using McpFlow.Workbench.Tests.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpFlow.Workbench.Tests.Team;

/// <summary>Without a team database nothing changes: the workspace's files hold the records and the audit trail, and
/// nothing connects to PostgreSQL.</summary>
public sealed class TeamRegistrationTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task WithoutATeamDatabase_RecordsAndTheTrailAreTheWorkspacesFiles()
    {
        Services.GetRequiredService<IAuditChain>().Should().BeSameAs(Services.GetRequiredService<AuditTrail>());
        Services.GetRequiredService<IRunRecordStore>().Should().BeOfType<FileRunRecords>();
        Services.GetRequiredService<TeamDatabase>().Enabled.Should().BeFalse();
        Services.GetServices<IHostedService>().OfType<TeamDatabaseStartup>().Should().BeEmpty("no migrations run in single-user mode");

        var runId = await RecordAsync();

        File.Exists(Path.Combine(WorkspaceRoot, "runs", runId, RunStore.ManifestFile)).Should().BeTrue();
        File.Exists(Path.Combine(WorkspaceRoot, "audit", AuditTrail.FileName)).Should().BeTrue();
        var verified = await CallOkAsync("workbench_audit", new { action = "verify" });
        verified.Text().Should().Be($"Audit trail intact: 5 entries, every hash and link verified ({Path.Combine(WorkspaceRoot, "audit", AuditTrail.FileName)}).");
    }
}
