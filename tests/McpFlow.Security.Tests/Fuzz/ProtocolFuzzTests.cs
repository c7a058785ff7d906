using System.Text;
using McpFlow.Security.Tests.Checks;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;
using Xunit.Abstractions;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>
/// What the SDK's client cannot send, written as raw JSON-RPC lines: every tool with an argument nested 10,000 deep (an
/// object) and 100,000 deep (an array), and malformed messages (not JSON, truncated, invalid UTF-8, wrong shapes, a
/// 10 MB line, batches, repeated initialize). Each must be answered or dropped without harm, and the server must go on
/// serving the next call.
/// </summary>
[Collection(SecurityCollection.Name)]
[TestCaseOrderer(DeclarationOrderer.TypeName, DeclarationOrderer.AssemblyName)]
public sealed class ProtocolFuzzTests(ITestOutputHelper output)
{
    private const string ServerInfo = """{"name":"server_info","arguments":{"probe_engines":false}}""";

    [Fact]
    public async Task DeeplyNestedArguments_AreAnsweredAndTheServerSurvives()
    {
        using var sandbox = new SandboxFolders("deep");
        var launch = new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd);
        var session = await RawJsonRpcSession.StartAsync(launch);
        try
        {
            var log = SecurityLedger.Begin("fuzz.deep-nesting");
            var tools = await session.RequestAsync("tools/list", "{}", Deadlines.Call) ?? throw new InvalidOperationException("tools/list unanswered");
            foreach (var tool in tools.GetProperty("result").GetProperty("tools").EnumerateArray())
            {
                var name = tool.GetProperty("name").GetString()!;
                var parameter = tool.GetProperty("inputSchema").TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).FirstOrDefault() ?? "x" : "x";
                foreach (var (label, value) in new[] { ("object 10,000 deep", Nested("{\"a\":", "1", "}", 10_000)), ("array 100,000 deep", Nested("[", "", "]", 100_000)) })
                {
                    var outcome = await session.OutcomeAsync("tools/call", $$$"""{"name":"{{{name}}}","arguments":{"{{{parameter}}}":{{{value}}}}}""", Deadlines.Call);
                    var findings = OutcomeInspector.Inspect(outcome, null, sandbox);
                    if (outcome.Survived && (await session.OutcomeAsync("tools/call", ServerInfo, Deadlines.Ping)).Kind != OutcomeKind.Answered)
                        findings.Add(new Finding(Problem.Crash, "", "the next call was not answered"));
                    log.Add($"{name}({parameter}: {label})", outcome.Refused, findings, outcome.Elapsed);
                    if (!session.IsAlive || outcome.Kind == OutcomeKind.Hang)
                    {
                        await session.DisposeAsync();
                        session = await RawJsonRpcSession.StartAsync(launch);
                    }
                }
            }

            log.AssertClean(output);
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    [Fact]
    public async Task MalformedMessages_LeaveTheServerServing()
    {
        using var sandbox = new SandboxFolders("protocol");
        var launch = new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd);
        var session = await RawJsonRpcSession.StartAsync(launch);
        try
        {
            var log = SecurityLedger.Begin("fuzz.protocol");
            foreach (var (label, bytes) in Malformed())
            {
                await session.WriteBytesAsync(bytes);
                var next = await session.OutcomeAsync("tools/call", ServerInfo, Deadlines.Ping);
                var findings = OutcomeInspector.Inspect(next, null, sandbox);
                if (next.Kind == OutcomeKind.Answered && next.Refused)
                    findings.Add(new Finding(Problem.Crash, "", "the next call failed: " + next.Excerpt()));
                log.Add(label, false, findings, next.Elapsed);
                if (!next.Survived)
                {
                    await session.DisposeAsync();
                    session = await RawJsonRpcSession.StartAsync(launch);
                }
            }

            log.AssertClean(output);
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    private static IEnumerable<(string Label, byte[] Bytes)> Malformed()
    {
        static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\n");
        yield return ("not JSON", Line("not json at all"));
        yield return ("truncated JSON", Line("{\"jsonrpc\":\"2.0\",\"id\":900,\"method\":\"tools/call\",\"params\":{\"name\":"));
        yield return ("invalid UTF-8", [.. "{\"jsonrpc\":\"2.0\",\"id\":901,\"method\":\"tools/call\",\"params\":{\"name\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}}\n"u8]);
        yield return ("NUL bytes", [.. "{\"jsonrpc\":\"2.0\",\"id\":902,"u8, 0, 0, .. "\"method\":\"x\"}\n"u8]);
        yield return ("no method", Line("""{"jsonrpc":"2.0","id":903}"""));
        yield return ("params a string", Line("""{"jsonrpc":"2.0","id":904,"method":"tools/call","params":"server_info"}"""));
        yield return ("tool name a number", Line("""{"jsonrpc":"2.0","id":905,"method":"tools/call","params":{"name":5}}"""));
        yield return ("arguments an array", Line("""{"jsonrpc":"2.0","id":906,"method":"tools/call","params":{"name":"data_query","arguments":["SELECT 1"]}}"""));
        yield return ("a 1 MB tool name", Line($$$"""{"jsonrpc":"2.0","id":907,"method":"tools/call","params":{"name":"{{{HugeText.Mega}}}"}}"""));
        yield return ("an unknown method", Line("""{"jsonrpc":"2.0","id":908,"method":"admin/shutdown","params":{}}"""));
        yield return ("an object id", Line("""{"jsonrpc":"2.0","id":{"a":1},"method":"tools/list"}"""));
        yield return ("a 10 MB line", Line($$$"""{"jsonrpc":"2.0","id":909,"method":"tools/list","params":{"pad":"{{{new string('x', 10 << 20)}}}"}}"""));
        yield return ("a batch", Line("""[{"jsonrpc":"2.0","id":910,"method":"tools/list"},{"jsonrpc":"2.0","id":911,"method":"tools/list"}]"""));
        yield return ("initialize again", Line("""{"jsonrpc":"2.0","id":912,"method":"initialize","params":{"protocolVersion":"1999-01-01","capabilities":{},"clientInfo":{"name":"x","version":"1"}}}"""));
        yield return ("cancel of an unknown request", Line("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":123456}}"""));
        yield return ("a response nobody asked for", Line("""{"jsonrpc":"2.0","id":913,"result":{"x":1}}"""));
        yield return ("an empty line", Line(""));
        yield return ("a resource URI of 1 MB", Line($$$"""{"jsonrpc":"2.0","id":914,"method":"resources/read","params":{"uri":"mcpflow://jobs/{{{HugeText.Mega}}}"}}"""));
    }

    private static string Nested(string open, string middle, string close, int depth)
    {
        var text = new StringBuilder(depth * (open.Length + close.Length) + middle.Length);
        for (var i = 0; i < depth; i++)
            text.Append(open);
        text.Append(middle);
        for (var i = 0; i < depth; i++)
            text.Append(close);
        return text.ToString();
    }
}
