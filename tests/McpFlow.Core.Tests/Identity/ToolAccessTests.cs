using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Core.Mcp;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Tests.Identity;

public sealed class ToolAccessTests
{
    private static Tool Tool(string name, ToolAnnotations? annotations) => new() { Name = name, Annotations = annotations };

    [Theory]
    // Read-only hint true: every role. No hint: the specification's default (not read-only), so analysts.
    [InlineData("data_query", true, UserRole.Viewer)]
    [InlineData("data_load", null, UserRole.Analyst)]
    [InlineData("data_export", false, UserRole.Analyst)]
    [InlineData("workbench_decide", null, UserRole.Approver)]
    [InlineData("workbench_request_approval", null, UserRole.Approver)]
    [InlineData("mlflow_set_model_alias", null, UserRole.Approver)]
    public void Required_FollowsTheEffectiveReadOnlyHint_AndTheDecisionTools(string name, bool? readOnly, UserRole expected) =>
        RoleFilter.Required(Tool(name, readOnly is null ? null : new ToolAnnotations { ReadOnlyHint = readOnly })).Should().Be(expected);

    [Fact]
    public void EnsureAllowed_NamesTheRoleTheToolNeeds()
    {
        var viewer = new Caller("vic", UserRole.Viewer, MaySelfApprove: false);
        var act = () => ToolAccess.EnsureAllowed(viewer, "data_load", readOnly: false);
        var error = act.Should().Throw<McpFlowException>().Which;
        error.Kind.Should().Be(ErrorKind.Forbidden);
        error.Message.Should().Be("User 'vic' has the role viewer; data_load needs the role analyst.");
        ToolAccess.EnsureAllowed(viewer, "data_query", readOnly: true);
    }

    [Fact]
    public void CallerClaims_RoundTrip_AndNoPrincipalIsTheLocalUser()
    {
        var ana = new Caller("ana", UserRole.Analyst, MaySelfApprove: true);
        CallerClaims.From(CallerClaims.ToPrincipal(ana)).Should().Be(ana);
        CallerClaims.From(CallerClaims.ToPrincipal(Caller.Local)).Should().BeSameAs(Caller.Local);
        CallerClaims.From(null).Should().BeSameAs(Caller.Local);
        CallerClaims.From(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity())).Should().BeSameAs(Caller.Local);
    }

    [Fact]
    public void CallerScope_IsTheLocalUser_OutsideAScope()
    {
        CallerScope.Current.Should().BeSameAs(Caller.Local);
        var bea = new Caller("bea", UserRole.Approver, MaySelfApprove: false);
        using (CallerScope.Enter(bea))
            CallerScope.Current.Should().Be(bea);
        CallerScope.Current.Should().BeSameAs(Caller.Local);
    }
}
