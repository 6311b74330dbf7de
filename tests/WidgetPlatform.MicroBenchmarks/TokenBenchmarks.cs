using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WidgetPlatform.Auth;
using WidgetPlatform.Query.Auth;

namespace WidgetPlatform.MicroBenchmarks;

/// <summary>The bearer token of a request: remembered after its first full validation, validated in full before.</summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private readonly ValidatedTokenCache _cache = new(10_000, TimeProvider.System);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly DefaultHttpContext _context = new();
    private string _token = null!;
    private TokenValidationParameters _parameters = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var key = DevTokenIssuer.NewSigningKey();
        _token = new DevTokenIssuer(key).Mint("viewer", "viewer", [HotPathRequest.StudyId], TimeSpan.FromHours(1));
        _context.Request.Headers.Authorization = $"Bearer {_token}";
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = DevTokenIssuer.Issuer,
            ValidAudience = DevTokenIssuer.Audience,
            IssuerSigningKey = DevTokenIssuer.TryReadSigningKey(key, out _),
            ValidAlgorithms = [DevTokenIssuer.Algorithm],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        var validated = await _handler.ValidateTokenAsync(_token, _parameters);
        _cache.Add(_token, new ClaimsPrincipal(validated.ClaimsIdentity), DateTimeOffset.UtcNow.AddHours(1));
    }

    [Benchmark(Baseline = true)]
    public bool RememberedToken() => _cache.TryGet(BearerToken.Read(_context.Request), out _);

    [Benchmark]
    public async Task<bool> FullValidation() => (await _handler.ValidateTokenAsync(_token, _parameters)).IsValid;
}
