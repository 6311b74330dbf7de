using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WidgetPlatform.Auth;
using WidgetPlatform.Query.Auth;

namespace WidgetPlatform.UnitTests.Query.Auth;

/// <summary>
/// The gateway's auth wiring in an in-memory server, in front of stand-in endpoints shaped like docs/design.md §6, so the
/// policies are tested apart from the data endpoints. Each endpoint counts its calls and remembers who called.
/// </summary>
internal sealed class AuthTestApp : IAsyncDisposable
{
    private AuthTestApp(WebApplication app, DevTokenIssuer issuer)
    {
        App = app;
        Issuer = issuer;
    }

    public WebApplication App { get; }

    public DevTokenIssuer Issuer { get; }

    public HttpClient Client { get; private set; } = null!;

    public int EndpointCalls => Callers.Count;

    public ConcurrentQueue<ClaimsPrincipal> Callers { get; } = new();

    public static string NewKey() => DevTokenIssuer.NewSigningKey();

    public static async Task<AuthTestApp> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var signingKey = NewKey();
        var app = Build(new Dictionary<string, string?>(settings ?? []) { ["WidgetPlatform:Auth:SigningKey"] = signingKey }, services);
        var testApp = new AuthTestApp(app, new DevTokenIssuer(signingKey));
        testApp.MapEndpoints();
        await app.StartAsync();
        testApp.Client = app.GetTestClient();
        return testApp;
    }

    /// <summary>The app with the gateway's auth and the given settings only, not started.</summary>
    public static WebApplication Build(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGatewayAuth();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseGatewayAuth();
        return app;
    }

    public string Token(string role, string[] studies, string? subject = null) =>
        Issuer.Mint(subject ?? $"test-{role}", role, studies, TimeSpan.FromHours(1));

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    private void MapEndpoints()
    {
        var study = App.MapGroup("/api/studies/{studyId}").RequireViewer().RequireStudyAccess();
        study.MapGet("manifest", Called(StatusCodes.Status200OK));
        study.MapGet("events", Called(StatusCodes.Status200OK));
        study.MapGet("refusing", Called(StatusCodes.Status200OK)).RequireAuthorization(policy => policy.RequireAssertion(_ => false));
        study.MapPut("datasets/{dataset}", Called(StatusCodes.Status202Accepted)).RequireUploader();
        study.MapPut("widgets/{widgetId}", Called(StatusCodes.Status200OK)).RequireAdmin();
        App.MapPost("/api/cache/invalidations", Called(StatusCodes.Status202Accepted)).RequireAdmin();
    }

    private Func<HttpContext, IResult> Called(int status) => context =>
    {
        Callers.Enqueue(context.User);
        return Results.StatusCode(status);
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
