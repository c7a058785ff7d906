using McpFlow.Core.Errors;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Tests.Specs;

public sealed class SpecValidatorTests : IDisposable
{
    private readonly TestData _data = new();
    private readonly PipelineGenerator _generator;

    public SpecValidatorTests()
    {
        _data.Execute(TestData.Binary);
        _data.Execute(TestData.Hourly);
        _generator = new PipelineGenerator(new TableInspector(_data.Database));
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Validate_AcceptsEveryGeneratedSpec_AndItsJsonRoundTrip()
    {
        var binary = _generator.Generate(new GenerateRequest("customers", "churn", "infer", null));
        var forecast = _generator.Generate(new GenerateRequest("power", "mw", "forecasting", "ts", 24));
        SpecValidator.Validate(binary);
        SpecValidator.Validate(forecast);
        PipelineSpec.FromJson(forecast.ToJson()).Features.DateParts.Should().Equal(forecast.Features.DateParts);
    }

    public static TheoryData<string, Func<PipelineSpec, PipelineSpec>> BadSpecs() => new()
    {
        { "table", s => s with { Table = "x; DROP TABLE y" } },
        { "features.dateParts[0]", s => s with { Features = s.Features with { DateParts = ["year', ts) + error('x') + date_part('year"] } } },
        { "features.lags[0]", s => s with { Features = s.Features with { Lags = [0] } } },
        { "features.rollingWindows[0]", s => s with { Features = s.Features with { RollingWindows = [int.MaxValue] } } },
        { "features.fourierOrder", s => s with { Features = s.Features with { FourierOrder = 1_000 } } },
        { "features.scaling", s => s with { Features = s.Features with { Scaling = "robust" } } },
        { "horizon", s => s with { Horizon = -3 } },
        { "columns[0].encoding", s => s with { Columns = [s.Columns[0] with { Encoding = "target_leak" }, .. s.Columns.Skip(1)] } },
        { "columns[0].role", s => s with { Columns = [s.Columns[0] with { Role = "owner" }, .. s.Columns.Skip(1)] } },
        { "target", s => s with { Target = "not_a_column" } },
        { "candidates[0]", s => s with { Candidates = ["rm -rf"] } },
        { "split.folds", s => s with { Split = s.Split with { Folds = 1_000_000 } } },
        { "split.kind", s => s with { Split = s.Split with { Kind = "leave_one_out" } } },
        { "primaryMetric", s => s with { PrimaryMetric = "loss" } },
        { "steps[0].name", s => s with { Steps = [s.Steps[0] with { Name = "exec" }] } },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void Validate_RefusesAnythingOffTheClosedLists_NamingTheField(string field, Func<PipelineSpec, PipelineSpec> change)
    {
        var spec = change(_generator.Generate(new GenerateRequest("power", "mw", "forecasting", "ts", 1)));
        var act = () => PipelineSpec.FromJson(spec.ToJson());
        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.InvalidInput && e.Message.Contains(field + " ", StringComparison.Ordinal));
    }
}
