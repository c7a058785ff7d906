namespace McpFlow.Physics.Convergence;

/// <summary>The answer of predict_convergence.</summary>
/// <param name="Target">Target loss.</param>
/// <param name="CurrentStep">Last step seen.</param>
/// <param name="CurrentLoss">Loss at that step (smoothed).</param>
/// <param name="AlreadyReached">True when the loss is already at or below the target.</param>
/// <param name="WillReach">False when the models that reach the target carry less than half of the weight.</param>
/// <param name="ProbabilityToReach">Akaike weight of the models that reach the target.</param>
/// <param name="Steps">Predicted step at which the target is reached (null when not reached).</param>
/// <param name="StepsLow">Lower end of the ~80% interval.</param>
/// <param name="StepsHigh">Upper end of the ~80% interval.</param>
/// <param name="Seconds">Predicted seconds from now to the target (null without timing or when not reached).</param>
/// <param name="SecondsLow">Lower end.</param>
/// <param name="SecondsHigh">Upper end.</param>
/// <param name="FittedFloor">Weighted loss floor of the models that have one.</param>
/// <param name="Verdict">Plain-words answer.</param>
/// <param name="Models">Each family's fit.</param>
public sealed record ConvergencePrediction(double Target, double CurrentStep, double CurrentLoss, bool AlreadyReached, bool WillReach,
    double ProbabilityToReach, double? Steps, double? StepsLow, double? StepsHigh, double? Seconds, double? SecondsLow, double? SecondsHigh,
    double? FittedFloor, string Verdict, IReadOnlyList<CurveFit> Models);

/// <summary>One family's fit.</summary>
/// <param name="Family">Family name.</param>
/// <param name="Formula">Its formula.</param>
/// <param name="Parameters">Fitted parameters.</param>
/// <param name="Aic">Akaike information criterion.</param>
/// <param name="Weight">Akaike weight.</param>
/// <param name="StepAtTarget">Step at which it reaches the target (null when never).</param>
/// <param name="Floor">Its loss floor.</param>
public sealed record CurveFit(string Family, string Formula, IReadOnlyList<double> Parameters, double Aic, double Weight, double? StepAtTarget, double Floor);
