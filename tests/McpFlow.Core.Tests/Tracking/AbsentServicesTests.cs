using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Core.Tracking;

namespace McpFlow.Core.Tests.Tracking;

/// <summary>The fallbacks of a host without the experiments or data group refuse with an actionable Unavailable error.</summary>
public sealed class AbsentServicesTests
{
    [Fact]
    public async Task AbsentTrackingWriter_IsNotAvailable_AndRefusesWrites()
    {
        var writer = new AbsentTrackingWriter();
        writer.IsAvailable.Should().BeFalse();
        await FluentActions.Awaiting(() => writer.GetOrCreateExperimentAsync("e", default)).Should().ThrowAsync<McpFlowException>()
            .Where(e => e.Kind == ErrorKind.Unavailable && e.Message.Contains("experiments group"));
    }

    [Fact]
    public void AbsentSuggestionStore_RefusesGet_NamingTheWayAround() =>
        ((Action)(() => new AbsentSuggestionStore().Get("sug-1"))).Should().Throw<McpFlowException>()
            .Where(e => e.Kind == ErrorKind.Unavailable && e.Hint!.Contains("Pass the hyperparameters directly"));

    [Fact]
    public async Task AbsentModelResolver_RefusesModelUris_NamingTheWayAround() =>
        await FluentActions.Awaiting(() => new AbsentModelResolver().ResolveAsync("models:/churn@champion", "model_id", default)).Should().ThrowAsync<McpFlowException>()
            .Where(e => e.Kind == ErrorKind.Unavailable && e.Message.StartsWith("model_id names a registered model") && e.Hint!.Contains("pipeline_train"));

    [Fact]
    public void AbsentTableFileLoader_RefusesEveryLoad() =>
        ((Action)(() => new AbsentTableFileLoader().Load("a.csv", "a", "csv", "file", default))).Should().Throw<McpFlowException>()
            .Where(e => e.Kind == ErrorKind.Unavailable && e.Hint!.Contains("data_load"));
}
