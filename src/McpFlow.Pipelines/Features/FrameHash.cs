using System.Security.Cryptography;
using System.Text;

namespace McpFlow.Pipelines.Features;

/// <summary>
/// The SHA-256 of a <see cref="FeatureFrame"/>: what a model was trained on, so a registered version's lineage names
/// its data exactly (tag <c>mcpflow.data_sha256</c>). It covers the row count, every feature column's name, step and
/// values (doubles as IEEE 754 bits, little-endian; categories as UTF-8 with a length prefix, missing as -1), the
/// target and the class labels, each part length-prefixed so no two frames share a byte stream. Lower-case hex.
/// </summary>
public static class FrameHash
{
    /// <summary>The frame's hash.</summary>
    public static string Sha256(FeatureFrame frame)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var eight = new byte[8];
        void Long(long v)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(eight, v);
            hash.AppendData(eight);
        }

        void Text(string? s)
        {
            if (s is null)
            {
                Long(-1);
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(s);
            Long(bytes.Length);
            hash.AppendData(bytes);
        }

        void Doubles(double[] values)
        {
            Long(values.Length);
            foreach (var v in values)
                Long(BitConverter.DoubleToInt64Bits(v));
        }

        Long(frame.Rows);
        Long(frame.Numeric.Count);
        foreach (var column in frame.Numeric)
        {
            Text(column.Name);
            Text(column.Step);
            Doubles(column.Values);
        }

        Long(frame.Categorical.Count);
        foreach (var column in frame.Categorical)
        {
            Text(column.Name);
            Text(column.Encoding);
            Long(column.Values.Length);
            foreach (var v in column.Values)
                Text(v);
        }

        Doubles(frame.Target);
        Long(frame.Labels.Length);
        foreach (var label in frame.Labels)
            Long(label);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
