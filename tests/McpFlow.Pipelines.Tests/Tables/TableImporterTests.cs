using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Pipelines.Tests.TestDoubles;
using McpFlow.Pipelines.Tests.Tools;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Pipelines.Tests.Tables;

/// <summary>generate_pipeline's file goes through <see cref="ITableFileLoader"/> (the data group's checked loaders),
/// never to DuckDB directly: the double records what the importer asks for and refuses like a check would.</summary>
public sealed class TableImporterTests : PipelineServerTestBase
{
    private RecordingTableFileLoader Loader => (RecordingTableFileLoader)Services.GetRequiredService<ITableFileLoader>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<ITableFileLoader>(provider => new RecordingTableFileLoader(provider.GetRequiredService<DuckDbGateway>()));
    }

    [Fact]
    public async Task GeneratePipeline_LoadsItsFileThroughTheCheckedLoader_NamingTheFileParameter()
    {
        Loader.CreateSql = TestData.Hourly;
        var file = Path.Combine(DataRoot, "power.csv");

        var result = await CallOkAsync("generate_pipeline", new { table = "power", target = "mw", task = "regression", folds = 3, file });

        Loader.Calls.Should().Equal((file, "power", "csv", "file"));
        result.Text().Should().Contain($"Loaded '{file}' into table 'power'");
    }

    [Fact]
    public async Task GeneratePipeline_PassesOnTheLoadersRefusal()
    {
        Loader.Refusal = McpFlowException.Invalid("'wide.csv' has a record with 50,000 fields; a load accepts at most 2,000 columns.");

        var result = await CallAsync("generate_pipeline", new { table = "wide", target = "y", file = Path.Combine(DataRoot, "wide.csv") });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("50,000 fields");
    }

    [Fact]
    public async Task GeneratePipeline_DoesNotLoad_WhenTheTableExists_AndRefusesPatternsAndOtherFormats()
    {
        Execute(TestData.Hourly);
        await CallOkAsync("generate_pipeline", new { table = "power", target = "mw", task = "regression", folds = 3, file = Path.Combine(DataRoot, "power.csv") });
        Loader.Calls.Should().BeEmpty();

        (await CallAsync("generate_pipeline", new { table = "other", target = "y", file = Path.Combine(DataRoot, "*.csv") }))
            .Text().Should().Contain("must name one file");
        (await CallAsync("generate_pipeline", new { table = "other", target = "y", file = Path.Combine(DataRoot, "book.xlsx") }))
            .Text().Should().Contain("not a CSV, TSV or Parquet file");
        Loader.Calls.Should().BeEmpty();
    }
}

/// <summary>Without the data group's services there is no checked loader, and the importer refuses rather than read the file itself.</summary>
public sealed class TableImporterWithoutLoaderTests : PipelineServerTestBase
{
    [Fact]
    public async Task GeneratePipeline_RefusesToLoadAFile_WhenNoCheckedLoaderIsRegistered()
    {
        var result = await CallAsync("generate_pipeline", new { table = "power", target = "mw", file = Path.Combine(DataRoot, "power.csv") });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("needs the data group's loaders");
    }
}
