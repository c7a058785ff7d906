namespace McpFlow.Testing;

/// <summary>Temporary folders for tests.</summary>
public static class TempFolder
{
    /// <summary>Creates a new empty folder under the system temp folder.</summary>
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes a folder, ignoring failures (a test must not fail on clean-up).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
