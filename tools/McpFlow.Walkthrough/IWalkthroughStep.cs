namespace McpFlow.Walkthrough;

/// <summary>One chapter of the walkthrough. Each tool group adds its own file under <c>Steps/</c>.</summary>
public interface IWalkthroughStep
{
    /// <summary>Position in the walkthrough (core 0, data 100, experiments 200, physics 300, pipelines 400, workbench 500).</summary>
    int Order { get; }

    /// <summary>Chapter title, e.g. "Data co-pilot: the customers table".</summary>
    string Title { get; }

    /// <summary>Runs the chapter through the client, printing what a user would see.</summary>
    Task RunAsync(WalkthroughContext context, CancellationToken cancellationToken);
}
