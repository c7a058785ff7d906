using System.Globalization;

namespace McpFlow.Physics.Training;

/// <summary>The memory this process can still use: the kernel's MemAvailable (/proc/meminfo), capped by the cgroup v2
/// limit when the server runs in a container (memory.max - memory.current); elsewhere the garbage collector's view of the
/// memory available to the process.</summary>
public static class SystemMemory
{
    /// <summary>Available bytes.</summary>
    public static long AvailableBytes()
    {
        var available = ReadMemInfo("MemAvailable") ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var limit = ReadNumber("/sys/fs/cgroup/memory.max");
        var used = ReadNumber("/sys/fs/cgroup/memory.current");
        if (limit is { } l && used is { } u)
            available = Math.Min(available, Math.Max(0, l - u));
        return available;
    }

    private static long? ReadMemInfo(string key)
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long? ReadNumber(string path)
    {
        try
        {
            return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
