namespace McpFlow.Core.Ids;

/// <summary>The kinds of ids McpFlow hands out and accepts back from clients. Each has one strict shape.</summary>
public enum IdKind
{
    /// <summary>A background job: <c>job-20261123-101500-ab12cd</c>.</summary>
    Job,
    /// <summary>A workbench run: <c>run-20261123-101500-ab12cd</c>.</summary>
    Run,
    /// <summary>A physics (PINN) run: <c>pinn-20261123-101500-ab12</c>.</summary>
    PinnRun,
    /// <summary>A generated pipeline: <c>pl-20261123-101500-ab12cd</c>.</summary>
    Pipeline,
    /// <summary>A hyperparameter suggestion: <c>sug-20261123-101500-ab12cd-1</c>.</summary>
    Suggestion,
    /// <summary>A trained pipeline model: <c>sales-lightgbm-20261123-101500-ab12</c> (table and trainer, then a stamp).</summary>
    Model,
    /// <summary>An MLflow run id (32 lower-case hex digits in MLflow's own stores; letters, digits, '-' and '_' from a server).</summary>
    MlflowRun,
    /// <summary>An MLflow experiment id (digits in MLflow's own stores; letters, digits, '-' and '_' from a server).</summary>
    MlflowExperiment,
    /// <summary>A tuning loop (pipeline_tune): <c>tune-20261123-101500-ab12cd</c>.</summary>
    Tune,
}
