using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WidgetPlatform.Query.Auth;

namespace WidgetPlatform.UnitTests.Query.Auth;

public sealed class GatewayAuthConfigurationTests
{
    [Fact]
    public async Task StartupFailsAndSaysWhatToSetWhenNothingIsConfigured()
    {
        await using var app = AuthTestApp.Build([]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("WidgetPlatform:Auth:Authority", error.Message, StringComparison.Ordinal);
        Assert.Contains("WidgetPlatform:Auth:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupFailsWhenBothAnAuthorityAndADevKeyAreSet()
    {
        await using var app = AuthTestApp.Build(new()
        {
            ["WidgetPlatform:Auth:Authority"] = "https://login.example.com/",
            ["WidgetPlatform:Auth:Audience"] = "widgetplatform",
            ["WidgetPlatform:Auth:SigningKey"] = AuthTestApp.NewKey(),
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Both", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c2hvcnQta2V5", "has 72 bits")]
    [InlineData("%%%", "not base64")]
    public async Task StartupFailsOnAnUnusableDevKey(string key, string reason)
    {
        await using var app = AuthTestApp.Build(new() { ["WidgetPlatform:Auth:SigningKey"] = key });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupFailsOnAnAuthorityWithoutAudience()
    {
        await using var app = AuthTestApp.Build(new() { ["WidgetPlatform:Auth:Authority"] = "https://login.example.com/" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Audience is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionValidatesAgainstTheConfiguredAuthorityAudienceAndIssuer()
    {
        await using var app = AuthTestApp.Build(new()
        {
            ["WidgetPlatform:Auth:Authority"] = "https://login.example.com/tenant/",
            ["WidgetPlatform:Auth:Audience"] = "api://widgetplatform",
            ["WidgetPlatform:Auth:Issuer"] = "https://login.example.com/tenant/v2.0",
        });

        var options = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal("https://login.example.com/tenant/", options.Authority);
        Assert.Equal("api://widgetplatform", options.TokenValidationParameters.ValidAudience);
        Assert.Equal("https://login.example.com/tenant/v2.0", options.TokenValidationParameters.ValidIssuer);
        Assert.Null(options.TokenValidationParameters.IssuerSigningKey);
        Assert.Equal("role", options.TokenValidationParameters.RoleClaimType);
        Assert.False(options.MapInboundClaims);
    }

    [Fact]
    public async Task DevelopmentValidatesTheDevIssuerAudienceKeyAndAlgorithm()
    {
        await using var app = AuthTestApp.Build(new() { ["WidgetPlatform:Auth:SigningKey"] = AuthTestApp.NewKey() });

        var parameters = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;

        Assert.Equal("widgetplatform-dev", parameters.ValidIssuer);
        Assert.Equal("widgetplatform", parameters.ValidAudience);
        Assert.NotNull(parameters.IssuerSigningKey);
        Assert.Equal(["HS256"], parameters.ValidAlgorithms);
    }

    [Fact]
    public async Task StudyAccessOnARouteWithoutAStudyIdFailsWhenEndpointsAreBuilt()
    {
        await using var app = AuthTestApp.Build(new() { ["WidgetPlatform:Auth:SigningKey"] = AuthTestApp.NewKey() });
        app.MapGet("/api/cache/stats", () => "stats").RequireViewer().RequireStudyAccess();

        var error = Assert.Throws<InvalidOperationException>(() =>
            ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).ToList());

        Assert.Contains("/api/cache/stats", error.Message, StringComparison.Ordinal);
    }
}
