namespace McpFlow.Coverage;

/// <summary>One source line of one assembly, identified across the reports of several test projects.</summary>
internal readonly record struct CoverageLine(string Assembly, string File, int Number);
