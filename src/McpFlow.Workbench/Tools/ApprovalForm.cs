using McpFlow.Workbench.Runs;
using ModelContextProtocol.Protocol;

namespace McpFlow.Workbench.Tools;

/// <summary>The elicitation form for a decision: decision (approve / approve_with_edits / reject), interpretation, feedback, reviewer.</summary>
internal static class ApprovalForm
{
    public const string DecisionField = "decision";
    public const string InterpretationField = "interpretation";
    public const string FeedbackField = "feedback";
    public const string ReviewerField = "reviewer";

    public static ElicitRequestParams Create(RunSnapshot run)
    {
        var failed = run.Review?.Checks.Where(c => !c.Passed).Select(c => c.Check).ToList() ?? [];
        var message = $"Review run {run.RunId}: {run.Manifest.Title}. Self-review: {run.Review?.Passed}/{run.Review?.Checks.Count} checks passed" +
                      (failed.Count > 0 ? $" (failed: {string.Join(", ", failed)})" : "") +
                      $". Draft interpretation: {run.Manifest.Summary}";
        return new ElicitRequestParams
        {
            Message = message,
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                {
                    [DecisionField] = new ElicitRequestParams.TitledSingleSelectEnumSchema
                    {
                        Title = "Decision",
                        Description = "Approve the results, approve them with your edited interpretation, or reject them with feedback.",
                        OneOf =
                        [
                            new ElicitRequestParams.EnumSchemaOption { Const = "approve", Title = "Approve" },
                            new ElicitRequestParams.EnumSchemaOption { Const = "approve_with_edits", Title = "Approve with edits" },
                            new ElicitRequestParams.EnumSchemaOption { Const = "reject", Title = "Reject" },
                        ],
                    },
                    [InterpretationField] = new ElicitRequestParams.StringSchema
                    {
                        Title = "Interpretation",
                        Description = "The interpretation to approve; edit it to approve with edits.",
                        Default = run.Manifest.Summary,
                    },
                    [FeedbackField] = new ElicitRequestParams.StringSchema
                    {
                        Title = "Feedback",
                        Description = "Required when rejecting: what should the re-execution change?",
                    },
                    [ReviewerField] = new ElicitRequestParams.StringSchema { Title = "Reviewer", Description = "Your name, for the audit trail." },
                },
                Required = [DecisionField],
            },
        };
    }
}
