using Microsoft.AspNetCore.Http;
using WidgetPlatform.Query.Requests;

namespace WidgetPlatform.UnitTests.Query;

public sealed class DataQueriesTests
{
    private readonly DataQueries _queries = new();

    [Fact]
    public void AQueryStringReadBeforeGivesTheSameParsedQuery()
    {
        var first = _queries.Read(Request("?from=2024-01-01&f.site=S01&f.site=S02&v=2024-05-01-120000"));
        var again = _queries.Read(Request("?from=2024-01-01&f.site=S01&f.site=S02&v=2024-05-01-120000"));

        Assert.Same(first, again);
        Assert.Equal(new DateOnly(2024, 1, 1), first.Query.From);
        Assert.Equal(["S01", "S02"], first.Query.Filters["site"]);
        Assert.Equal("2024-05-01-120000", first.WantedVersion);
    }

    [Fact]
    public void DifferentQueryStringsAreReadApart()
    {
        var wide = _queries.Read(Request("?from=2024-01-01"));
        var narrow = _queries.Read(Request("?from=2024-02-01"));
        var none = _queries.Read(Request(""));

        Assert.Equal(new DateOnly(2024, 2, 1), narrow.Query.From);
        Assert.NotEqual(wide.Query.From, narrow.Query.From);
        Assert.Null(none.Query.From);
        Assert.Null(none.WantedVersion);
    }

    [Fact]
    public void ABadQueryStringIsRefusedEveryTimeAndNeverRemembered()
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.Throws<RequestValidationException>(() => _queries.Read(Request("?from=yesterday")));
            Assert.Throws<RequestValidationException>(() => _queries.Read(Request("?v=a&v=b")));
        }
    }

    [Fact]
    public void TheMemoStaysBounded()
    {
        var first = _queries.Read(Request("?from=2024-01-01&f.site=S-0"));
        for (var i = 1; i <= DataQueries.Capacity; i++)
        {
            _queries.Read(Request($"?from=2024-01-01&f.site=S-{i}"));
        }

        // It started over once full, so the first text is parsed again: equal, but a new instance.
        var again = _queries.Read(Request("?from=2024-01-01&f.site=S-0"));
        Assert.Equal(first.Query.Filters["site"], again.Query.Filters["site"]);
        Assert.NotSame(first, again);
    }

    private static HttpRequest Request(string queryString)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(queryString.Length == 0 ? null : queryString);
        return context.Request;
    }
}
