using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Models;

/// <summary>Fits a named trainer or baseline.</summary>
public static class ModelFactory
{
    /// <summary>Fits <paramref name="trainer"/> for the spec's task on <paramref name="train"/>.</summary>
    public static ITrainedModel Fit(PipelineSpec spec, string trainer, Hyperparameters h, ModelInput train, int seed = 42) =>
        TrainerNames.Baselines.Contains(trainer)
            ? BaselineModel.Fit(trainer, train, spec.Classes.Count is var c && spec.Task is PipelineTask.Binary or PipelineTask.Multiclass ? c : 0, seed)
            : trainer == TrainerNames.HoltWinters ? HoltWintersModel.Fit(train, spec.Features.FourierPeriod ?? 0, spec.Horizon)
            : trainer == TrainerNames.Combination ? new CombinationModel(Fit(spec, TrainerNames.HoltWinters, h, train, seed), Fit(spec, "sdca", h, train, seed))
            : train.Frame.Base.Length > 0 ? DifferencedModel.Fit(train, t => FitLearner(spec, trainer, h, t, seed))
            : FitLearner(spec, trainer, h, train, seed);

    /// <summary>OLS or an ML.NET trainer on the rows as given (the target already differenced when it is).</summary>
    private static ITrainedModel FitLearner(PipelineSpec spec, string trainer, Hyperparameters h, ModelInput train, int seed) =>
        trainer == TrainerNames.Ols ? OlsModel.Train(train) : MlNetModel.Fit(spec.Task, trainer, h, train, spec.Classes.Count, seed);

    /// <summary>Checks that <paramref name="trainer"/> exists for the task, or throws an actionable error naming
    /// <paramref name="parameter"/> (the tool parameter the name came from). Tools call it before starting a job, so an
    /// unknown trainer is refused at once rather than failing in the background.</summary>
    public static void EnsureKnown(PipelineSpec spec, string trainer, string parameter = "trainer")
    {
        var known = TrainerNames.For(spec.Task, seasonal: spec.Features.FourierPeriod is not null, series: spec.TimeColumn is not null);
        if (!known.Contains(trainer))
            throw Core.Errors.McpFlowException.Invalid(
                $"{parameter}: trainer '{Core.Errors.ArgumentEcho.Show(trainer)}' is not available for {Generation.TaskNames.Name(spec.Task)}.",
                $"Use one of: {string.Join(", ", known)}; e.g. {parameter}=\"{known[^1]}\".");
    }
}
