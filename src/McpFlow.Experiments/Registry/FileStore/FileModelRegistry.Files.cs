using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Experiments.Search;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.FileStore;

namespace McpFlow.Experiments.Registry.FileStore;

// Reading and writing the registry's files. Each meta.yaml holds exactly the keys MLflow's file store writes:
// dict(RegisteredModel) without tags and latest_versions (_save_registered_model_as_meta_file), and
// dict(FileModelVersion) without tags (_save_model_version_as_meta_file); both sorted, as write_yaml's sort_keys.
public sealed partial class FileModelRegistry
{
    private sealed record ModelMeta(long? Created, string? Description);

    private sealed record VersionMeta(string Name, int Version, long? Created, long? Updated, string Stage, string? Description, string? Source, string? RunId, string? StorageLocation);

    private string ModelFolder(string name)
    {
        RegistryNames.RequireModelName(name);
        var full = Path.Combine(ModelsRoot, name);
        if (!string.Equals(Path.GetDirectoryName(full), ModelsRoot, StringComparison.Ordinal))
            throw McpFlowException.Forbidden("name does not name a folder of the model registry.");
        return full;
    }

    private string ExistingModelFolder(string name)
    {
        var folder = ModelFolder(name);
        return File.Exists(Path.Combine(folder, MetaFileName)) ? folder
            : throw McpFlowException.NotFound($"Registered Model with name={name} not found.", "Call mlflow_models to list the registered models, or mlflow_register_model to create one.");
    }

    private string ExistingVersionFolder(string name, int version)
    {
        var folder = Path.Combine(ExistingModelFolder(name), VersionFolderName(version));
        if (!File.Exists(Path.Combine(folder, MetaFileName)) || ReadVersionMeta(folder).Stage == StageDeletedInternal)
            throw McpFlowException.NotFound($"Model Version (name={name}, version={version}) not found.", $"mlflow_models name=\"{name}\" lists its versions.");
        return folder;
    }

    private string AliasFile(string name, string alias) => Path.Combine(ExistingModelFolder(name), AliasesFolderName, RegistryNames.RequireAlias(alias));

    private static string VersionFolderName(int version) => "version-" + version.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> VersionFolders(string modelFolder) =>
        Directory.EnumerateDirectories(modelFolder, "version-*").Where(d => File.Exists(Path.Combine(d, MetaFileName)));

    private List<ModelVersionInfo> Versions(string modelFolder) =>
        VersionFolders(modelFolder).Select(ReadVersion).Where(v => v.CurrentStage != StageDeletedInternal).ToList();

    private Dictionary<string, int> Aliases(string modelFolder)
    {
        var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (alias, text) in ReadFolder(Path.Combine(modelFolder, AliasesFolderName)))
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                aliases[alias] = v;
        return aliases;
    }

    private List<object> AliasesOf(string name, int version) =>
        Aliases(ModelFolder(name)).Where(a => a.Value == version).Select(a => (object)a.Key).Order().ToList();

    private RegisteredModelInfo ReadModel(string folder)
    {
        var meta = MetaYaml.Read(Path.Combine(folder, MetaFileName));
        return new RegisteredModelInfo(
            MetaYaml.String(meta, "name") ?? Path.GetFileName(folder),
            MetaYaml.Long(meta, "creation_timestamp"),
            MetaYaml.Long(meta, "last_updated_timestamp"),
            MetaYaml.String(meta, "description"),
            ReadFolder(Path.Combine(folder, TagsFolderName)),
            Aliases(folder),
            LatestVersions(folder, []));
    }

    private static ModelMeta ReadModelMeta(string folder)
    {
        var meta = MetaYaml.Read(Path.Combine(folder, MetaFileName));
        return new ModelMeta(MetaYaml.Long(meta, "creation_timestamp"), MetaYaml.String(meta, "description"));
    }

    private void TouchModel(string name, long? when = null)
    {
        var folder = ExistingModelFolder(name);
        var meta = ReadModelMeta(folder);
        WriteModelMeta(folder, name, meta.Created, when ?? Now, meta.Description);
    }

    // RegisteredModel's properties minus tags and latest_versions: aliases (alias -> version as read back from the
    // alias files, so strings), creation_timestamp, description, last_updated_timestamp, name.
    private void WriteModelMeta(string folder, string name, long? created, long updated, string? description) =>
        MetaYaml.Write(Path.Combine(folder, MetaFileName), new Dictionary<string, object?>
        {
            ["aliases"] = Aliases(folder).ToDictionary(a => a.Key, a => (object?)a.Value.ToString(CultureInfo.InvariantCulture)),
            ["creation_timestamp"] = created,
            ["description"] = description,
            ["last_updated_timestamp"] = updated,
            ["name"] = name,
        });

    // FileModelVersion's properties minus tags. user_id, run_link and status_message stay null (the client sends none).
    private static void WriteVersionMeta(string folder, VersionMeta v, List<object> aliases) =>
        MetaYaml.Write(Path.Combine(folder, MetaFileName), new Dictionary<string, object?>
        {
            ["aliases"] = aliases,
            ["creation_timestamp"] = v.Created,
            ["current_stage"] = v.Stage,
            ["description"] = v.Description,
            ["last_updated_timestamp"] = v.Updated,
            ["name"] = v.Name,
            ["run_id"] = v.RunId,
            ["run_link"] = null,
            ["source"] = v.Source,
            ["status"] = StatusReady,
            ["status_message"] = null,
            ["storage_location"] = v.StorageLocation,
            ["user_id"] = null,
            ["version"] = v.Version,
        });

    private static VersionMeta ReadVersionMeta(string folder)
    {
        var meta = MetaYaml.Read(Path.Combine(folder, MetaFileName));
        var version = MetaYaml.Long(meta, "version") ?? long.Parse(Path.GetFileName(folder)["version-".Length..], CultureInfo.InvariantCulture);
        return new VersionMeta(MetaYaml.String(meta, "name") ?? "", (int)version, MetaYaml.Long(meta, "creation_timestamp"), MetaYaml.Long(meta, "last_updated_timestamp"),
            MetaYaml.String(meta, "current_stage") ?? ModelStages.None, MetaYaml.String(meta, "description"), MetaYaml.String(meta, "source"),
            MetaYaml.String(meta, "run_id"), MetaYaml.String(meta, "storage_location"));
    }

    private ModelVersionInfo ReadVersion(string folder)
    {
        var v = ReadVersionMeta(folder);
        var aliases = Aliases(Path.GetDirectoryName(folder)!).Where(a => a.Value == v.Version).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
        return new ModelVersionInfo(v.Name, v.Version, v.Created, v.Updated, v.Stage, v.Description, v.Source, v.RunId, StatusReady,
            ReadFolder(Path.Combine(folder, TagsFolderName)), aliases);
    }

    private List<ModelVersionInfo> LatestVersions(string modelFolder, IReadOnlyList<string> stages)
    {
        var wanted = stages.Count == 0 ? ModelStages.All : stages.Select(ModelStages.Canonical).ToList();
        var versions = Versions(modelFolder);
        return ModelStages.All.Where(wanted.Contains)
            .Select(stage => versions.Where(v => v.CurrentStage == stage).MaxBy(v => v.Version))
            .OfType<ModelVersionInfo>().ToList();
    }

    private static void WriteTag(string folder, string key, string value) =>
        WriteText(Path.Combine(folder, TagsFolderName, RegistryNames.RequireTagKey(key)), RegistryNames.RequireTagValue(value));

    // write_to: the value as the whole file, no newline.
    private static void WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, text);
    }

    private static Dictionary<string, string> ReadFolder(string folder)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
            return values;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(AtomicFile.TemporarySuffix, StringComparison.Ordinal)))
            values[Path.GetFileName(file)] = File.ReadAllText(file);
        return values;
    }

    private static Page<T> Paged<T>(List<T> all, int maxResults, string? pageToken)
    {
        var offset = InMemoryRunSearch.DecodeToken(pageToken);
        var page = all.Skip(offset).Take(Math.Max(1, maxResults)).ToList();
        return new Page<T>(page, offset + page.Count < all.Count ? InMemoryRunSearch.EncodeToken(offset + page.Count) : null);
    }
}
