using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Responses;

namespace WidgetPlatform.MicroBenchmarks;

/// <summary>What a widget request costs before any cache is asked: its query, canonical filter, key and ETag.</summary>
[MemoryDiagnoser]
public class RequestKeyBenchmarks
{
    private readonly QueryCollection _query = HotPathRequest.Query();
    private readonly CanonicalFilters _filters = new();
    private readonly DataQueries _queries = new();
    private readonly DefaultHttpContext _request = new();
    private WidgetQuery _parsed = null!;
    private CanonicalFilter _filter = null!;
    private WidgetCacheKey _key = null!;
    private DefaultHttpContext _revalidation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request.Request.QueryString = QueryString.Create(_query.SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value))));
        _queries.Read(_request.Request);
        _parsed = WidgetQueryParser.FromQueryString(_query);
        _filter = _filters.For(HotPathRequest.Definition, _parsed, sharedQuery: true);
        _key = new WidgetCacheKey(HotPathRequest.StudyId, HotPathRequest.Definition.WidgetId, HotPathRequest.DataVersion, _filter.Hash);
        _revalidation = new DefaultHttpContext();
        _revalidation.Request.Headers.IfNoneMatch = EntityTags.For(_key);
    }

    [Benchmark]
    public WidgetQuery ParseQuery() => WidgetQueryParser.FromQueryString(_query);

    /// <summary>What a repeated query string pays: the memo's lookup by its text.</summary>
    [Benchmark]
    public DataQuery RememberedQuery() => _queries.Read(_request.Request);

    /// <summary>The canonical JSON and its SHA-256, as for a query never seen before.</summary>
    [Benchmark]
    public CanonicalFilter BuildCanonicalFilter() => CanonicalFilter.Create(HotPathRequest.Definition, _parsed);

    /// <summary>What a repeated query pays: the memo's lookup (by reference: the gateway shares one query object per query string).</summary>
    [Benchmark]
    public CanonicalFilter RememberedCanonicalFilter() => _filters.For(HotPathRequest.Definition, _parsed, sharedQuery: true);

    [Benchmark]
    public string BuildKey() => new WidgetCacheKey(HotPathRequest.StudyId, HotPathRequest.Definition.WidgetId, HotPathRequest.DataVersion, _filter.Hash).Value;

    /// <summary>What a request on the current version pays: the filter's last key, checked.</summary>
    [Benchmark]
    public WidgetCacheKey RememberedKey() => _filter.KeyFor(HotPathRequest.StudyId, HotPathRequest.Definition.WidgetId, HotPathRequest.DataVersion);

    [Benchmark]
    public string EntityTag() => EntityTags.For(_key);

    /// <summary>A browser's revalidation: the If-None-Match it sends back, compared with the key's tag.</summary>
    [Benchmark]
    public bool RevalidationMatches() => EntityTags.Matches(_revalidation.Request, EntityTags.For(_key));
}
