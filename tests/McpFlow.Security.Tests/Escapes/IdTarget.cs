namespace McpFlow.Security.Tests.Escapes;

/// <summary>A parameter (or resource template variable) that takes an id: where ids of its kind live in the workspace,
/// a valid id of that kind, and the fake record outside the roots an escaping id would reach.</summary>
/// <param name="Target">tool.parameter, or the resource template.</param>
/// <param name="Parent">The workspace folder that holds records of this kind.</param>
/// <param name="Valid">A real id of this kind (for ids that start valid and then climb).</param>
/// <param name="Fake">The fake record outside the roots.</param>
/// <param name="Suffix">What the store appends to an id to name its file (".json" for specs), or "".</param>
internal sealed record IdTarget(string Target, string Parent, string Valid, string Fake, string Suffix = "")
{
    /// <summary>The hostile values for this target, with labels.</summary>
    public IEnumerable<(string Label, string Value)> HostileValues()
    {
        var fake = Suffix.Length > 0 && Fake.EndsWith(Suffix, StringComparison.Ordinal) ? Fake[..^Suffix.Length] : Fake;
        var climb = Path.GetRelativePath(Parent, fake);
        return
        [
            ("absolute fake", fake), ("climb to fake", climb), ("valid then climb", $"{Valid}/../{climb}"), ("dot-dot", ".."), ("dot", "."),
            ("root", "/"), ("/etc/passwd", "/etc/passwd"), ("/etc", "/etc"), ("percent-encoded climb", climb.Replace(".", "%2E", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal)),
            ("backslash climb", climb.Replace('/', '\\')), ("NUL after valid", Valid + "\u0000"), ("star", "*"), ("valid prefix star", (Valid.Length > 2 ? Valid[..^2] : Valid) + "*"),
            ("home", "~/"), ("valid to valid", $"{Valid}/../{Valid}"), ("trailing slash fake", fake + "/"),
            // Registered-model names and aliases take letters of every script (as MLflow): look-alikes of '.' and '/'
            // (FULLWIDTH FULL STOP U+FF0E, DIVISION SLASH U+2215) and a right-to-left override must still be refused.
            ("look-alike climb", $"{Valid}\u2215\uFF0E\uFF0E\u2215{climb.Replace('/', '\u2215')}"), ("right-to-left override", Valid + "\u202E"),
        ];
    }
}
