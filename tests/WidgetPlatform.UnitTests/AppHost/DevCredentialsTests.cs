using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WidgetPlatform.AppHost.DevState;
using WidgetPlatform.Auth;

namespace WidgetPlatform.UnitTests.AppHost;

public sealed class DevCredentialsTests : IDisposable
{
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("widgetplatform-devcredentials-");

    [Fact]
    public void KeyIsGeneratedOnceAndReusedOnTheNextRun()
    {
        var first = DevCredentials.Prepare(_state.FullName);
        var second = DevCredentials.Prepare(_state.FullName);

        Assert.Equal(first.SigningKey, second.SigningKey);
        Assert.Equal(first.SigningKey, File.ReadAllText(Path.Combine(_state.FullName, "dev-signing-key")));
    }

    [Fact]
    public void KeyAndTokensFilesAreReadableByTheirOwnerOnly()
    {
        DevCredentials.Prepare(_state.FullName);
        DevCredentials.Prepare(_state.FullName);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_state.FullName, "dev-signing-key")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_state.FullName, "dev-tokens.json")));
    }

    [Fact]
    public async Task TokensFileHoldsThirtyDayTokensSignedWithTheKey()
    {
        var credentials = DevCredentials.Prepare(_state.FullName);

        var tokens = DevTokens.FromJson(await File.ReadAllTextAsync(credentials.TokensPath));

        Assert.Equal(credentials.Tokens, tokens);
        foreach (var token in new[] { tokens.Viewer, tokens.Uploader, tokens.Admin })
        {
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
            {
                ValidIssuer = DevTokenIssuer.Issuer,
                ValidAudience = DevTokenIssuer.Audience,
                IssuerSigningKey = DevTokenIssuer.TryReadSigningKey(credentials.SigningKey, out _),
            });
            Assert.True(result.IsValid, result.Exception?.Message);
            Assert.InRange(result.SecurityToken.ValidTo, DateTime.UtcNow.AddDays(29.9), DateTime.UtcNow.AddDays(30));
        }
    }

    [Fact]
    public void UnusableSavedKeyIsReplaced()
    {
        File.WriteAllText(Path.Combine(_state.FullName, "dev-signing-key"), "too-short");

        var credentials = DevCredentials.Prepare(_state.FullName);

        Assert.NotNull(DevTokenIssuer.TryReadSigningKey(credentials.SigningKey, out _));
    }

    public void Dispose() => _state.Delete(recursive: true);
}
