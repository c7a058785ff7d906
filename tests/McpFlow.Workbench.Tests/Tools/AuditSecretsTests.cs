using System.Diagnostics;
using System.Text.Json.Nodes;
using McpFlow.Core.Security;
using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

/// <summary>Secrets passed as arguments never reach the audit trail, the run manifest or a tool result, and the trail
/// grows by kilobytes per call whatever the arguments.</summary>
public sealed class AuditSecretsTests : WorkbenchServerTestBase
{
    // One secret per name variant, each a distinct string so a leak names its variant.
    private static readonly Dictionary<string, string> ByName = new()
    {
        ["pwd"] = "leak-pwd-1", ["passwd"] = "leak-passwd-2", ["password"] = "leak-password-3", ["auth"] = "leak-auth-4",
        ["auth_header"] = "leak-auth-header-5", ["x_token"] = "leak-token-6", ["client_secret"] = "leak-secret-7",
        ["api_key"] = "leak-api-key-8", ["apikey"] = "leak-apikey-9", ["private_key"] = "leak-private-key-10",
        ["credentials"] = "leak-credentials-11", ["cookie"] = "leak-cookie-12", ["session"] = "leak-session-13",
        ["SessionToken"] = "leak-session-token-14", ["Authorization"] = "leak-authorization-15",
    };

    // Secrets inside values of harmless names.
    private static readonly Dictionary<string, string> ByShape = new()
    {
        ["tracking_uri"] = "https://ana:leak-url-pass-16@mlflow.example.com/api",
        ["note"] = "sent Authorization: Bearer leak-bearer-17 to the proxy",
        ["header"] = "bearer leak-bearer-token-18",
        ["connection"] = "Host=db;Password=leak-dsn-19",
        ["query"] = "GET /x?api_key=leak-query-20&page=2",
    };

    private static string[] Leaks => [.. ByName.Values, "leak-url-pass-16", "leak-bearer-17", "leak-bearer-token-18", "leak-dsn-19", "leak-query-20"];

    private static Dictionary<string, string> Parameters() => new(ByName.Concat(ByShape));

    [Fact]
    public async Task EveryVariant_IsRedacted_InTheAuditTrail_TheManifest_AndTheResults()
    {
        var runId = await RecordAsync(parameters: Parameters());
        var card = await CallOkAsync("workbench_run_card", new { run_id = runId });
        var audit = await CallOkAsync("workbench_audit", new { action = "query", limit = 1000 });

        var trail = File.ReadAllText(Path.Combine(WorkspaceRoot, "audit", "audit.jsonl"));
        var manifest = File.ReadAllText(Path.Combine(WorkspaceRoot, "runs", runId, "manifest.json"));
        foreach (var text in new[] { trail, manifest, card.Text(), card.Structured().GetRawText(), audit.Text(), audit.Structured().GetRawText() })
            text.Should().NotContainAny(Leaks);

        var parameters = JsonNode.Parse(manifest)!["parameters"]!;
        foreach (var name in ByName.Keys)
            parameters[name]!.GetValue<string>().Should().Be(SecretRedactor.Redacted, name);
        parameters["tracking_uri"]!.GetValue<string>().Should().Be("https://ana:***@mlflow.example.com/api");
        parameters["note"]!.GetValue<string>().Should().Be("sent Authorization: ***", "a header value runs to the end of its line");
        parameters["connection"]!.GetValue<string>().Should().Be("Host=db;Password=***");
    }

    [Fact]
    public async Task TheTrail_GrowsByKilobytes_ForACallWithMegabytesOfArguments()
    {
        var path = Path.Combine(WorkspaceRoot, "audit", "audit.jsonl");
        await RecordAsync("warm-up");
        var before = new FileInfo(path).Length;
        var huge = new Dictionary<string, object>
        {
            ["text"] = new string('x', 1_000_000),
            ["ids"] = Enumerable.Range(0, 50_000).ToArray(),
            ["wide"] = Enumerable.Range(0, 2_000).ToDictionary(i => $"p{i}", i => new string('y', 500)),
        };

        await RecordAsync("huge", parameters: huge);

        var added = new FileInfo(path).Length - before;
        added.Should().BeLessThan(64 * 1024, "the call entry holds a bounded summary; the record entries are small");
        var call = (await CallOkAsync("workbench_audit", new { action = "query", tool = "workbench_record_run", limit = 1 })).Structured()
            .GetProperty("entries")[0];
        call.GetProperty("arguments").GetProperty("parameters").GetProperty("text").GetString().Should().EndWith("… (1,000,000 characters)");
        call.GetProperty("argumentsSha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task AFifoNamedAsAnInputFile_IsRefusedAtOnce_AndNeverOpenedByTheAuditFilter()
    {
        var fifo = Path.Combine(DataRoot, "pipe.csv");
        using (var mkfifo = Process.Start("mkfifo", fifo))
            mkfifo.WaitForExit();
        var output = Artifacts.Write(DataRoot, "out.csv", "a\n1\n");

        // Opening the FIFO would block until a writer comes (none does), so an answer at all proves it was not opened;
        // the 60 s guard only keeps a regression from hanging the suite.
        var result = await CallAsync("workbench_record_run", new { title = "t", output_files = new[] { output }, summary = "s", input_files = new[] { fifo } })
            .WaitAsync(TimeSpan.FromSeconds(60));

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("is not a regular file (a FIFO, socket or device)");
        var entry = (await CallOkAsync("workbench_audit", new { action = "query", tool = "workbench_record_run", limit = 1 })).Structured()
            .GetProperty("entries")[0];
        entry.GetProperty("outcome").GetString().Should().StartWith("error:");
        entry.GetProperty("inputHashes").EnumerateObject().Select(p => p.Name).Should().Equal($"output_files:{output}");
    }
}
