using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpFlow.Experiments.Tests.Tracking.Rest;

/// <summary>
/// An in-process MLflow tracking server double on Kestrel (127.0.0.1, port 0) answering with the JSON shapes
/// documented at mlflow.org/docs/latest/rest-api.html: int64 fields written as strings (protobuf JSON mapping),
/// page tokens, {"error_code", "message"} errors. It records every request for the assertions.
/// </summary>
public sealed partial class FakeMlflowServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeMlflowServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string? Auth, JsonNode? Body, string Query)> Requests { get; } = new();

    public int FailNextWith503 { get; set; }

    /// <summary>Requests whose path ends with a key get that answer (status, content type, body) every time.</summary>
    public ConcurrentDictionary<string, (int Status, string ContentType, string Body)> FailPaths { get; } = new();

    /// <summary>When set, the next request gets this answer (status, content type, body built from the request).</summary>
    public Func<HttpContext, (int Status, string ContentType, string Body)>? RespondNext { get; set; }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Options for a store that talks to this double. The double always answers, so only a hang could reach
    /// the time limits: they are set far above what a loaded test machine needs (the default 8 s per attempt ran out
    /// once under a load average of 24 while the first request was still being compiled), and tests about time
    /// limits set their own.</summary>
    public McpFlow.Experiments.Tracking.Rest.MlflowRestOptions StoreOptions() =>
        new() { BaseUri = BaseUri, AttemptTimeout = TimeSpan.FromMinutes(5), TotalTimeout = TimeSpan.FromMinutes(5) };

    public List<JsonObject> Runs { get; } = [];

    public static async Task<FakeMlflowServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeMlflowServer(app);
        server.Map(app);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            JsonNode? body = null;
            if (ctx.Request.ContentLength > 0 || ctx.Request.Method == "POST")
            {
                using var reader = new StreamReader(ctx.Request.Body);
                var text = await reader.ReadToEndAsync();
                try
                {
                    body = text.Length > 0 ? JsonNode.Parse(text) : null;
                }
                catch (System.Text.Json.JsonException)
                {
                    body = null; // an artifact upload's bytes
                }

                ctx.Items["body"] = body;
            }

            Requests.Enqueue((ctx.Request.Path, ctx.Request.Headers.Authorization.FirstOrDefault(), body, ctx.Request.QueryString.Value ?? ""));
            if (RespondNext is { } respond)
            {
                RespondNext = null;
                var (status, contentType, text) = respond(ctx);
                ctx.Response.StatusCode = status;
                ctx.Response.ContentType = contentType;
                await ctx.Response.WriteAsync(text);
                return;
            }

            if (FailPaths.FirstOrDefault(f => ctx.Request.Path.Value!.EndsWith(f.Key, StringComparison.Ordinal)) is { Key: not null } fail)
            {
                ctx.Response.StatusCode = fail.Value.Status;
                ctx.Response.ContentType = fail.Value.ContentType;
                await ctx.Response.WriteAsync(fail.Value.Body);
                return;
            }

            if (FailNextWith503 > 0)
            {
                FailNextWith503--;
                ctx.Response.StatusCode = 503;
                return;
            }

            await next();
        });
        const string api = "/api/2.0/mlflow/";
        app.MapGet(api + "experiments/get-by-name", (HttpContext ctx) => ctx.Request.Query["experiment_name"] == "cifar"
            ? Results.Json(new { experiment = Experiment("7", "cifar") })
            : Error(404, "RESOURCE_DOES_NOT_EXIST", $"Could not find experiment with name '{ctx.Request.Query["experiment_name"]}'"));
        app.MapGet(api + "experiments/get", async (HttpContext ctx) =>
        {
            if (ctx.Request.Query["experiment_id"] == "slow")
                await Task.Delay(TimeSpan.FromSeconds(5), ctx.RequestAborted);
            return ctx.Request.Query["experiment_id"] == "7"
                ? Results.Json(new { experiment = Experiment("7", "cifar") })
                : Error(404, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=" + ctx.Request.Query["experiment_id"] + " exists");
        });
        app.MapPost(api + "experiments/search", () => Results.Json(new { experiments = new[] { Experiment("0", "Default"), Experiment("7", "cifar") } }));
        app.MapPost(api + "experiments/create", () => Results.Json(new { experiment_id = "8" }));
        app.MapPost(api + "runs/search", (HttpContext ctx) =>
        {
            var body = (JsonNode)ctx.Items["body"]!;
            if (body["filter"]?.GetValue<string>() is { } f && f.Contains("bogus", StringComparison.Ordinal))
                return Error(400, "INVALID_PARAMETER_VALUE", "Invalid filter 'bogus'");
            var max = body["max_results"]!.GetValue<int>();
            var offset = body["page_token"] is { } t ? int.Parse(t.GetValue<string>()) : 0;
            var page = Runs.Skip(offset).Take(max).Select(r => r.DeepClone()).ToArray();
            var next = offset + page.Length < Runs.Count ? (offset + page.Length).ToString() : null;
            return Results.Json(new JsonObject { ["runs"] = new JsonArray(page), ["next_page_token"] = next });
        });
        app.MapGet(api + "runs/get", (HttpContext ctx) =>
            Runs.FirstOrDefault(r => r["info"]!["run_id"]!.GetValue<string>() == ctx.Request.Query["run_id"]) is { } run
                ? Results.Json(new JsonObject { ["run"] = run.DeepClone() })
                : Error(404, "RESOURCE_DOES_NOT_EXIST", $"Run '{ctx.Request.Query["run_id"]}' not found"));
        app.MapPost(api + "runs/create", (HttpContext ctx) =>
        {
            var body = (JsonNode)ctx.Items["body"]!;
            var run = Run("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", body["run_name"]!.GetValue<string>(), "RUNNING", 0.0);
            lock (Runs)
                Runs.Add((JsonObject)run.DeepClone());
            return Results.Json(new JsonObject { ["run"] = run });
        });
        app.MapPost(api + "runs/update", (HttpContext ctx) =>
        {
            // As MLflow's UpdateRun: the stored run takes the new status (and end time).
            var body = (JsonNode)ctx.Items["body"]!;
            var id = body["run_id"]!.GetValue<string>();
            lock (Runs)
            {
                foreach (var run in Runs.Where(r => r["info"]!["run_id"]!.GetValue<string>() == id))
                    run["info"]!["status"] = body["status"]!.GetValue<string>();
            }

            return Results.Json(new { run_info = new { run_id = id, status = body["status"]!.GetValue<string>() } });
        });
        app.MapPut("/api/2.0/mlflow-artifacts/artifacts/{**path}", () => Results.Json(new { }));
        app.MapPost(api + "runs/log-batch", () => Results.Json(new { }));
        app.MapGet(api + "metrics/get-history", (HttpContext ctx) =>
        {
            var token = ctx.Request.Query["page_token"].FirstOrDefault();
            var start = token is null ? 0 : int.Parse(token);
            var points = Enumerable.Range(start, 3).Select(i => new { key = "loss", value = 1.0 / (i + 1), timestamp = (1700000000000L + i).ToString(), step = i.ToString() });
            return Results.Json(new { metrics = points, next_page_token = start == 0 ? "3" : null });
        });
        MapRegistry(app);
    }

    public static JsonObject Run(string id, string name, string status, double accuracy) => new()
    {
        ["info"] = new JsonObject
        {
            ["run_id"] = id, ["run_uuid"] = id, ["run_name"] = name, ["experiment_id"] = "7", ["status"] = status,
            ["start_time"] = "1700000000000", ["end_time"] = "1700000100000", ["artifact_uri"] = "mlflow-artifacts:/7/" + id + "/artifacts", ["lifecycle_stage"] = "active",
        },
        ["data"] = new JsonObject
        {
            ["metrics"] = new JsonArray(new JsonObject { ["key"] = "accuracy", ["value"] = accuracy, ["timestamp"] = "1700000050000", ["step"] = "59" }),
            ["params"] = new JsonArray(new JsonObject { ["key"] = "lr", ["value"] = "0.01" }),
            ["tags"] = new JsonArray(new JsonObject { ["key"] = "mlflow.runName", ["value"] = name }),
        },
    };

    private static object Experiment(string id, string name) => new
    {
        experiment_id = id, name, artifact_location = "mlflow-artifacts:/" + id, lifecycle_stage = "active",
        last_update_time = "1700000000000", creation_time = 1700000000000L, tags = new[] { new { key = "team", value = "vision" } },
    };

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error_code = code, message }, statusCode: status);
}
