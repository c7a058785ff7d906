using System.Reflection;
using System.Runtime.InteropServices;
using McpFlow.Core.Groups;
using McpFlow.Core.Native;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace McpFlow.Pipelines;

/// <summary>
/// Reports whether ML.NET runs here: executes a min-max normalisation pipeline on 0..7 (which must map 7 to exactly
/// 1) and checks that LightGBM's native library loads. Training itself is covered by the pipelines test suite.
/// </summary>
public static class MlNetEngineProbe
{
    /// <summary>The probe registered for server_info.</summary>
    public static IEngineProbe Create() => new EngineProbe("ML.NET", Probe);

    private static EngineStatus Probe()
    {
        var waitPolicy = OpenMpWaitPolicy.Apply();
        var ml = new MLContext(seed: 0);
        var rows = Enumerable.Range(0, 8).Select(i => new Row { X = i }).ToList();
        var normalized = ml.Transforms.NormalizeMinMax(nameof(Row.X)).Fit(ml.Data.LoadFromEnumerable(rows))
            .Transform(ml.Data.LoadFromEnumerable(rows));
        var max = normalized.GetColumn<float>(nameof(Row.X)).Max();
        var lightGbm = NativeLibrary.TryLoad("lib_lightgbm", typeof(MlNetEngineProbe).Assembly, null, out var handle);
        if (lightGbm)
            NativeLibrary.Free(handle);
        var works = Math.Abs(max - 1f) < 1e-6f;
        return new EngineStatus("ML.NET", works && lightGbm, Version(),
            $"pipelines {(works ? "run" : $"gave {max:G3} instead of 1")}; LightGBM native library {(lightGbm ? "loads" : "does not load")}; OMP_WAIT_POLICY {waitPolicy.ToLowerInvariant()}");
    }

    // ML.NET's assembly version is fixed at 1.0.0.0; the package version is in the informational version ("5.0.1+sha").
    private static string? Version() =>
        typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    private sealed class Row
    {
        public float X { get; set; }
    }
}
