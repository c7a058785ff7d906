namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>The tools a hostile file is handed to (issue 11: data_load, analyze_dataframe, data_export,
/// workbench_record_run and generate_pipeline where they take files; mlflow_log_run's artifacts too).</summary>
[Flags]
internal enum HostileUse
{
    /// <summary>data_load path.</summary>
    Load = 1,
    /// <summary>analyze_dataframe path.</summary>
    Analyze = 2,
    /// <summary>generate_pipeline file (CSV and Parquet).</summary>
    Pipeline = 4,
    /// <summary>workbench_record_run output_files (copied and self-reviewed) and input_files (hashed).</summary>
    Record = 8,
    /// <summary>data_export path (the file as an export target).</summary>
    Export = 16,
    /// <summary>mlflow_log_run artifacts (copied).</summary>
    Artifact = 32,
    /// <summary>The data loaders.</summary>
    Loaders = Load | Analyze,
}
