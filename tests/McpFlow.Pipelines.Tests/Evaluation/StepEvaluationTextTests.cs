using McpFlow.Pipelines.Evaluation;

namespace McpFlow.Pipelines.Tests.Evaluation;

public sealed class StepEvaluationTextTests
{
    private static StepEvaluation Evaluation(params AblationRow[] ablation) =>
        new("lightgbm", "given", "rmse", Maximize: false, Steps: [], PerFold: [], Mean: new Dictionary<string, double>(),
            Std: new Dictionary<string, double>(), Ablation: ablation, RunId: null, Experiment: "pipelines-houses");

    [Fact]
    public void NextSteps_NameEachStepThatHurts_ThenTraining()
    {
        var steps = StepEvaluationText.NextSteps(Evaluation(
            new AblationRow("impute", 3.1, 0.4, 0.1, 0.2, AblationVerdict.Helps),
            new AblationRow("scale", 2.6, -0.5, 0.1, 0.2, AblationVerdict.Hurts),
            new AblationRow("lags", 2.9, 0.05, 0.1, 0.2, AblationVerdict.Neutral)));

        steps.Should().Equal(
            "Step 'scale' hurts rmse beyond the fold noise: generate the spec again without it and evaluate again.",
            "Train the pipeline with pipeline_train (trainer=\"lightgbm\", the same spec), or compare trainers with pipeline_compare_models.");
    }

    [Fact]
    public void NextSteps_WithoutHarmfulSteps_IsTrainingOnly()
    {
        StepEvaluationText.NextSteps(Evaluation(new AblationRow("impute", 3.1, 0.4, 0.1, 0.2, AblationVerdict.Helps)))
            .Should().ContainSingle().Which.Should().StartWith("Train the pipeline with pipeline_train");
    }
}
