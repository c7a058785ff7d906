using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Tests.Support;

/// <summary>A prompt with one required and one optional argument.</summary>
[McpServerPromptType]
public sealed class TestPrompts
{
    [McpServerPrompt(Name = "test_prompt")]
    [Description("Explores a dataset.")]
    public static string Explore(
        [Description("A file path or workspace table, e.g. \"customers\".")] string dataset,
        [Description("What to learn, e.g. \"drivers of churn\". Optional.")] string? goal = null) =>
        $"Explore {dataset}" + (goal is null ? "." : $" to learn {goal}.");
}
