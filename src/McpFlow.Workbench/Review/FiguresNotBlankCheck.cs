using McpFlow.Workbench.Records;
using SkiaSharp;

namespace McpFlow.Workbench.Review;

/// <summary>
/// PNG outputs decode and are not blank: the variance of their luminance (0-255, transparent pixels composited
/// on white) must reach <see cref="MinLuminanceVariance"/>.
/// </summary>
public sealed class FiguresNotBlankCheck : IReviewCheck
{
    /// <summary>
    /// A uniform image has variance 0; a chart whose lines and labels cover just 0.1% of a white canvas in black
    /// has 255² × 0.001 × 0.999 ≈ 65. A threshold of 1 (standard deviation of one grey level) separates blank
    /// and nearly-uniform images (e.g. JPEG-like noise on a blank canvas) from any drawn figure.
    /// </summary>
    public const double MinLuminanceVariance = 1.0;

    /// <summary>Pixels sampled at most per image (a regular grid), enough for a stable variance.</summary>
    public const int MaxSamples = 250_000;

    /// <inheritdoc />
    public string Name => "figures_not_blank";

    /// <inheritdoc />
    public CheckResult Run(ReviewInput input, CancellationToken cancellationToken)
    {
        var figures = input.OutputFiles.Where(f => File.Exists(f) && f.EndsWith(".png", StringComparison.OrdinalIgnoreCase)).ToList();
        if (figures.Count == 0)
            return new CheckResult(Name, true, "no PNG figures among the outputs");
        var problems = new List<string>();
        var details = new List<string>();
        foreach (var figure in figures)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var variance = LuminanceVariance(figure);
            var name = Path.GetFileName(figure);
            if (variance is null)
                problems.Add($"{name} is not a decodable image");
            else if (variance < MinLuminanceVariance)
                problems.Add($"{name} is blank (luminance variance {variance:F2} < {MinLuminanceVariance})");
            else
                details.Add($"{name}: variance {variance:F0}");
        }

        return problems.Count == 0
            ? new CheckResult(Name, true, $"{figures.Count} figure(s) have content ({string.Join(", ", details)})")
            : new CheckResult(Name, false, string.Join("; ", problems));
    }

    /// <summary>The luminance variance of an image file, or null when it cannot be decoded.</summary>
    public static double? LuminanceVariance(string path)
    {
        using var bitmap = SKBitmap.Decode(path);
        if (bitmap is null || bitmap.Width == 0 || bitmap.Height == 0)
            return null;
        var step = Math.Max(1, (int)Math.Ceiling(Math.Sqrt((double)bitmap.Width * bitmap.Height / MaxSamples)));
        double sum = 0, sumSquares = 0;
        long n = 0;
        for (var y = 0; y < bitmap.Height; y += step)
        {
            for (var x = 0; x < bitmap.Width; x += step)
            {
                var c = bitmap.GetPixel(x, y);
                var alpha = c.Alpha / 255.0;
                // Rec. 601 luma, composited on white.
                var luma = (0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue) * alpha + 255 * (1 - alpha);
                sum += luma;
                sumSquares += luma * luma;
                n++;
            }
        }

        var mean = sum / n;
        return Math.Max(0, sumSquares / n - mean * mean);
    }
}
