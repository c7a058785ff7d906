using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Generation;

/// <summary>Infers the task from the target's type and cardinality when the caller says "infer".</summary>
public static class TaskInference
{
    /// <summary>No target: clustering; 2 values: binary; text or few integers: multiclass; time column and a
    /// numeric target: forecasting; otherwise regression.</summary>
    public static PipelineTask Infer(ColumnProfile? target, ColumnProfile? time, long rows)
    {
        if (target is null)
            return PipelineTask.Clustering;
        if (target.Distinct == 2)
            return PipelineTask.Binary;
        if (!target.IsNumeric)
            return PipelineTask.Multiclass;
        if (time is not null)
            return PipelineTask.Forecasting;
        return target.IsInteger && target.Distinct <= GenerationLimits.MaxInferredClasses && target.Distinct < rows / 5
            ? PipelineTask.Multiclass
            : PipelineTask.Regression;
    }
}
