using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Registry;

/// <summary>One call's registry changes (a stage, an alias, a tag), validated before any is applied. A leading '-'
/// removes: <c>alias="-challenger"</c> deletes the alias, <c>tag="-team"</c> the tag (MLflow's alias rule allows a
/// leading '-'; McpFlow reserves it for removal, so such aliases cannot be set here).</summary>
/// <param name="Name">Registered model name.</param>
/// <param name="Version">Version the stage, alias or tag applies to (a tag without version is the model's).</param>
/// <param name="Alias">Alias to set or remove.</param>
/// <param name="RemoveAlias">True to remove <paramref name="Alias"/>.</param>
/// <param name="Stage">Canonical stage to move <paramref name="Version"/> to.</param>
/// <param name="ArchiveExisting">Archive the other versions in <paramref name="Stage"/>.</param>
/// <param name="TagKey">Tag key to set or remove.</param>
/// <param name="TagValue">Tag value, or null to remove <paramref name="TagKey"/>.</param>
public sealed record ModelChange(string Name, int? Version, string? Alias, bool RemoveAlias, string? Stage, bool ArchiveExisting, string? TagKey, string? TagValue)
{
    /// <summary>The alias whose move publishes a model.</summary>
    public const string ChampionAlias = "champion";

    /// <summary>True when the change publishes a model: setting <c>champion</c> or moving a version to Production.</summary>
    public bool Publishes =>
        (Alias is not null && !RemoveAlias && Alias.Equals(ChampionAlias, StringComparison.OrdinalIgnoreCase)) || Stage == ModelStages.Production;

    /// <summary>Validates the arguments of <c>mlflow_set_model_alias</c>.</summary>
    public static ModelChange Parse(string name, int? version, string? alias, string? stage, bool archiveExisting, string? tag)
    {
        RegistryNames.RequireModelName(name);
        if (alias is null && stage is null && tag is null)
            throw McpFlowException.Invalid("Nothing to change: pass alias, stage or tag.", "e.g. alias=\"challenger\" version=2, stage=\"Staging\" version=2, tag=\"team=risk\", or alias=\"-challenger\" to remove it.");
        if (version is < 1)
            throw McpFlowException.Invalid($"version {version} is not a model version number.", "Versions are 1, 2, 3, …; mlflow_models name=\"…\" lists them.");
        var removeAlias = alias is not null && alias.StartsWith('-');
        if (alias is not null)
        {
            alias = RegistryNames.RequireAlias(removeAlias ? alias[1..] : alias);
            if (!removeAlias && version is null)
                throw McpFlowException.Invalid("Setting an alias needs the version it points at.", $"Pass version, e.g. alias=\"{alias}\" version=3; alias=\"-{alias}\" removes it.");
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
            if (tag.StartsWith('-') && eq < 0)
                key = RegistryNames.RequireTagKey(tag[1..]);
            else if (eq <= 0)
                throw McpFlowException.Invalid("tag must be key=value, or -key to remove a tag.", "e.g. tag=\"team=risk\" or tag=\"-team\".");
            else
                (key, value) = (RegistryNames.RequireTagKey(tag[..eq]), RegistryNames.RequireTagValue(tag[(eq + 1)..]));
        }

        return new ModelChange(name, version, alias, removeAlias, canonical, archiveExisting, key, value);
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
            if (RemoveAlias)
                await registry.DeleteAliasAsync(Name, Alias, cancellationToken);
            else
                await registry.SetAliasAsync(Name, Alias, Version!.Value, cancellationToken);
            done.Add(RemoveAlias ? $"alias @{Alias} removed" : $"alias @{Alias} now points at version {Version}");
        }

        if (TagKey is not null)
        {
            if (TagValue is null)
                await registry.DeleteTagAsync(Name, Version, TagKey, cancellationToken);
            else
                await registry.SetTagAsync(Name, Version, TagKey, TagValue, cancellationToken);
            var target = Version is { } v ? $"version {v}" : "the model";
            done.Add(TagValue is null ? $"tag {TagKey} removed from {target}" : $"tag {TagKey} set on {target}");
        }

        return done;
    }
}
