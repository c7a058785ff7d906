using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Runs;
using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Tests.Runs;

public sealed class RunRecorderTests : IDisposable
{
    private readonly WorkbenchFixture _wb = new();

    [Fact]
    public async Task CompleteAsync_WritesManifestAndReviewWithHashes_AndEndsReviewed()
    {
        var input = Artifacts.Write(_wb.Data, "train.csv", "x,y\n1,2\n");
        var scope = _wb.Recorder.Begin(new RunStart("t", "training", "T", JsonNode.Parse("{\"alpha\":1,\"api_key\":\"sk-123\"}"), [new RunInput("train.csv", input)]));
        _wb.Store.Load(scope.RunId).State.Should().Be(RunState.Stale);
        var output = Artifacts.Write(scope.Folder, "out.csv", "a\n1\n");
        var recorded = await _wb.Recorder.CompleteAsync(scope, new RunOutcome([output], new Dictionary<string, double> { ["r2"] = 0.5 }, "R2 0.5."), default);

        recorded.State.Should().Be("REVIEWED");
        recorded.ChecksPassed.Should().Be(6);
        var run = _wb.Store.Load(scope.RunId);
        // SHA-256 of "x,y\n1,2\n" and of "a\n1\n", computed independently with `sha256sum`.
        run.Manifest.Inputs.Single().Sha256.Should().Be(System.Security.Cryptography.SHA256.HashData("x,y\n1,2\n"u8.ToArray()).Select(b => b.ToString("x2")).Aggregate(string.Concat));
        run.Manifest.Outputs.Single().Should().BeEquivalentTo(new OutputRecord("out.csv", "outputs/out.csv", 4, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("a\n1\n"u8.ToArray()))));
        run.Manifest.Parameters!["api_key"]!.GetValue<string>().Should().Be("[redacted]");
        run.Manifest.History.Select(h => h.State).Should().Equal(RunState.Stale, RunState.Executed, RunState.Reviewed);
        run.Manifest.SchemaVersion.Should().Be(1);
        run.Review!.Checks.Should().HaveCount(6);
        Directory.GetFiles(run.Folder, "*.tmp").Should().BeEmpty();
        var raw = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Folder, "manifest.json"))).RootElement;
        raw.GetProperty("state").GetString().Should().Be("REVIEWED");
    }

    [Fact]
    public async Task Load_MarksTheRunStale_WhenAnInputChanges()
    {
        var input = Artifacts.Write(_wb.Data, "in.csv", "x\n1\n");
        var recorded = await _wb.RecordAsync(input: input);
        File.WriteAllText(input, "x\n2\n");
        var run = _wb.Store.Load(recorded.RunId);
        run.State.Should().Be(RunState.Stale);
        run.Manifest.History[^1].Reason.Should().Be("input train.csv changed (its SHA-256 differs from the manifest)");
    }

    [Fact]
    public async Task Load_ReportsAHandEditedRecord()
    {
        var recorded = await _wb.RecordAsync();
        var path = Path.Combine(recorded.Folder, "manifest.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("REVIEWED", "APPROVED", StringComparison.Ordinal));
        var act = () => _wb.Store.Load(recorded.RunId);
        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Conflict && e.Message.Contains("manifest.json") && e.Message.Contains("edited outside McpFlow"));
    }

    [Fact]
    public async Task Load_ReportsAChangedOutput()
    {
        var recorded = await _wb.RecordAsync();
        File.AppendAllText(Path.Combine(recorded.Folder, "outputs", "predictions.csv"), "3,6\n");
        var act = () => _wb.Store.Load(recorded.RunId);
        act.Should().Throw<McpFlowException>().WithMessage("*outputs/predictions.csv: this output was changed after it was recorded*");
    }

    [Fact]
    public async Task BeginRerun_ArchivesThePreviousAttemptAndCarriesTheFeedback()
    {
        var recorded = await _wb.RecordAsync();
        _wb.Decisions.Decide(recorded.RunId, Decision.Reject, null, "use a temporal split", "ana", "tool");
        var scope = _wb.Recorder.BeginRerun(recorded.RunId, new RunStart("t", "training", "T2", null, []));
        var output = Artifacts.Write(scope.Folder, "new.csv", "a\n2\n");
        await _wb.Recorder.CompleteAsync(scope, new RunOutcome([output], new Dictionary<string, double>(), "retrained"), default);

        var run = _wb.Store.Load(recorded.RunId);
        run.Manifest.Attempt.Should().Be(2);
        run.Manifest.AddressesFeedback.Should().Be("use a temporal split");
        run.State.Should().Be(RunState.Reviewed);
        run.CurrentDecision.Should().BeNull();
        File.Exists(Path.Combine(run.Folder, "attempts", "1", "outputs", "predictions.csv")).Should().BeTrue();
        File.Exists(Path.Combine(run.Folder, "attempts", "1", "review.json")).Should().BeTrue();
        run.Manifest.History.Select(h => h.State).Should().ContainInOrder(RunState.Rejected, RunState.Stale, RunState.Executed, RunState.Reviewed);
    }

    [Fact]
    public async Task BeginRerun_RefusesAReviewedRun()
    {
        var recorded = await _wb.RecordAsync();
        var act = () => _wb.Recorder.BeginRerun(recorded.RunId, new RunStart("t", "training", "T", null, []));
        act.Should().Throw<McpFlowException>().WithMessage("*is REVIEWED; only REJECTED or STALE runs are re-executed*");
    }

    [Fact]
    public async Task FailAsync_KeepsTheRunStaleWithTheError()
    {
        var scope = _wb.Recorder.Begin(new RunStart("t", "training", "T", null, []));
        await _wb.Recorder.FailAsync(scope, "out of memory", default);
        var run = _wb.Store.Load(scope.RunId);
        run.State.Should().Be(RunState.Stale);
        run.Manifest.Error.Should().Be("out of memory");
    }

    public void Dispose() => _wb.Dispose();
}
