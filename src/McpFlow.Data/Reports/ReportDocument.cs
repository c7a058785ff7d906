namespace McpFlow.Data.Reports;

/// <summary>A report as sections of blocks, rendered to Markdown and HTML alike.</summary>
/// <param name="Title">Report title.</param>
/// <param name="Sections">Sections in order.</param>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportSection> Sections);

/// <summary>A titled section.</summary>
/// <param name="Title">Section title.</param>
/// <param name="Blocks">Content.</param>
public sealed record ReportSection(string Title, IReadOnlyList<ReportBlock> Blocks);

/// <summary>A piece of report content.</summary>
public abstract record ReportBlock;

/// <summary>A paragraph.</summary>
/// <param name="Text">Plain text.</param>
public sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary>A bullet list.</summary>
/// <param name="Items">Items.</param>
public sealed record BulletsBlock(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A table.</summary>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Cells.</param>
public sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>A chart image.</summary>
/// <param name="Caption">Caption.</param>
/// <param name="Path">Saved PNG.</param>
public sealed record ImageBlock(string Caption, string Path) : ReportBlock;
