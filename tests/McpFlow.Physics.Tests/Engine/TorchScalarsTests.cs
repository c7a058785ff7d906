using McpFlow.Core.Configuration;
using McpFlow.Physics.Engine;
using TorchSharp;

namespace McpFlow.Physics.Tests.Engine;

public sealed class TorchScalarsTests
{
    public TorchScalarsTests() => _ = new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } }).Device;

    private static double[] Values(torch.Tensor t) => t.to(torch.float64).data<double>().ToArray();

    [Fact]
    public void Arithmetic_WithConstants_GivesTheElementwiseResults()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new[] { 1.0, 2.0, 4.0 }, dtype: torch.float64);

        Values(TorchScalars.Add(t, 0.5)).Should().Equal(1.5, 2.5, 4.5);
        Values(TorchScalars.Sub(t, 1)).Should().Equal(0, 1, 3);
        Values(TorchScalars.Sub(1, t)).Should().Equal(0, -1, -3);
        Values(TorchScalars.Mul(t, -2)).Should().Equal(-2, -4, -8);
        Values(TorchScalars.Div(t, 4)).Should().Equal(0.25, 0.5, 1);
    }

    [Fact]
    public void FullAndFill_PutTheConstantEverywhereAsked()
    {
        using var scope = torch.NewDisposeScope();
        var like = torch.zeros(2, 3, dtype: torch.float32);

        var filled = TorchScalars.FullLike(like, 0.25);
        filled.shape.Should().Equal(2, 3);
        filled.dtype.Should().Be(torch.float32);
        Values(filled).Should().AllBeEquivalentTo(0.25);
        Values(TorchScalars.Full(4, -1.5, torch.float64, torch.CPU)).Should().Equal(-1.5, -1.5, -1.5, -1.5);

        var matrix = torch.zeros(3, 2, dtype: torch.float64);
        using (var column = matrix[.., 1])
            TorchScalars.Fill(column, 7);
        Values(matrix).Should().Equal(0, 7, 0, 7, 0, 7); // the column view writes through to the matrix
    }
}
