using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Http;

namespace McpFlow.Security.Tests.Team;

/// <summary>A raw MCP session over HTTP as one bearer token (JSON-RPC posts, the session id header set by hand, so an
/// attack can pair one user's token with another's session).</summary>
internal sealed class TeamSession(HttpClient http, HttpServer server, string token)
{
    private int _id = 10;

    /// <summary>The session id the server gave at initialize, or null.</summary>
    public string? SessionId { get; private set; }

    /// <summary>One answer: HTTP status, the JSON-RPC message (null when the body held none) and the raw body.</summary>
    public sealed record Answer(int Status, JsonNode? Message, string Body)
    {
        /// <summary>The tool result's text, or the JSON-RPC error's message, or the body.</summary>
        public string Text =>
            Message?["result"]?["content"] is JsonArray content
                ? string.Join("\n", content.Select(c => c?["text"]?.GetValue<string>()).OfType<string>())
                : Message?["error"]?["message"]?.GetValue<string>() ?? Body;

        /// <summary>True when the request was not carried out: an HTTP refusal, a JSON-RPC error or an error result.</summary>
        public bool Refused => Status != 200 || Message?["error"] is not null || Message?["result"]?["isError"]?.GetValue<bool>() == true;

        /// <summary>The tool result's structured content.</summary>
        public JsonNode? Structured => Message?["result"]?["structuredContent"];
    }

    /// <summary>Initializes the session (and sends notifications/initialized).</summary>
    public async Task<Answer> InitializeAsync()
    {
        var answer = await PostAsync(HttpProbe.Initialize, session: null);
        if (answer.Status == 200)
            await PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", SessionId);
        return answer;
    }

    /// <summary>Calls a tool in this session, or in <paramref name="session"/> when given (a hijack attempt).</summary>
    public Task<Answer> CallAsync(string tool, object arguments, string? session = null)
    {
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = ++_id, ["method"] = "tools/call",
            ["params"] = new JsonObject { ["name"] = tool, ["arguments"] = JsonSerializer.SerializeToNode(arguments) },
        };
        return PostAsync(body.ToJsonString(), session ?? SessionId);
    }

    private async Task<Answer> PostAsync(string json, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (session is not null)
            request.Headers.Add("Mcp-Session-Id", session);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (session is null && response.Headers.TryGetValues("Mcp-Session-Id", out var ids))
            SessionId = ids.FirstOrDefault();
        return new Answer((int)response.StatusCode, Parse(body), body);
    }

    // A JSON body, or the last "data:" line of an event stream.
    private static JsonNode? Parse(string body)
    {
        var json = body.TrimStart().StartsWith('{') ? body
            : body.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].Trim()).LastOrDefault(l => l.StartsWith('{'));
        if (json is null)
            return null;
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A new HTTP client with the suite's call deadline.</summary>
    public static HttpClient Client() => new() { Timeout = Deadlines.Call };
}
