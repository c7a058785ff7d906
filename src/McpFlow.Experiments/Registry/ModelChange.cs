using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Registry;

/// <summary>One call's registry changes (an alias, a stage, a tag), validated before any is applied.</summary>
public sealed record ModelChange(string Name, int? Version, string? Alias, string? Stage, bool ArchiveExisting, string? TagKey, string? TagValue, bool Remove)
{
    /// <summary>The alias whose move publishes a model.</summary>
    public const string ChampionAlias = "champion";

    /// <summary>True when the change publishes a model: setting <c>champion</c> or moving a version to Production.</summary>
    public bool Publishes =>
        (Alias is not null && !Remove && Alias.Equals(ChampionAlias, StringComparison.OrdinalIgnoreCase)) || Stage == ModelStages.Production;

    /// <summary>Validates the arguments of <c>mlflow_set_model_alias</c>.</summary>
    public static ModelChange Parse(string name, int? version, string? alias, string? stage, bool archiveExisting, string? tag, bool remove)
    {
        RegistryNames.RequireModelName(name);
        if (alias is null && stage is null && tag is null)
            throw McpFlowException.Invalid("Nothing to change: pass alias, stage or tag.", "e.g. alias=\"challenger\" version=2, stage=\"Staging\" version=2, or tag=\"team=risk\".");
        if (alias is not null)
        {
            RegistryNames.RequireAlias(alias);
            if (!remove && version is null)
                throw McpFlowException.Invalid("Setting an alias needs the version it points at.", $"Pass version, e.g. alias=\"{alias}\" version=3.");
        }

        var canonical = stage is null ? null : ModelStages.Canonical(stage);
        if (canonical is not null && version is null)
            throw McpFlowException.Invalid("A stage transition needs the version.", $"Pass version, e.g. stage=\"{canonical}\" version=3.");
        if (archiveExisting && (canonical is null || !ModelStages.Active.Contains(canonical)))
            throw McpFlowException.Invalid("archive_existing applies only to a move to Staging or Production.", "Drop archive_existing or pass stage=\"Staging\" or \"Production\".");
        string? key = null, value = null;
        if (tag is not null)
        {
            var eq = tag.IndexOf('=', StringComparison.Ordinal);
            if (remove)
                key = RegistryNames.RequireTagKey(eq < 0 ? tag : tag[..eq]);
            else if (eq <= 0)
                throw McpFlowException.Invalid("tag must be key=value.", "e.g. tag=\"team=risk\"; to remove a tag pass tag=\"team\" remove=true.");
            else
                (key, value) = (RegistryNames.RequireTagKey(tag[..eq]), RegistryNames.RequireTagValue(tag[(eq + 1)..]));
        }

        if (remove && alias is null && tag is null)
            throw McpFlowException.Invalid("remove applies to an alias or a tag.", "Pass alias or tag with remove=true.");
        return new ModelChange(name, version, alias, canonical, archiveExisting, key, value, remove);
    }

    /// <summary>Applies the changes in order (stage, alias, tag) and says what was done.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(IModelRegistry registry, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        if (Stage is not null)
        {
            await registry.TransitionStageAsync(Name, Version!.Value, Stage, ArchiveExisting, cancellationToken);
            done.Add($"version {Version} moved to {Stage}" + (ArchiveExisting ? $" (other {Stage} versions archived)" : ""));
        }

        if (Alias is not null)
        {
            if (Remove)
                await registry.DeleteAliasAsync(Name, Alias, cancellationToken);
            else
                await registry.SetAliasAsync(Name, Alias, Version!.Value, cancellationToken);
            done.Add(Remove ? $"alias @{Alias} removed" : $"alias @{Alias} now points at version {Version}");
        }

        if (TagKey is not null)
        {
            if (Remove)
                await registry.DeleteTagAsync(Name, Version, TagKey, cancellationToken);
            else
                await registry.SetTagAsync(Name, Version, TagKey, TagValue!, cancellationToken);
            var target = Version is { } v ? $"version {v}" : "the model";
            done.Add(Remove ? $"tag {TagKey} removed from {target}" : $"tag {TagKey} set on {target}");
        }

        return done;
    }
}
