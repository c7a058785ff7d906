using System.Globalization;
using System.Text;

namespace McpFlow.Experiments.Tracking.FileStore;

/// <summary>A double as Python's <c>repr</c> (and <c>str</c>, and an f-string's <c>{value}</c>) spells it, which is how
/// MLflow's file store writes a metric value (<c>f"{metric.timestamp} {metric.value} {metric.step}\n"</c>): the shortest
/// digits that read back to the same double (.NET's round-trip "R" digits are those digits too), in positional notation
/// with at least one decimal (<c>1.0</c>, <c>0.0001</c>, <c>1000000000000000.0</c>) unless the decimal point would sit
/// more than 16 places right of the first digit or 4 or more left of it (CPython's <c>float_repr_style</c> 'short',
/// mode 'r': <c>decpt &lt;= -4 or decpt &gt; 16</c>), then as <c>1e-05</c>, <c>1.5e+16</c> (lowercase e, a sign, two
/// exponent digits at least); <c>nan</c>, <c>inf</c>, <c>-inf</c>.</summary>
internal static class PythonFloat
{
    /// <summary>CPython's limits for positional notation in repr (Python/pystrtod.c, format_float_short).</summary>
    private const int LowestPositionalDecpt = -3;

    private const int HighestPositionalDecpt = 16;

    /// <summary>Python's <c>repr(value)</c>.</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
            return "nan";
        if (double.IsInfinity(value))
            return value > 0 ? "inf" : "-inf";
        var (digits, decpt) = ShortestDigits(Math.Abs(value));
        var text = new StringBuilder(digits.Length + 8);
        if (double.IsNegative(value))
            text.Append('-');
        if (digits.Length == 0)
            return text.Append("0.0").ToString();
        if (decpt < LowestPositionalDecpt || decpt > HighestPositionalDecpt)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
                text.Append('.').Append(digits, 1, digits.Length - 1);
            var exponent = decpt - 1;
            return text.Append('e').Append(exponent < 0 ? '-' : '+')
                .Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture)).ToString();
        }

        if (decpt <= 0)
            return text.Append("0.").Append('0', -decpt).Append(digits).ToString();
        if (decpt >= digits.Length)
            return text.Append(digits).Append('0', decpt - digits.Length).Append(".0").ToString();
        return text.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt).ToString();
    }

    /// <summary>The shortest round-trip significant digits of a finite non-negative <paramref name="value"/> (no
    /// leading or trailing zeros; empty for zero) and where the decimal point goes: value = 0.digits × 10^decpt.</summary>
    private static (string Digits, int Decpt) ShortestDigits(double value)
    {
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? r : r[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integral = dot < 0 ? mantissa : mantissa[..dot];
        var digits = dot < 0 ? mantissa : integral + mantissa[(dot + 1)..];
        var decpt = integral.Length + exponent;
        var start = 0;
        while (start < digits.Length && digits[start] == '0')
        {
            start++;
            decpt--;
        }

        return (digits[start..].TrimEnd('0'), decpt);
    }
}
