using System.Text.Json;
using System.Text.RegularExpressions;
using McpFlow.Core.Mcp;

namespace McpFlow.Physics.Training;

/// <summary>
/// Finds the checkpoint a taken-over training resumes from: the newest whose manifest (<see cref="CheckpointManifest"/>)
/// reads, names only files of this run folder in the checkpoint naming scheme, lies within the planned steps, and whose
/// files all exist with the recorded SHA-256. Newer checkpoints that fail (cut short by the killed worker, or damaged)
/// are listed as skipped with the reason, so the job's record can say what happened.
/// </summary>
public static partial class CheckpointResume
{
    /// <summary>The newest valid checkpoint of <paramref name="folder"/> for a training of <paramref name="plannedSteps"/>
    /// steps (null when none), and the newer ones skipped, e.g. "checkpoint-0000800 (its model file does not match its manifest)".</summary>
    public static (CheckpointManifest? Latest, IReadOnlyList<string> Skipped) Find(string folder, long plannedSteps)
    {
        var skipped = new List<string>();
        var stems = Directory.EnumerateFiles(folder, "checkpoint-*")
            .Select(Path.GetFileName)
            .Select(n => StemPattern().Match(n!))
            .Where(m => m.Success)
            .Select(m => m.Groups["stem"].Value)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s, StringComparer.Ordinal); // seven-digit steps: ordinal order is step order
        foreach (var stem in stems)
        {
            var problem = Check(folder, stem, plannedSteps, out var manifest);
            if (problem is null)
                return (manifest, skipped);
            skipped.Add($"{stem} ({problem})");
        }

        return (null, skipped);
    }

    private static string? Check(string folder, string stem, long plannedSteps, out CheckpointManifest? manifest)
    {
        manifest = null;
        var path = Path.Combine(folder, stem + ".json");
        if (!File.Exists(path))
            return "no manifest: cut short";
        try
        {
            manifest = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(path), McpFlowJson.Options);
        }
        catch (JsonException)
        {
            return "unreadable manifest";
        }

        if (manifest?.Model is null || manifest.Weights is null)
            return "incomplete manifest";
        if (manifest.Phase is not ("adam" or "lbfgs") || manifest.NextStep < 1 || manifest.NextStep > plannedSteps || manifest.Step >= manifest.NextStep)
            return "steps outside this training";
        foreach (var file in new[] { manifest.Model, manifest.Optimiser, manifest.Points }.OfType<CheckpointFile>())
        {
            if (!FilePattern().IsMatch(file.Name) || !file.Name.StartsWith(stem + ".", StringComparison.Ordinal))
                return "names a file outside the checkpoint";
            var full = Path.Combine(folder, file.Name);
            if (!File.Exists(full))
                return $"{file.Name} is missing";
            if (!string.Equals(CheckpointWriter.Describe(full).Sha256, file.Sha256, StringComparison.Ordinal))
                return $"{file.Name} does not match its manifest";
        }

        return null;
    }

    [GeneratedRegex(@"^(?<stem>checkpoint-[0-9]{7})\.(pt|adam|points|json)\z", RegexOptions.CultureInvariant)]
    private static partial Regex StemPattern();

    [GeneratedRegex(@"^checkpoint-[0-9]{7}\.(pt|adam|points)\z", RegexOptions.CultureInvariant)]
    private static partial Regex FilePattern();
}
