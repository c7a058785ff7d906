using Microsoft.ML;
using Microsoft.ML.Data;

namespace McpFlow.Pipelines.Models;

/// <summary>Builds ML.NET data views from a feature matrix with a runtime-sized feature vector.</summary>
internal static class MlRows
{
    public sealed class Numeric
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    public sealed class Binary
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    public sealed class Keyed
    {
        public uint Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    /// <summary>Numeric label (regression, forecasting, unsupervised: label 0).</summary>
    public static IDataView Numbers(MLContext ml, float[][] x, IReadOnlyList<double>? y) =>
        ml.Data.LoadFromEnumerable(x.Select((f, i) => new Numeric { Label = y is null ? 0 : (float)y[i], Features = f }).ToList(), Schema<Numeric>(x, null));

    /// <summary>Boolean label (class 1 is true).</summary>
    public static IDataView Booleans(MLContext ml, float[][] x, IReadOnlyList<int>? labels) =>
        ml.Data.LoadFromEnumerable(x.Select((f, i) => new Binary { Label = labels is not null && labels[i] == 1, Features = f }).ToList(), Schema<Binary>(x, null));

    /// <summary>Key label: the class index 0..classes-1 (LoadFromEnumerable maps a POCO value v to key v + 1).</summary>
    public static IDataView Keys(MLContext ml, float[][] x, IReadOnlyList<int>? labels, int classes) =>
        ml.Data.LoadFromEnumerable(x.Select((f, i) => new Keyed { Label = labels is null || labels[i] < 0 ? 0 : (uint)labels[i], Features = f }).ToList(), Schema<Keyed>(x, classes));

    private static SchemaDefinition Schema<T>(float[][] x, int? classes)
    {
        var width = x.Length == 0 ? 1 : x[0].Length;
        var schema = SchemaDefinition.Create(typeof(T));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        if (classes is { } k)
            schema["Label"].ColumnType = new KeyDataViewType(typeof(uint), k);
        return schema;
    }
}
