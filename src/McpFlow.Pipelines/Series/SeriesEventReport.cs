namespace McpFlow.Pipelines.Series;

/// <summary>What pipeline_detect_series_events found in a table's series.</summary>
/// <param name="Table">Workspace table.</param>
/// <param name="ValueColumn">Numeric column followed over time.</param>
/// <param name="TimeColumn">Column ordering the rows.</param>
/// <param name="Rows">Rows read (rows without a time value are left out).</param>
/// <param name="MissingValues">Rows whose value is missing (skipped by the detectors).</param>
/// <param name="Season">Season length removed (detected or given), or null.</param>
/// <param name="NoiseSigma">Robust noise σ used by the change-point cost.</param>
/// <param name="Threshold">Spike threshold on |robust z|.</param>
/// <param name="Penalty">PELT penalty per change (3 log n).</param>
/// <param name="SpikeCount">Spikes found.</param>
/// <param name="ChangePointCount">Changes in mean found.</param>
/// <param name="Spikes">Spikes in time order (at most <see cref="SeriesEventFinder.MaxListed"/>, the strongest kept).</param>
/// <param name="ChangePoints">Changes in mean in time order (at most <see cref="SeriesEventFinder.MaxListed"/>).</param>
/// <param name="Chart">Saved chart: the series with spikes marked and change points as vertical lines.</param>
public sealed record SeriesEventReport(string Table, string ValueColumn, string TimeColumn, int Rows, int MissingValues, int? Season,
    double NoiseSigma, double Threshold, double Penalty, int SpikeCount, int ChangePointCount,
    IReadOnlyList<SpikeRow> Spikes, IReadOnlyList<ChangePointRow> ChangePoints, string Chart);
