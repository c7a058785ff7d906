using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpFlow.Security.Tests.Http;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;
using Xunit.Abstractions;

namespace McpFlow.Security.Tests.Team;

/// <summary>
/// The HTTP team mode (issue 16) attacked over real HTTP, against the real server process started with users given on
/// the command line (<c>--user name:role:sha256</c>) and a JWT issuer in its configuration file: calls beyond the role
/// (a viewer writing or deciding, an analyst approving), an approver approving their own run, forged JWTs (another key,
/// HS256 with a made-up secret, alg=none, another issuer or audience, expired, no role, hostile names), identity
/// spoofing through arguments and through another user's session, and one user exhausting their rate limit. Each
/// attempt must be refused with an answer that says why, leave an audit entry naming the user when the identity was
/// verified (the trail still verifies), repeat no token, and leave the server serving.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class TeamModeAttackTests(ITestOutputHelper output)
{
    private const int PermitsPerWindow = 40;
    private static readonly string[] Names = ["vic", "ana", "bea", "cal", "rita"];
    private static readonly string[] Roles = ["viewer", "analyst", "approver", "approver", "viewer"];

    // Tokens made per run (as --new-token would), so an echo or a log line holding one is recognisable.
    private readonly Dictionary<string, string> _tokens = Names.ToDictionary(n => n, n => $"redteam-team-{n}-{Guid.NewGuid():N}");

    [Fact]
    public async Task TeamMode_RefusesAuditsAndSurvivesEveryIdentityAttack()
    {
        using var sandbox = new SandboxFolders("team");
        using var forge = new JwtForge();
        var config = Path.Combine(sandbox.Base, "team.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            http = new
            {
                jwt = new { issuer = JwtForge.Issuer, audience = JwtForge.Audience, signingKeysFile = forge.WriteJwks(sandbox.Base) },
                rateLimit = new { permitsPerWindow = PermitsPerWindow, windowSeconds = 3600 }, // an hour: no window rolls over during the test
            },
        }));
        List<string> options = ["--config", config];
        for (var i = 0; i < Names.Length; i++)
            options.AddRange(["--user", $"{Names[i]}:{Roles[i]}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_tokens[Names[i]])))}"]);
        await using var server = await HttpServer.StartAsync(sandbox, new Dictionary<string, string>(), options);
        using var http = TeamSession.Client();
        var audit = Path.Combine(sandbox.Workspace, "audit", "audit.jsonl");
        var probe = new Probe(server, audit, _tokens.Values.ToList());
        var sessions = new Dictionary<string, TeamSession>();
        foreach (var name in new[] { "vic", "ana", "bea", "cal" })
        {
            sessions[name] = new TeamSession(http, server, _tokens[name]);
            (await sessions[name].InitializeAsync()).Status.Should().Be(200, $"{name}'s token is configured");
        }

        var output1 = Path.Combine(sandbox.Root, "out.csv");
        await File.WriteAllTextAsync(output1, "x,y\n1,2\n");
        var anasRun = await RecordAsync(sessions["ana"], output1);
        var beasRun = await RecordAsync(sessions["bea"], output1);

        var roles = SecurityLedger.Begin("team.roles");
        await probe.Check(roles, "viewer calls data_load", () => sessions["vic"].CallAsync("data_load", new { path = output1 }),
            "needs the role analyst", ("vic", "data_load", "refused"));
        await probe.Check(roles, "viewer records a run", () => sessions["vic"].CallAsync("workbench_record_run", new { title = "t", output_files = new[] { output1 }, summary = "s" }),
            "needs the role analyst", ("vic", "workbench_record_run", "refused"));
        await probe.Check(roles, "viewer approves a run", () => sessions["vic"].CallAsync("workbench_decide", new { run_id = anasRun, decision = "approve" }),
            "needs the role approver", ("vic", "workbench_decide", "refused"));
        await probe.Check(roles, "viewer cancels a job", () => sessions["vic"].CallAsync("job_cancel", new { job_id = "job-20261203-080000-ab12cd" }),
            "needs the role analyst", ("vic", "job_cancel", "refused"));
        await probe.Check(roles, "analyst approves a run", () => sessions["ana"].CallAsync("workbench_decide", new { run_id = anasRun, decision = "approve" }),
            "needs the role approver", ("ana", "workbench_decide", "refused"));
        await probe.Check(roles, "analyst requests an approval", () => sessions["ana"].CallAsync("workbench_request_approval", new { run_id = anasRun }),
            "needs the role approver", ("ana", "workbench_request_approval", "refused"));
        await probe.Check(roles, "analyst moves a model alias", () => sessions["ana"].CallAsync("mlflow_set_model_alias", new { name = "m", alias = "champion", version = 1 }),
            "needs the role approver", ("ana", "mlflow_set_model_alias", "refused"));
        await probe.Check(roles, "approver approves their own run", () => sessions["bea"].CallAsync("workbench_decide", new { run_id = beasRun, decision = "approve" }),
            "another approver must approve it", ("bea", "workbench_decide", "tool_call"));
        await probe.Check(roles, "approver approves their own run naming another reviewer", () => sessions["bea"].CallAsync("workbench_decide", new { run_id = beasRun, decision = "approve", reviewer = "cal" }),
            "another approver must approve it", ("bea", "workbench_decide", "tool_call"));
        roles.AssertClean(output);

        var spoofing = SecurityLedger.Begin("team.spoofing");
        await probe.Check(spoofing, "analyst records a run with recordedBy naming an approver", () => sessions["ana"].CallAsync("workbench_record_run",
            new { title = "t", output_files = new[] { output1 }, summary = "s", recordedBy = "bea" }), "recordedBy", null);
        await probe.Check(spoofing, "analyst calls in an approver's session", () => sessions["ana"].CallAsync("workbench_decide", new { run_id = anasRun, decision = "approve" }, sessions["bea"].SessionId),
            "", null);
        // Not refusable: an approver deciding someone else's run with reviewer/decided_by naming a third user. The
        // decision must be recorded under the authenticated approver, whatever the arguments say.
        var approved = await probe.Measure(() => sessions["cal"].CallAsync("workbench_decide", new { run_id = anasRun, decision = "approve", reviewer = "bea" }));
        var approval = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(sandbox.Workspace, "runs", anasRun, "approval.json"))).RootElement;
        var recordedBy = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(sandbox.Workspace, "runs", anasRun, "manifest.json"))).RootElement.GetProperty("recordedBy").GetString();
        var reviewer = approval.GetProperty("reviewer").GetString();
        spoofing.Add("approver names another reviewer in the arguments", true,
            approved.Answer.Refused || reviewer != "cal" || recordedBy != "ana"
                ? [new Finding(Problem.NotRefused, "", $"answered {Short(approved.Answer.Text)}; approval.json reviewer '{reviewer}', manifest recordedBy '{recordedBy}' (expected cal and ana)")]
                : probe.Audited(approved.Before, ("cal", "workbench_decide", "tool_call")), approved.Elapsed);
        spoofing.AssertClean(output);

        var jwt = SecurityLedger.Begin("team.jwt");
        var now = DateTimeOffset.UtcNow;
        var hour = TimeSpan.FromHours(1);
        await probe.Check(jwt, "JWT signed with another key under the issuer's key id", () => Initialize(http, server, JwtForge.OtherKey("mallory", ["approver"], now, hour)),
            "signature does not verify", null);
        await probe.Check(jwt, "JWT signed with HS256 and a made-up secret", () => Initialize(http, server, JwtForge.SymmetricKey("mallory", ["approver"], now, hour)),
            "Bearer token refused", null);
        await probe.Check(jwt, "JWT with alg=none", () => Initialize(http, server, JwtForge.Unsigned("mallory", ["approver"], now, hour)),
            "Bearer token refused", null);
        await probe.Check(jwt, "JWT of another issuer", () => Initialize(http, server, forge.Signed("mallory", ["approver"], now, hour, issuer: "https://evil.example/realms/team")),
            "issuer (iss) is not the configured one", null);
        await probe.Check(jwt, "JWT for another audience", () => Initialize(http, server, forge.Signed("dora", ["approver"], now, hour, audience: "another-service")),
            "audience (aud) is not this server's", ("dora", null, "refused"));
        await probe.Check(jwt, "expired JWT", () => Initialize(http, server, forge.Signed("dora", ["approver"], now - 3 * hour, hour)),
            "it has expired", ("dora", null, "refused"));
        await probe.Check(jwt, "JWT not valid yet", () => Initialize(http, server, forge.Signed("dora", ["approver"], now + 3 * hour, hour)),
            "it is not valid yet", ("dora", null, "refused"));
        await probe.Check(jwt, "JWT without an McpFlow role", () => Initialize(http, server, forge.Signed("dora", ["admin", "root"], now, hour)),
            "names no user with an McpFlow role", ("dora", null, "refused"));
        foreach (var (label, name) in new[]
                 {
                     ("a CR LF header injection", "dora\r\nX-Injected: yes"), ("a LF and a fake audit line", "dora\n{\"kind\":\"tool_call\"}"), ("the local user's name", "local"),
                     ("the local user's name in capitals", "LOCAL"), ("a 300-character name", new string('d', 300)), ("a name with a NUL", "dora\0bea"),
                     ("a look-alike name (Cyrillic a)", "\u0430na"),
                 })
        {
            await probe.Check(jwt, $"signed JWT whose user name is {label}", () => Initialize(http, server, forge.Signed(name, ["approver"], now, hour)),
                "must name the user", null);
        }

        jwt.AssertClean(output);

        var limits = SecurityLedger.Begin("team.rate-limit");
        var rita = new TeamSession(http, server, _tokens["rita"]);
        var started = Stopwatch.StartNew();
        var statuses = new List<int>();
        var before = probe.Entries().Count;
        // Each served initialize is two requests (initialize, notifications/initialized), a refused one is one: of 50,
        // the first 20 are served (40 requests), the other 30 get 429; of those 30 refusals at most 20 are written one by
        // one (RefusalAudit.EntriesPerWindow), the rest are counted for a summary.
        const int served = PermitsPerWindow / 2, refused = 30;
        for (var i = 0; i < served + refused; i++)
            statuses.Add((await rita.InitializeAsync()).Status);
        var ritasEntries = probe.Entries().Skip(before).Count(e => Text(e, "user") == "rita" && Text(e, "kind") == "refused");
        List<Finding> flood = [];
        if (!statuses.Take(served).All(s => s == 200))
            flood.Add(new Finding(Problem.Unexpected, "", $"requests within the limit answered {string.Join(",", statuses.Take(served).Distinct())}"));
        if (!statuses.Skip(served).All(s => s == 429))
            flood.Add(new Finding(Problem.NotRefused, "", $"requests over the limit answered {string.Join(",", statuses.Skip(served).Distinct())}"));
        if (ritasEntries != 20)
            flood.Add(new Finding(Problem.NotAudited, "", $"{ritasEntries} refused entries for rita (expected 20: audited, but bounded)"));
        limits.Add("one user exhausts their rate limit", true, flood, started.Elapsed);
        await probe.Check(limits, "another user is still served and refused by role as before", () => sessions["vic"].CallAsync("data_load", new { path = output1 }),
            "needs the role analyst", ("vic", "data_load", "refused"));
        limits.AssertClean(output);

        var verify = await sessions["cal"].CallAsync("workbench_audit", new { action = "verify" });
        verify.Text.Should().Contain("Audit trail intact", "the refusals are part of the chain");
        server.Output.Should().NotContainAny(_tokens.Values, "no token reaches the server's log");
        server.IsAlive.Should().BeTrue();
    }

    private static async Task<string> RecordAsync(TeamSession session, string file)
    {
        var answer = await session.CallAsync("workbench_record_run", new { title = "Red-team run", output_files = new[] { file }, summary = "Two numbers." });
        answer.Refused.Should().BeFalse(answer.Text);
        return answer.Structured!["runId"]!.GetValue<string>();
    }

    private static Task<TeamSession.Answer> Initialize(HttpClient http, HttpServer server, string token) => new TeamSession(http, server, token).InitializeAsync();

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Short(string text) => text.Length <= 160 ? text : text[..160] + "…";

    /// <summary>Runs one attempt and judges it: refused, says why, audited, no token repeated, server alive.</summary>
    private sealed class Probe(HttpServer server, string audit, IReadOnlyList<string> tokens)
    {
        public List<JsonElement> Entries() => File.Exists(audit)
            ? File.ReadAllLines(audit).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList()
            : [];

        public async Task<(TeamSession.Answer Answer, int Before, TimeSpan Elapsed)> Measure(Func<Task<TeamSession.Answer>> act)
        {
            var before = Entries().Count;
            var watch = Stopwatch.StartNew();
            var answer = await act();
            return (answer, before, watch.Elapsed);
        }

        /// <summary>Findings unless an entry after <paramref name="before"/> names the user (and tool) with the kind.</summary>
        public List<Finding> Audited(int before, (string User, string? Tool, string Kind) expected) =>
            Entries().Skip(before).Any(e => Text(e, "user") == expected.User && Text(e, "tool") == expected.Tool && Text(e, "kind") == expected.Kind)
                ? []
                : [new Finding(Problem.NotAudited, "", $"no {expected.Kind} entry for user {expected.User} and tool {expected.Tool ?? "(none)"}")];

        public async Task Check(AttemptLog log, string label, Func<Task<TeamSession.Answer>> act, string why, (string User, string? Tool, string Kind)? audited)
        {
            var (answer, before, elapsed) = await Measure(act);
            var findings = new List<Finding>();
            if (!answer.Refused)
                findings.Add(new Finding(Problem.NotRefused, "", $"answered {answer.Status}: {Short(answer.Text)}"));
            else if (!answer.Text.Contains(why, StringComparison.Ordinal))
                findings.Add(new Finding(Problem.Unexpected, "", $"the refusal does not say why (expected '{why}'): {answer.Status} {Short(answer.Text)}"));
            if (audited is { } expected)
                findings.AddRange(Audited(before, expected));
            if (tokens.Any(t => answer.Body.Contains(t, StringComparison.Ordinal)))
                findings.Add(new Finding(Problem.Leak, "", "the answer repeats a bearer token"));
            if (!server.IsAlive)
                findings.Add(new Finding(Problem.Crash, "", "the server exited"));
            log.Add(label, answer.Refused, findings, elapsed);
        }
    }
}
