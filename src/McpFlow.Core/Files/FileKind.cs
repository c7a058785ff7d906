namespace McpFlow.Core.Files;

/// <summary>What a path names once symbolic links are followed.</summary>
public enum FileKind
{
    /// <summary>Nothing exists there.</summary>
    Missing,
    /// <summary>A regular file: the only kind McpFlow reads or writes.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A FIFO, socket, character or block device: refused (reading one can block forever or never end).</summary>
    Special,
}
