using McpFlow.Data.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data.Tests.Storage;

/// <summary>data_list_tables and data_describe_table pass their call's token down: a cancelled call stops reading.</summary>
public sealed class TableCatalogCancellationTests : DataServerTestBase
{
    [Fact]
    public async Task ListAndDescribe_StopWhenTheCallIsCancelled()
    {
        await LoadAsync(WriteFile("sales.csv", "region,amount\nN,10\nS,20\n"));
        var catalog = Services.GetRequiredService<TableCatalog>();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        ((Action)(() => catalog.List(cancelled.Token))).Should().Throw<OperationCanceledException>();
        ((Action)(() => catalog.Describe("sales", 5, cancelled.Token))).Should().Throw<OperationCanceledException>();
        catalog.List().Should().ContainSingle().Which.Rows.Should().Be(2);
    }
}
