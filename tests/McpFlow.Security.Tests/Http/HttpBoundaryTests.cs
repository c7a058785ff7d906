using System.Net.Http.Headers;
using System.Text;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;
using Xunit.Abstractions;

namespace McpFlow.Security.Tests.Http;

/// <summary>
/// The Streamable HTTP transport's boundary, against a real server on a loopback port with a bearer token (extends
/// McpFlow.Server.Tests' e2e checks of a missing token and a foreign Origin): wrong, partial, extended and misplaced
/// tokens; the token in the query or as Basic auth; every method and other paths without it; a session id is not a
/// credential; foreign Host headers (DNS rebinding) and look-alike Origins even with the token; refusals do not repeat
/// what was sent; an oversized body; and the server still serves its real client after all of it.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class HttpBoundaryTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Json = new() { ["Accept"] = "application/json, text/event-stream" };

    [Fact]
    public async Task HttpEndpoint_RefusesEveryRequestWithoutTheRightTokenHostAndOrigin()
    {
        using var sandbox = new SandboxFolders("http");
        await using var server = await HttpServer.StartAsync(sandbox);
        using var http = new HttpClient { Timeout = Deadlines.Call };
        var log = SecurityLedger.Begin("http.boundary");
        var session = await SessionIdAsync(http, server);
        foreach (var probe in Probes(server, session))
        {
            var findings = new List<Finding>();
            var (status, body) = await SendAsync(http, server, probe);
            if (!probe.Held(status))
                findings.Add(new Finding(Problem.NotRefused, "", $"answered {status}: {Short(body)}"));
            foreach (var sent in probe.Headers.Values.Where(v => v.Length > 40))
                if (body.Contains(sent, StringComparison.Ordinal))
                    findings.Add(new Finding(Problem.Echo, "", $"the refusal repeats a {sent.Length}-character header"));
            if (body.Contains("redteam-wrong-", StringComparison.Ordinal))
                findings.Add(new Finding(Problem.Echo, "", "the refusal repeats the presented token"));
            if (!server.IsAlive)
                findings.Add(new Finding(Problem.Crash, "", "the server exited"));
            log.Add(probe.Label, probe.Held(status), findings);
        }

        var after = await SendAsync(http, server, new HttpProbe("the real client still works", HttpMethod.Post, "/mcp",
            new Dictionary<string, string>(Json) { ["Authorization"] = "Bearer " + HttpServer.Token }, HttpProbe.Initialize, s => s == 200));
        log.Add("the real client still works", false, after.Status == 200 ? [] : [new Finding(Problem.Crash, "", $"initialize with the token answered {after.Status}")]);
        log.AssertClean(output);
    }

    private static IEnumerable<HttpProbe> Probes(HttpServer server, string? session)
    {
        var token = "Bearer " + HttpServer.Token;
        Dictionary<string, string> With(params (string Key, string Value)[] headers)
        {
            var all = new Dictionary<string, string>(Json);
            foreach (var (key, value) in headers)
                all[key] = value;
            return all;
        }

        var post = HttpMethod.Post;
        yield return new("wrong token", post, "/mcp", With(("Authorization", "Bearer redteam-wrong-token-0000")), HttpProbe.Initialize, HttpProbe.Refused);
        yield return new("token prefix", post, "/mcp", With(("Authorization", token[..^4])), HttpProbe.Initialize, HttpProbe.Refused);
        yield return new("token with a suffix", post, "/mcp", With(("Authorization", token + "x")), HttpProbe.Initialize, HttpProbe.Refused);
        yield return new("token without the scheme", post, "/mcp", With(("Authorization", HttpServer.Token)), HttpProbe.Initialize, HttpProbe.Refused);
        yield return new("token as Basic credentials", post, "/mcp", With(("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + HttpServer.Token)))), HttpProbe.Initialize, HttpProbe.Refused);
        yield return new("token in the query string", post, "/mcp?access_token=" + HttpServer.Token, With(), HttpProbe.Initialize, HttpProbe.Refused);
        yield return new("token in another header", post, "/mcp", With(("X-Api-Key", HttpServer.Token)), HttpProbe.Initialize, HttpProbe.Refused);
        yield return new("empty bearer", post, "/mcp", With(("Authorization", "Bearer ")), HttpProbe.Initialize, HttpProbe.Refused);
        yield return new("GET (event stream) without a token", HttpMethod.Get, "/mcp", With(("Accept", "text/event-stream")), null, HttpProbe.Refused);
        yield return new("DELETE without a token", HttpMethod.Delete, "/mcp", With(), null, HttpProbe.Refused);
        foreach (var path in new[] { "/", "/mcp/", "/MCP", "/sse", "/messages", "/health", "/mcp/../mcp", "/%6Dcp" })
            yield return new($"POST {path} without a token", post, path, With(), HttpProbe.Initialize, HttpProbe.ClientError);
        if (session is not null)
        {
            yield return new("a session id without the token", post, "/mcp", With(("Mcp-Session-Id", session)), HttpProbe.ServerInfo, HttpProbe.Refused);
            yield return new("a session id with a wrong token", post, "/mcp", With(("Mcp-Session-Id", session), ("Authorization", "Bearer redteam-wrong-token-0001")), HttpProbe.ServerInfo, HttpProbe.Refused);
            yield return new("a session id with a foreign Origin", post, "/mcp", With(("Mcp-Session-Id", session), ("Authorization", token), ("Origin", "https://evil.example")), HttpProbe.ServerInfo, HttpProbe.Refused);
        }

        foreach (var host in new[] { "attacker.example", $"attacker.example:{server.Port}", "127.0.0.1.attacker.example", "localhost.attacker.example", "0x7f000001.attacker.example" })
            yield return new($"Host {host} with the token", post, "/mcp", With(("Authorization", token), ("Host", host)), HttpProbe.Initialize, HttpProbe.Refused);
        foreach (var origin in new[] { "http://127.0.0.1.evil.example", "http://localhost.evil.example", "null", "file://", "http://[::1].evil.example", "https://evil.example:443", "http://evil.example#http://127.0.0.1" })
            yield return new($"Origin {origin} with the token", post, "/mcp", With(("Authorization", token), ("Origin", origin)), HttpProbe.Initialize, HttpProbe.Refused);
        yield return new("a 10,000-character Origin", post, "/mcp", With(("Authorization", token), ("Origin", "https://" + new string('e', 10_000) + ".example")), HttpProbe.Initialize, HttpProbe.Refused);
        yield return new("a 50 MB body with the token", post, "/mcp", With(("Authorization", token)),
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"params\":{\"pad\":\"" + new string('x', 50 << 20) + "\"}}", HttpProbe.ClientError);
    }

    private static async Task<string?> SessionIdAsync(HttpClient http, HttpServer server)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent(HttpProbe.Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", HttpServer.Token);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request);
        return response.Headers.TryGetValues("Mcp-Session-Id", out var values) ? values.FirstOrDefault() : null;
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient http, HttpServer server, HttpProbe probe)
    {
        using var request = new HttpRequestMessage(probe.Method, new Uri($"http://127.0.0.1:{server.Port}{probe.Path}"));
        if (probe.Body is not null)
            request.Content = new StringContent(probe.Body, Encoding.UTF8, "application/json");
        foreach (var (key, value) in probe.Headers)
        {
            if (key == "Host")
                request.Headers.Host = value;
            else
                request.Headers.TryAddWithoutValidation(key, value);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var body = response.StatusCode == System.Net.HttpStatusCode.OK && probe.Method == HttpMethod.Get ? "(event stream)" : await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            // The server closed the connection on the request (e.g. a body over its limit): refused, not served.
            return (499, "connection closed: " + ex.Message);
        }
    }

    private static string Short(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
