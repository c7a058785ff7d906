using TorchSharp;
using static TorchSharp.torch;

namespace McpFlow.Physics.Engine;

/// <summary>
/// Tensor arithmetic with double constants that holds each native <see cref="Scalar"/> for the whole native call and
/// disposes it right after. Writing <c>t * 0.5</c> converts 0.5 to a temporary Scalar that only its handle references
/// during the call, so the garbage collector may finalize it mid-call (seen as an intermittent libtorch assertion under
/// test parallelism; see TensorBuilder). Use these in code that runs every training step.
/// </summary>
public static class TorchScalars
{
    /// <summary>t + value.</summary>
    public static Tensor Add(Tensor t, double value)
    {
        using Scalar s = value;
        return t + s;
    }

    /// <summary>t - value.</summary>
    public static Tensor Sub(Tensor t, double value)
    {
        using Scalar s = value;
        return t - s;
    }

    /// <summary>value - t.</summary>
    public static Tensor Sub(double value, Tensor t)
    {
        using Scalar s = value;
        return s - t;
    }

    /// <summary>t · value.</summary>
    public static Tensor Mul(Tensor t, double value)
    {
        using Scalar s = value;
        return t * s;
    }

    /// <summary>t / value.</summary>
    public static Tensor Div(Tensor t, double value)
    {
        using Scalar s = value;
        return t / s;
    }

    /// <summary>A tensor shaped, typed and placed like <paramref name="like"/>, filled with <paramref name="value"/>.</summary>
    public static Tensor FullLike(Tensor like, double value)
    {
        using Scalar s = value;
        return full_like(like, s);
    }

    /// <summary>A vector of <paramref name="count"/> copies of <paramref name="value"/>.</summary>
    public static Tensor Full(long count, double value, ScalarType dtype, Device device)
    {
        using Scalar s = value;
        return full(count, s, dtype: dtype, device: device);
    }

    /// <summary>Fills <paramref name="t"/> (e.g. a column view) with <paramref name="value"/> in place.</summary>
    public static void Fill(Tensor t, double value)
    {
        using Scalar s = value;
        t.fill_(s);
    }
}
