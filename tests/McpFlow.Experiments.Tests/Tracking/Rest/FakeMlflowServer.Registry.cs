using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace McpFlow.Experiments.Tests.Tracking.Rest;

/// <summary>
/// The model registry endpoints of the double, with MLflow's handler semantics (mlflow/server/handlers.py over
/// mlflow/store/model_registry/sqlalchemy_store.py): a duplicate name is 400 RESOURCE_ALREADY_EXISTS, an unknown
/// model or version 404 RESOURCE_DOES_NOT_EXIST, versions count from 1 per model and start in stage "None" with status
/// READY, stages are matched case-insensitively and returned canonical, archive_existing_versions moves the other
/// versions of the target stage to Archived (and is refused for a non-active stage), an alias is one per model and
/// moves when set again, int64 fields are written as strings. Seeded with "churn" version 3 in Production.
/// </summary>
public sealed partial class FakeMlflowServer
{
    private static readonly string[] Stages = ["None", "Staging", "Production", "Archived"];

    private readonly Dictionary<string, FakeModel> _models = new(StringComparer.Ordinal)
    {
        ["churn"] = new FakeModel("churn", 1700000000000) { Versions = { new FakeVersion(3, 1700000000000) { Stage = "Production", RunId = "r1", Source = "mlflow-artifacts:/7/r1/artifacts" } } },
    };

    private long _clock = 1700000500000;

    private sealed class FakeModel(string name, long created)
    {
        public string Name { get; } = name;
        public long Created { get; } = created;
        public long Updated { get; set; } = created;
        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);
        public List<FakeVersion> Versions { get; } = [];
    }

    private sealed class FakeVersion(int version, long created)
    {
        public int Version { get; } = version;
        public long Created { get; } = created;
        public long Updated { get; set; } = created;
        public string Stage { get; set; } = "None";
        public string? Source { get; set; }
        public string? RunId { get; set; }
        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    }

    private void MapRegistry(WebApplication app)
    {
        const string api = "/api/2.0/mlflow/";
        app.MapPost(api + "registered-models/create", (HttpContext ctx) => Locked(() =>
        {
            var name = Body(ctx)["name"]!.GetValue<string>();
            if (_models.ContainsKey(name))
                return Error(400, "RESOURCE_ALREADY_EXISTS", $"Registered Model (name={name}) already exists.");
            var model = _models[name] = new FakeModel(name, Tick());
            return Results.Json(new JsonObject { ["registered_model"] = ModelJson(model) });
        }));
        app.MapGet(api + "registered-models/get", (HttpContext ctx) => Locked(() =>
            WithModel(ctx.Request.Query["name"]!, m => Results.Json(new JsonObject { ["registered_model"] = ModelJson(m) }))));
        app.MapGet(api + "registered-models/search", (HttpContext ctx) => Locked(() =>
        {
            var max = int.Parse(ctx.Request.Query["max_results"].FirstOrDefault() ?? "100", CultureInfo.InvariantCulture);
            var offset = ctx.Request.Query["page_token"].FirstOrDefault() is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : 0;
            var filter = ctx.Request.Query["filter"].FirstOrDefault();
            var like = filter is null ? null : filter.Split('\'')[1].Trim('%'); // "name LIKE '%x%'", the form the tests send
            var all = _models.Values.Where(m => like is null || m.Name.Contains(like, StringComparison.Ordinal)).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
            var page = all.Skip(offset).Take(max).Select(m => (JsonNode)ModelJson(m)).ToArray();
            var next = offset + page.Length < all.Count ? (offset + page.Length).ToString(CultureInfo.InvariantCulture) : null;
            return Results.Json(new JsonObject { ["registered_models"] = new JsonArray(page), ["next_page_token"] = next });
        }));
        app.MapPost(api + "registered-models/set-tag", (HttpContext ctx) => Locked(() =>
            WithModel(Str(ctx, "name"), m =>
            {
                m.Tags[Str(ctx, "key")] = Str(ctx, "value");
                m.Updated = Tick();
                return Results.Json(new { });
            })));
        app.MapDelete(api + "registered-models/delete-tag", (HttpContext ctx) => Locked(() =>
            WithModel(ctx.Request.Query["name"]!, m =>
            {
                m.Tags.Remove(ctx.Request.Query["key"]!);
                return Results.Json(new { });
            })));
        app.MapPost(api + "registered-models/alias", (HttpContext ctx) => Locked(() =>
            WithVersion(Str(ctx, "name"), Str(ctx, "version"), (m, v) =>
            {
                m.Aliases[Str(ctx, "alias")] = v.Version;
                m.Updated = Tick();
                return Results.Json(new { });
            })));
        app.MapGet(api + "registered-models/alias", (HttpContext ctx) => Locked(() =>
            WithModel(ctx.Request.Query["name"]!, m => m.Aliases.TryGetValue(ctx.Request.Query["alias"]!, out var n)
                ? Results.Json(new JsonObject { ["model_version"] = VersionJson(m, m.Versions.Single(v => v.Version == n)) })
                : Error(404, "RESOURCE_DOES_NOT_EXIST", $"Registered model alias {ctx.Request.Query["alias"]} not found."))));
        app.MapDelete(api + "registered-models/alias", (HttpContext ctx) => Locked(() =>
            WithModel(ctx.Request.Query["name"]!, m =>
            {
                m.Aliases.Remove(ctx.Request.Query["alias"]!);
                return Results.Json(new { });
            })));
        app.MapPost(api + "registered-models/get-latest-versions", (HttpContext ctx) => Locked(() =>
            WithModel(Str(ctx, "name"), m =>
            {
                var wanted = Body(ctx)["stages"] is JsonArray a && a.Count > 0 ? a.Select(s => Canonical(s!.GetValue<string>())).ToList() : [.. Stages];
                var latest = Stages.Where(wanted.Contains).Select(stage => m.Versions.Where(v => v.Stage == stage).MaxBy(v => v.Version)).OfType<FakeVersion>();
                return Results.Json(new JsonObject { ["model_versions"] = new JsonArray(latest.Select(v => (JsonNode)VersionJson(m, v)).ToArray()) });
            })));
        app.MapPost(api + "model-versions/create", (HttpContext ctx) => Locked(() =>
            WithModel(Str(ctx, "name"), m =>
            {
                var v = new FakeVersion(m.Versions.Select(x => x.Version).DefaultIfEmpty(0).Max() + 1, Tick()) { Source = Str(ctx, "source"), RunId = Body(ctx)["run_id"]?.GetValue<string>() };
                foreach (var tag in Body(ctx)["tags"] as JsonArray ?? [])
                    v.Tags[tag!["key"]!.GetValue<string>()] = tag["value"]!.GetValue<string>();
                m.Versions.Add(v);
                m.Updated = v.Created;
                return Results.Json(new JsonObject { ["model_version"] = VersionJson(m, v) });
            })));
        app.MapGet(api + "model-versions/get", (HttpContext ctx) => Locked(() =>
            WithVersion(ctx.Request.Query["name"]!, ctx.Request.Query["version"]!, (m, v) => Results.Json(new JsonObject { ["model_version"] = VersionJson(m, v) }))));
        app.MapGet(api + "model-versions/search", (HttpContext ctx) => Locked(() =>
        {
            var name = ctx.Request.Query["filter"].FirstOrDefault()?.Split('\'')[1]; // "name='x'"
            var versions = _models.Values.Where(m => name is null || m.Name == name)
                .SelectMany(m => m.Versions.Select(v => (m, v))).OrderByDescending(x => x.v.Updated).ThenByDescending(x => x.v.Version);
            return Results.Json(new JsonObject { ["model_versions"] = new JsonArray(versions.Select(x => (JsonNode)VersionJson(x.m, x.v)).ToArray()) });
        }));
        app.MapPost(api + "model-versions/transition-stage", (HttpContext ctx) => Locked(() =>
            WithVersion(Str(ctx, "name"), Str(ctx, "version"), (m, v) =>
            {
                var stage = Canonical(Str(ctx, "stage"));
                var archive = Body(ctx)["archive_existing_versions"]?.GetValue<bool>() == true;
                if (archive && stage is not ("Staging" or "Production"))
                    return Error(400, "INVALID_PARAMETER_VALUE", $"Model version transition cannot archive existing model versions because '{stage}' is not an Active stage.");
                var now = Tick();
                if (archive)
                {
                    foreach (var other in m.Versions.Where(o => o != v && o.Stage == stage))
                        (other.Stage, other.Updated) = ("Archived", now);
                }

                (v.Stage, v.Updated, m.Updated) = (stage, now, now);
                return Results.Json(new JsonObject { ["model_version"] = VersionJson(m, v) });
            })));
        app.MapPost(api + "model-versions/set-tag", (HttpContext ctx) => Locked(() =>
            WithVersion(Str(ctx, "name"), Str(ctx, "version"), (m, v) =>
            {
                v.Tags[Str(ctx, "key")] = Str(ctx, "value");
                return Results.Json(new { });
            })));
        app.MapDelete(api + "model-versions/delete-tag", (HttpContext ctx) => Locked(() =>
            WithVersion(ctx.Request.Query["name"]!, ctx.Request.Query["version"]!, (m, v) =>
            {
                v.Tags.Remove(ctx.Request.Query["key"]!);
                return Results.Json(new { });
            })));
    }

    private IResult Locked(Func<IResult> handler)
    {
        lock (_models)
            return handler();
    }

    private long Tick() => _clock += 1000;

    private static JsonNode Body(HttpContext ctx) => (JsonNode)ctx.Items["body"]!;

    private static string Str(HttpContext ctx, string key) => Body(ctx)[key]!.GetValue<string>();

    private static string Canonical(string stage) =>
        Stages.FirstOrDefault(s => s.Equals(stage, StringComparison.OrdinalIgnoreCase)) ?? throw new BadHttpRequestException("Invalid Model Version stage " + stage);

    private IResult WithModel(string name, Func<FakeModel, IResult> then) =>
        _models.TryGetValue(name, out var m) ? then(m) : Error(404, "RESOURCE_DOES_NOT_EXIST", $"Registered Model with name={name} not found");

    private IResult WithVersion(string name, string version, Func<FakeModel, FakeVersion, IResult> then) =>
        WithModel(name, m => m.Versions.FirstOrDefault(v => v.Version.ToString(CultureInfo.InvariantCulture) == version) is { } v
            ? then(m, v)
            : Error(404, "RESOURCE_DOES_NOT_EXIST", $"Model Version (name={name}, version={version}) not found"));

    private static JsonObject ModelJson(FakeModel m) => new()
    {
        ["name"] = m.Name, ["creation_timestamp"] = m.Created.ToString(CultureInfo.InvariantCulture), ["last_updated_timestamp"] = m.Updated.ToString(CultureInfo.InvariantCulture),
        ["latest_versions"] = new JsonArray(Stages.Select(stage => m.Versions.Where(v => v.Stage == stage).MaxBy(v => v.Version)).OfType<FakeVersion>().Select(v => (JsonNode)VersionJson(m, v)).ToArray()),
        ["tags"] = new JsonArray(m.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
        ["aliases"] = new JsonArray(m.Aliases.Select(a => (JsonNode)new JsonObject { ["alias"] = a.Key, ["version"] = a.Value.ToString(CultureInfo.InvariantCulture) }).ToArray()),
    };

    private static JsonObject VersionJson(FakeModel m, FakeVersion v) => new()
    {
        ["name"] = m.Name, ["version"] = v.Version.ToString(CultureInfo.InvariantCulture),
        ["creation_timestamp"] = v.Created.ToString(CultureInfo.InvariantCulture), ["last_updated_timestamp"] = v.Updated.ToString(CultureInfo.InvariantCulture),
        ["current_stage"] = v.Stage, ["source"] = v.Source, ["run_id"] = v.RunId, ["status"] = "READY",
        ["tags"] = new JsonArray(v.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
        ["aliases"] = new JsonArray(m.Aliases.Where(a => a.Value == v.Version).Select(a => (JsonNode)JsonValue.Create(a.Key)).ToArray()),
    };
}
