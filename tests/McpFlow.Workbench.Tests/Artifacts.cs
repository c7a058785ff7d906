using SkiaSharp;

namespace McpFlow.Workbench.Tests;

/// <summary>Builds test artifacts: CSV, JSON and PNG files.</summary>
internal static class Artifacts
{
    public static string Write(string folder, string name, string content)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A PNG of a uniform colour (luminance variance exactly 0).</summary>
    public static string BlankPng(string folder, string name = "blank.png", int size = 64) => Png(folder, name, size, canvas => canvas.Clear(SKColors.White));

    /// <summary>A PNG with a black diagonal line on white.</summary>
    public static string LinePng(string folder, string name = "line.png", int size = 64) => Png(folder, name, size, canvas =>
    {
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { Color = SKColors.Black, StrokeWidth = 3, IsAntialias = false };
        canvas.DrawLine(0, 0, size, size, paint);
    });

    /// <summary>A PNG whose left half is black and right half white: luminance variance 255²/4 = 16256.25.</summary>
    public static string HalfBlackPng(string folder, string name = "half.png", int size = 64) => Png(folder, name, size, canvas =>
    {
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(0, 0, size / 2f, size, paint);
    });

    private static string Png(string folder, string name, int size, Action<SKCanvas> draw)
    {
        Directory.CreateDirectory(folder);
        using var bitmap = new SKBitmap(size, size);
        using (var canvas = new SKCanvas(bitmap))
            draw(canvas);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }
}
