namespace McpFlow.Experiments.Registry;

/// <summary>What <c>mlflow_models</c>' one argument asks for: nothing (every model), a LIKE pattern (<c>%churn%</c>,
/// sent as MLflow's filter <c>name LIKE '%churn%'</c>), a model (<c>churn</c>), or a version by number or alias
/// (<c>churn/3</c>, <c>churn@champion</c>, with or without the <c>models:/</c> prefix).</summary>
/// <param name="Name">Model name, when one model is asked for.</param>
/// <param name="Filter">MLflow registered-model filter, when a pattern is given.</param>
/// <param name="Version">Version number, when given.</param>
/// <param name="Alias">Alias, when given.</param>
public sealed record ModelQuery(string? Name, string? Filter, int? Version, string? Alias)
{
    /// <summary>Parses and validates <paramref name="text"/> (the <c>name</c> argument).</summary>
    public static ModelQuery Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return new ModelQuery(null, null, null, null);
        var rest = text.StartsWith(ModelUri.Prefix, StringComparison.Ordinal) ? text[ModelUri.Prefix.Length..] : text;
        if (rest.Contains('%', StringComparison.Ordinal))
            return new ModelQuery(null, $"name LIKE '{RegistryNames.RequireNamePattern(rest)}'", null, null); // a valid pattern holds no quote
        if (rest.Contains('@', StringComparison.Ordinal) || rest.Contains('/', StringComparison.Ordinal))
        {
            var uri = ModelUri.Parse(ModelUri.Prefix + rest, "name");
            if (uri.Stage is not null)
                throw Core.Errors.McpFlowException.Invalid("name takes a version number or an alias after the model name.", "e.g. \"churn/3\" or \"churn@champion\".");
            return new ModelQuery(uri.Name, null, uri.Version, uri.Alias);
        }

        return new ModelQuery(RegistryNames.RequireModelName(rest), null, null, null);
    }
}
