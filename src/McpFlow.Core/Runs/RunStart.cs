using System.Text.Json.Nodes;

namespace McpFlow.Core.Runs;

/// <summary>What is about to run.</summary>
/// <param name="Tool">Tool name, e.g. <c>analyze_dataframe</c>.</param>
/// <param name="Kind">Kind of step: profile, transformation, training, evaluation, report, export.</param>
/// <param name="Title">Short title, e.g. "Profile of customers".</param>
/// <param name="Parameters">Tool arguments (secrets removed).</param>
/// <param name="Inputs">Inputs whose content hashes make the run stale when they change.</param>
/// <param name="Experiment">Groups runs for comparison tables (an experiment or sweep name).</param>
public sealed record RunStart(string Tool, string Kind, string Title, JsonNode? Parameters, IReadOnlyList<RunInput> Inputs, string? Experiment = null);

/// <summary>An input of a run.</summary>
/// <param name="Name">Display name (table or file name).</param>
/// <param name="Path">Full path of the file whose content is hashed, when the input is a file.</param>
/// <param name="ContentHash">A content hash computed by the caller (e.g. of a table), when not a file.</param>
public sealed record RunInput(string Name, string? Path, string? ContentHash = null);
