using ScottPlot;

namespace McpFlow.Core.Charts;

/// <summary>Renders ScottPlot plots to PNG and saves them as artifacts.</summary>
public static class ChartRenderer
{
    /// <summary>Default size, readable in a chat client without being heavy (~30-80 kB per chart).</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default height.</summary>
    public const int DefaultHeight = 480;

    /// <summary>Renders <paramref name="plot"/>; saves it as <c>{name}.png</c> in <paramref name="folder"/> when given.</summary>
    public static ChartImage Render(Plot plot, string name, string? folder = null, int width = DefaultWidth, int height = DefaultHeight)
    {
        var safeName = SafeName(name);
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        string? path = null;
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            path = Path.Combine(folder, safeName + ".png");
            File.WriteAllBytes(path, png);
        }

        return new ChartImage(safeName, png, path);
    }

    /// <summary>Turns any text into a file-safe name.</summary>
    public static string SafeName(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var safe = new string(chars).Trim('.', '_');
        return safe.Length == 0 ? "chart" : safe.Length > 100 ? safe[..100] : safe;
    }
}
