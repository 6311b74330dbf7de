using System.Collections.Concurrent;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Query.Requests;

/// <summary>
/// A data request's query string as read: the query, the data version it wants (<c>v</c>), if any, and whether it asks to
/// skip the cache (<c>skipCache</c>, admins only).
/// </summary>
public sealed record DataQuery(WidgetQuery Query, string? WantedVersion, bool SkipCache);

/// <summary>
/// The query strings of data requests, parsed once each and remembered by their exact text.
/// </summary>
/// <remarks>
/// Why: dashboards repeat the same few query strings, and reading one (the framework's query collection, then our checks
/// and dictionaries) cost about 1 KB and 0.4 µs on every cached hit. The same parsed query also lets the canonical
/// filter and the key be found by reference further on. Only a query string that parsed without an error is remembered;
/// the parsed objects are read-only and shared. At most <see cref="Capacity"/> texts are kept, then it starts over, so
/// a client sending endless new query strings costs a bounded amount of memory.
/// </remarks>
public sealed class DataQueries
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, DataQuery> _byText = new(StringComparer.Ordinal);

    /// <exception cref="RequestValidationException">The query string breaks a rule of docs/design.md §6.</exception>
    public DataQuery Read(HttpRequest request)
    {
        var text = request.QueryString.Value ?? "";
        if (_byText.TryGetValue(text, out var known))
        {
            return known;
        }

        var read = new DataQuery(
            WidgetQueryParser.FromQueryString(request.Query), WidgetQueryParser.WantedVersion(request.Query), WidgetQueryParser.SkipCache(request.Query));
        if (_byText.Count >= Capacity)
        {
            _byText.Clear();
        }

        return _byText.GetOrAdd(text, read);
    }
}
