using System.ComponentModel;
using McpFlow.Workbench.Presentation;
using McpFlow.Workbench.Runs;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Prompts;

/// <summary>The workbench loop as MCP prompts: execute → self-review → present → decide, and the final report.</summary>
[McpServerPromptType]
public sealed class WorkbenchPrompts(RunStore store)
{
    /// <summary>The whole loop for one step.</summary>
    [McpServerPrompt(Name = "workbench_loop", Title = "Run a step through the review loop")]
    [Description("Guides the assistant through the workbench loop for one analysis step: execute, self-review, present the card, " +
                 "ask the user to decide, and re-execute with the feedback when rejected.")]
    public string Loop(
        [Description("The step to run, e.g. \"profile examples/data/customers.csv\" or \"train ridge with alpha=1\".")] string step,
        [Description("Experiment or sweep name grouping the runs, e.g. \"ridge-sweep\". Default: none.")] string? experiment = null) =>
        $"""
        Run this analysis step through McpFlow's review loop: {step}
        1. Execute: run the step with the McpFlow tool that does it; it records a workbench run. If the step ran elsewhere,
           record its output files, metrics and a draft interpretation with workbench_record_run{(experiment is null ? "" : $" (experiment=\"{experiment}\")")}.
        2. Self-review: read the self-review checks in the result. If a check failed, say so plainly; fix and re-run the step
           when you can, rather than presenting results you know are wrong.
        3. Present: call workbench_run_card and show the user what ran, the key outputs and figures, your draft interpretation
           and your recommended next step. Quote numbers exactly as the metrics give them.
        4. Decide: call workbench_request_approval so the user approves, approves with edits, or rejects with feedback. If the
           client cannot show the form, ask in chat and record exactly what the user said with workbench_decide. Never decide
           for the user.
        5. Advance: if rejected, re-execute with the feedback and record it with workbench_record_run rerun_of=<run id>, then
           repeat from 2. Only approved results may go into reports (workbench_report) or other gated actions.
        """;

    /// <summary>Present one run and ask for a decision.</summary>
    [McpServerPrompt(Name = "workbench_present_run", Title = "Present a run and ask for a decision")]
    [Description("Presents one run's card and asks the user for a decision on it.")]
    public string Present([Description("Run id, e.g. \"run-20261123-101500-ab12cd\".")] string run_id)
    {
        var run = store.Load(RunIds.Require(run_id));
        return $"""
            Present this workbench run to the user, then ask for their decision with workbench_request_approval run_id="{run.RunId}"
            (or, if the client cannot show forms, ask in chat and record it with workbench_decide).

            {RunCard.Render(run)}
            """;
    }

    /// <summary>Compare runs and write the final report.</summary>
    [McpServerPrompt(Name = "workbench_final_report", Title = "Compare runs and write the final report")]
    [Description("Compares the runs of an experiment, makes sure the ones to publish are approved, and writes the final report.")]
    public string FinalReport([Description("Experiment or sweep name, e.g. \"ridge-sweep\".")] string experiment) =>
        $"""
        Prepare the final report for experiment "{experiment}":
        1. Call workbench_compare experiment="{experiment}" and show the table and chart; point out the best run and its state.
        2. Runs still REVIEWED need a decision: present each (workbench_run_card) and ask (workbench_request_approval).
        3. Call workbench_report title="…" experiment="{experiment}". It contains only approved interpretations; tell the user
           which runs were left out and why.
        4. Call workbench_audit action="verify" and report whether the audit trail is intact.
        """;
}
