namespace McpFlow.Workbench.Audit;

/// <summary>One user's refusals within one <see cref="RefusalAudit.Window"/>: how many were written one by one, and what
/// was counted instead once <see cref="RefusalAudit.EntriesPerWindow"/> were.</summary>
internal sealed class RefusalWindow(DateTimeOffset start)
{
    /// <summary>Tool names kept for the summary entry (the rest are counted).</summary>
    private const int ToolsKept = 10;

    private readonly SortedSet<string> _tools = new(StringComparer.Ordinal);

    public DateTimeOffset Start { get; } = start;

    public int Written { get; set; }

    public int Suppressed { get; private set; }

    public DateTimeOffset FirstSuppressed { get; private set; }

    public DateTimeOffset LastSuppressed { get; private set; }

    /// <summary>The tools of the suppressed refusals (at most <see cref="ToolsKept"/>; "(request)" for refusals before a tool was read).</summary>
    public IReadOnlyCollection<string> Tools => _tools;

    /// <summary>True once the window is over at <paramref name="now"/>.</summary>
    public bool IsOver(DateTimeOffset now) => now >= Start + RefusalAudit.Window;

    /// <summary>Counts a refusal that is not written one by one.</summary>
    public void Suppress(string? tool, DateTimeOffset now)
    {
        if (Suppressed++ == 0)
            FirstSuppressed = now;
        LastSuppressed = now;
        if (_tools.Count < ToolsKept)
            _tools.Add(tool ?? "(request)");
    }
}
