using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace WidgetPlatform.UnitTests.Query.Auth;

/// <summary>
/// Which path a request takes: the cached-token fast paths (authentication without the JwtBearer handler, authorization
/// without the authorization handlers), or the standard ones.
/// </summary>
public sealed class TokenCachePathTests
{
    [Fact]
    public async Task RepeatedTokenSkipsTheJwtBearerHandlerAltogether()
    {
        CountingJwtBearerEvents? events = null;
        await using var app = await AuthTestApp.StartAsync(services: services => services.PostConfigure<JwtBearerOptions>(
            JwtBearerDefaults.AuthenticationScheme, options => options.Events = events = new CountingJwtBearerEvents(options.Events)));
        var token = app.Token("viewer", ["STUDY-001"]);

        for (var i = 0; i < 5; i++)
        {
            using var response = await app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, events!.MessagesReceived);
        Assert.Equal(1, events.TokensValidated);
    }

    [Fact]
    public async Task ForbiddenCachedCallerStillGetsProblemDetails()
    {
        await using var app = await AuthTestApp.StartAsync();
        var token = app.Token("viewer", ["STUDY-001"]);
        using var first = await app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", token);

        using var forbidden = await app.SendAsync(HttpMethod.Put, "/api/studies/STUDY-001/widgets/w1", token);

        var problem = await GatewayAuthorizationTests.ProblemAsync(forbidden, HttpStatusCode.Forbidden);
        Assert.Contains("admin role", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGrantSkipsTheAuthorizationHandlersWhileARefusalGoesThroughThem()
    {
        var handler = new CountingAuthorizationHandler();
        await using var app = await AuthTestApp.StartAsync(services: services => services.AddSingleton<IAuthorizationHandler>(handler));
        var token = app.Token("viewer", ["STUDY-001"]);

        for (var i = 0; i < 3; i++)
        {
            using var response = await app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var refused = await app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-002/manifest", token);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task ClaimsTransformationTurnsTheFastPathOffSoItAlwaysRuns()
    {
        CountingJwtBearerEvents? events = null;
        await using var app = await AuthTestApp.StartAsync(services: services =>
        {
            services.AddSingleton<IClaimsTransformation, MarkingTransformation>();
            services.PostConfigure<JwtBearerOptions>(
                JwtBearerDefaults.AuthenticationScheme, options => options.Events = events = new CountingJwtBearerEvents(options.Events));
        });
        var token = app.Token("viewer", ["STUDY-001"]);

        for (var i = 0; i < 3; i++)
        {
            using var response = await app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(3, events!.MessagesReceived);
        Assert.Equal(1, events.TokensValidated);
        Assert.All(app.Callers, caller => Assert.True(caller.HasClaim("transformed", "yes")));
    }

    private sealed class CountingAuthorizationHandler : IAuthorizationHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task HandleAsync(AuthorizationHandlerContext context)
        {
            Interlocked.Increment(ref _calls);
            return Task.CompletedTask;
        }
    }

    private sealed class MarkingTransformation : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            var copy = principal.Clone();
            ((ClaimsIdentity)copy.Identity!).AddClaim(new Claim("transformed", "yes"));
            return Task.FromResult(copy);
        }
    }
}
