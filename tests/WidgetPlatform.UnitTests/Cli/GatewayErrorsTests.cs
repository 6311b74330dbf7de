using System.Net;
using System.Text;
using WidgetPlatform.Cli;
using WidgetPlatform.Cli.Gateway;

namespace WidgetPlatform.UnitTests.Cli;

/// <summary>How gateway answers become exit codes and one-line messages.</summary>
public sealed class GatewayErrorsTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.CannotConnect, "401")]
    [InlineData(HttpStatusCode.Forbidden, ExitCodes.CannotConnect, "403")]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.BadUsage, "400")]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.Failure, "404")]
    [InlineData(HttpStatusCode.TooManyRequests, ExitCodes.Failure, "429")]
    [InlineData(HttpStatusCode.InternalServerError, ExitCodes.Failure, "500")]
    public async Task EachStatusHasItsExitCodeAndSaysWhatTheGatewaySaid(HttpStatusCode status, int exitCode, string mentioned)
    {
        using var gateway = new GatewayClient(new Uri("http://gateway.test/"), "token", handler: new Answer(status, """{"title":"Refused","detail":"Because of reasons."}"""));

        var failure = await Assert.ThrowsAsync<CommandFailedException>(() => gateway.FleetStatisticsJsonAsync(CancellationToken.None));

        Assert.Equal(exitCode, failure.ExitCode);
        Assert.Contains(mentioned, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Because of reasons.", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public void AValidationProblemNamesTheFirstFieldAndItsError()
    {
        var detail = GatewayErrors.ProblemDetail("""{"title":"One or more validation errors occurred.","errors":{"widgetIds[0]":["'a*' is not a valid identifier."]}}""");

        Assert.Equal("widgetIds[0]: 'a*' is not a valid identifier.", detail);
    }

    [Fact]
    public void ABodyThatIsNotAProblemIsLeftOut() => Assert.Null(GatewayErrors.ProblemDetail("<html>Bad gateway</html>"));

    private sealed class Answer(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") });
    }
}
