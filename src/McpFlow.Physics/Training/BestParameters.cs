using TorchSharp.Modules;
using static TorchSharp.torch;

namespace McpFlow.Physics.Training;

/// <summary>
/// The parameters that produced the lowest measured loss, and that measurement. <see cref="Offer"/> must be called while
/// the network holds exactly the parameters the record was measured at (before an optimiser step moves them): copying
/// them after the step paired a loss with parameters it was not measured at, and the L-BFGS guard "restored" a model
/// 10⁴× worse than the loss it reported (issue 18). Losses are comparable only while the loss weights and collocation
/// points stay the same, so the trainer calls <see cref="Reset"/> whenever it changes either.
/// </summary>
public sealed class BestParameters(IReadOnlyList<Parameter> parameters) : IDisposable
{
    private readonly List<Tensor> _copies = [];

    /// <summary>The best measurement so far (null after <see cref="Reset"/>).</summary>
    public StepRecord? Record { get; private set; }

    /// <summary>Keeps the network's current parameters when <paramref name="record"/>, measured at them, is the best so far.</summary>
    public void Offer(StepRecord record)
    {
        if (!double.IsFinite(record.Loss) || (Record is not null && record.Loss >= Record.Loss))
            return;
        using (no_grad())
        {
            if (_copies.Count == 0)
                _copies.AddRange(parameters.Select(p => p.detach().clone().DetachFromDisposeScope()));
            else
                for (var k = 0; k < parameters.Count; k++)
                    _copies[k].copy_(parameters[k]);
        }

        Record = record;
    }

    /// <summary>Puts the best parameters back into the network; false when there is nothing to restore.</summary>
    public bool Restore()
    {
        if (Record is null)
            return false;
        using (no_grad())
            for (var k = 0; k < parameters.Count; k++)
                parameters[k].copy_(_copies[k]);
        return true;
    }

    /// <summary>Forgets the best measurement (the loss definition changed); the copies are reused.</summary>
    public void Reset() => Record = null;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in _copies)
            t.Dispose();
        _copies.Clear();
    }
}
