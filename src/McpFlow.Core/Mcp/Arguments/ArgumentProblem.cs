namespace McpFlow.Core.Mcp.Arguments;

/// <summary>One thing wrong with a call's arguments, phrased for the model: the parameter, what is wrong, what is
/// expected and an example.</summary>
/// <param name="Parameter">The parameter's name (shortened when the client sent an absurdly long one).</param>
/// <param name="Text">The sentence to show, e.g. "'limit' must be an integer from 1 to 200; got -5. E.g. limit=50".</param>
public sealed record ArgumentProblem(string Parameter, string Text);
