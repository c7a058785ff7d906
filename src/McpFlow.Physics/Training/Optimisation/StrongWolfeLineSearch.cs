namespace McpFlow.Physics.Training.Optimisation;

/// <summary>
/// A line search for the strong Wolfe conditions, f(t) ≤ f(0) + c₁·t·f'(0) and |f'(t)| ≤ c₂·|f'(0)| (Nocedal and Wright,
/// algorithms 3.5 and 3.6: bracketing by extrapolation, then zoom by safeguarded cubic interpolation), with the constants
/// PyTorch's L-BFGS uses (c₁ = 1e-4, c₂ = 0.9, at most 25 evaluations). A trial whose loss or slope is not finite counts as
/// too far (the bracket shrinks towards the last finite point), so a step into a region where the loss overflows is
/// never accepted. The point returned is always the lowest loss of the bracket.
/// </summary>
internal static class StrongWolfeLineSearch
{
    private const double SufficientDecrease = 1e-4; // c₁
    private const double Curvature = 0.9;           // c₂
    private const int MaxEvaluations = 25;
    private const double ExtrapolationLow = 0.01;   // next trial ≥ t + 0.01·(t - t_prev)
    private const double ExtrapolationHigh = 10;    // next trial ≤ 10·t
    private const double Safeguard = 0.1;           // trials keep 10% of the bracket's width from its ends

    /// <summary>Searches from <paramref name="start"/> (t = 0) along a direction of size <paramref name="directionMax"/>
    /// (max |d|) with first trial step <paramref name="step"/>; <paramref name="evaluate"/> measures the loss at a step.</summary>
    public static (LineSearchPoint<T> Point, int Evaluations) Search<T>(Func<double, LineSearchPoint<T>> evaluate, LineSearchPoint<T> start,
        double step, double directionMax, double tolerance)
    {
        var f0 = start.Loss;
        var slope0 = start.Slope;
        bool Armijo(LineSearchPoint<T> p) => p.Loss <= f0 + SufficientDecrease * p.Step * slope0; // false for NaN
        bool StrongCurvature(LineSearchPoint<T> p) => Math.Abs(p.Slope) <= -Curvature * slope0;

        var previous = start;
        var current = evaluate(step);
        var evaluations = 1;
        LineSearchPoint<T>[]? bracket = null;
        while (evaluations < MaxEvaluations)
        {
            if (!Finite(current) || !Armijo(current) || (evaluations > 1 && current.Loss >= previous.Loss))
            {
                bracket = [previous, current];
                break;
            }

            if (StrongCurvature(current))
                return (current, evaluations);
            if (current.Slope >= 0)
            {
                bracket = [previous, current];
                break;
            }

            var low = current.Step + ExtrapolationLow * (current.Step - previous.Step);
            var next = CubicInterpolation.Minimiser(previous.Step, previous.Loss, previous.Slope, current.Step, current.Loss, current.Slope, low, current.Step * ExtrapolationHigh);
            previous = current;
            current = evaluate(next);
            evaluations++;
        }

        bracket ??= [start, current];
        var lo = Lower(bracket);
        var insufficientProgress = false;
        while (evaluations < MaxEvaluations)
        {
            var (a, b) = (bracket[0], bracket[1]);
            double min = Math.Min(a.Step, b.Step), max = Math.Max(a.Step, b.Step);
            if ((max - min) * directionMax < tolerance)
                break;
            var t = Finite(a) && Finite(b)
                ? CubicInterpolation.Minimiser(a.Step, a.Loss, a.Slope, b.Step, b.Loss, b.Slope, min, max)
                : (min + max) / 2;
            var margin = Safeguard * (max - min);
            if (Math.Min(max - t, t - min) < margin)
            {
                if (insufficientProgress || t >= max || t <= min)
                {
                    t = Math.Abs(t - max) < Math.Abs(t - min) ? max - margin : min + margin;
                    insufficientProgress = false;
                }
                else
                {
                    insufficientProgress = true;
                }
            }
            else
            {
                insufficientProgress = false;
            }

            var trial = evaluate(t);
            evaluations++;
            var hi = 1 - lo;
            if (!Finite(trial) || !Armijo(trial) || trial.Loss >= bracket[lo].Loss)
            {
                bracket[hi] = trial;
            }
            else
            {
                if (StrongCurvature(trial))
                {
                    bracket[lo] = trial;
                    break;
                }

                if (trial.Slope * (bracket[hi].Step - bracket[lo].Step) >= 0)
                    bracket[hi] = bracket[lo];
                bracket[lo] = trial;
            }

            lo = Lower(bracket);
        }

        return (bracket[lo], evaluations);
    }

    private static bool Finite<T>(LineSearchPoint<T> p) => double.IsFinite(p.Loss) && double.IsFinite(p.Slope);

    private static int Lower<T>(LineSearchPoint<T>[] bracket) => !Finite(bracket[1]) || bracket[0].Loss <= bracket[1].Loss ? 0 : 1;
}
