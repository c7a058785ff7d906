namespace McpFlow.Physics.Tests.Validation;

/// <summary>
/// The finite-difference reference tests allocate large arrays (grids, sparse matrices) and so trigger full garbage
/// collections. Run in parallel with TorchSharp training tests, those collections finalize implicit double→Scalar
/// temporaries that libtorch is still reading (an intermittent "Expected false to be true" assertion from
/// c10/core/Scalar.h in training). This collection runs on its own, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FdReferenceCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "finite-difference references";
}
