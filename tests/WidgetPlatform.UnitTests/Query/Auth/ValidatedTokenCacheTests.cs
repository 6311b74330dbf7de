using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using WidgetPlatform.Query.Auth;

namespace WidgetPlatform.UnitTests.Query.Auth;

public sealed class ValidatedTokenCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void RepeatedTokenIsAnsweredWithThePrincipalValidatedForIt()
    {
        var cache = new ValidatedTokenCache(10, _time);
        var principal = Principal("alice");

        cache.Add("header.payload.signature", principal, Start.AddMinutes(5));

        Assert.True(cache.TryGet("header.payload.signature", out var cached));
        Assert.Same(principal, cached);
    }

    [Fact]
    public void EntryExpiresAtTheTokensExpirationAndNotASecondLater()
    {
        var cache = new ValidatedTokenCache(10, _time);
        cache.Add("token", Principal("alice"), Start.AddMinutes(5));

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.True(cache.TryGet("token", out _));

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(cache.TryGet("token", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void TokenThatHasAlreadyExpiredIsNotKept()
    {
        var cache = new ValidatedTokenCache(10, _time);

        cache.Add("token", Principal("alice"), Start);

        Assert.False(cache.TryGet("token", out _));
        Assert.Equal(0, cache.Count);
    }

    [Theory]
    [InlineData("header.payload.signaturE")]
    [InlineData("header.payload.signatur")]
    [InlineData("header.payload.signature.")]
    [InlineData("HEADER.payload.signature")]
    [InlineData("header.pay1oad.signature")]
    public void TokenDifferingInAnyCharacterFromACachedOneMisses(string tampered)
    {
        var cache = new ValidatedTokenCache(10, _time);
        cache.Add("header.payload.signature", Principal("alice"), Start.AddHours(1));

        Assert.False(cache.TryGet(tampered, out _));
    }

    [Fact]
    public void LookupTakesTheTokenAsASliceOfTheHeader()
    {
        var cache = new ValidatedTokenCache(10, _time);
        cache.Add("abc.def.ghi", Principal("alice"), Start.AddHours(1));
        var header = "Bearer abc.def.ghi";

        Assert.True(cache.TryGet(header.AsSpan("Bearer ".Length), out _));
    }

    [Fact]
    public void CacheNeverHoldsMoreThanItsCapacity()
    {
        var cache = new ValidatedTokenCache(100, _time);

        Parallel.For(0, 5_000, i => cache.Add($"token-{i}", Principal($"user-{i}"), Start.AddHours(1)));

        Assert.InRange(cache.Count, 1, 100);
    }

    [Fact]
    public void ExpiredEntriesAreDroppedBeforeLiveOnesWhenFull()
    {
        var cache = new ValidatedTokenCache(4, _time);
        cache.Add("short-1", Principal("a"), Start.AddMinutes(1));
        cache.Add("short-2", Principal("b"), Start.AddMinutes(1));
        cache.Add("long-1", Principal("c"), Start.AddHours(1));
        cache.Add("long-2", Principal("d"), Start.AddHours(1));
        _time.Advance(TimeSpan.FromMinutes(2));

        cache.Add("new", Principal("e"), Start.AddHours(1));

        Assert.True(cache.TryGet("long-1", out _));
        Assert.True(cache.TryGet("long-2", out _));
        Assert.True(cache.TryGet("new", out _));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void CapacityZeroCachesNothing()
    {
        var cache = new ValidatedTokenCache(0, _time);

        cache.Add("token", Principal("alice"), Start.AddHours(1));

        Assert.False(cache.TryGet("token", out _));
    }

    private static ClaimsPrincipal Principal(string subject) => new(new ClaimsIdentity([new Claim("sub", subject)], "test"));
}
