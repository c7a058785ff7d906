namespace McpFlow.Walkthrough.Steps;

/// <summary>Chapter 1: the user's customers dialogue — load, analyze, suggest, apply log, show the new column.</summary>
public sealed class DataStep : IWalkthroughStep
{
    /// <inheritdoc />
    public int Order => 100;

    /// <inheritdoc />
    public string Title => "Data co-pilot: the customers table";

    /// <inheritdoc />
    public async Task RunAsync(WalkthroughContext context, CancellationToken cancellationToken)
    {
        var csv = Path.Combine(context.ExampleData, "customers.csv");
        context.User("Load my customers table.");
        await context.CallAsync("data_load", new { path = csv, table = "customers" }, cancellationToken);
        context.User("What does it look like?");
        await context.CallAsync("analyze_dataframe", new { table = "customers" }, cancellationToken);
    }
}
