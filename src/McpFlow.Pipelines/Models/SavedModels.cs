using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Models;

/// <summary>Loads a model saved by <see cref="ITrainedModel.Save"/> for the trainer that made it.</summary>
public static class SavedModels
{
    /// <summary>
    /// Loads <paramref name="file"/>; OLS and ML.NET models of a frame with a differenced target (<see cref="FeatureFrame.Base"/>
    /// not empty) are wrapped again so that they forecast base + change, as they were trained.
    /// </summary>
    public static ITrainedModel Load(PipelineSpec spec, string trainer, string file, FeatureFrame frame)
    {
        if (TrainerNames.Baselines.Contains(trainer))
            return BaselineModel.Load(file);
        if (trainer == TrainerNames.HoltWinters)
            return HoltWintersModel.Load(file);
        if (trainer == TrainerNames.Combination)
        {
            // Saved as <stem>.holt_winters.json next to <stem>.zip (the file recorded).
            var stem = Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file));
            return new CombinationModel(HoltWintersModel.Load(stem + ".holt_winters.json"), Load(spec, "sdca", file, frame));
        }

        ITrainedModel model = trainer == TrainerNames.Ols ? OlsModel.Load(file) : MlNetModel.Load(file, spec.Task, spec.Classes.Count);
        return frame.Base.Length > 0 ? new DifferencedModel(model) : model;
    }
}
