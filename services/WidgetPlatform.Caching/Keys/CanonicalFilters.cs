using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Caching.Keys;

/// <summary>
/// The canonical filter of a request, remembered per widget definition and per query as it was written.
/// </summary>
/// <remarks>
/// Why: building the canonical JSON (sorted sets, a JSON writer) and its SHA-256 was the largest piece of our own code on a
/// cached widget hit (about a fifth of the request's work in a CPU profile at 64 connections), and dashboards repeat the
/// same few queries. The memo key is the query written out exactly and unambiguously (every string length-prefixed), so
/// two queries share an entry only when they are equal; a query that differs only in order gets its own entry with the
/// same canonical filter. Entries hang off the definition object, so a new revision starts empty and the old one's
/// entries go with it; each definition keeps at most <see cref="PerDefinition"/> queries, then starts over. A query
/// object seen before is found by reference, without writing its text (632 → 0 bytes per repeated request).
/// </remarks>
public sealed class CanonicalFilters
{
    public const int PerDefinition = 4096;

    private readonly ConditionalWeakTable<WidgetDefinition, Memo> _byDefinition = [];

    /// <param name="sharedQuery">
    /// The caller keeps this query object and asks with it again (the gateway's parsed query strings): its filter is then
    /// also remembered by reference. Not for query objects made per call (dashboard items, warm targets), whose entries
    /// would only churn the table's weak handles.
    /// </param>
    public CanonicalFilter For(WidgetDefinition definition, WidgetQuery query, bool sharedQuery = false)
    {
        var memo = _byDefinition.GetValue(definition, static _ => new Memo());

        // A query object met before (the gateway shares one per query string) is found without writing its text out.
        if (memo.ByQuery.TryGetValue(query, out var seen))
        {
            return seen;
        }

        var text = QueryText(query);
        if (!memo.ByText.TryGetValue(text, out var known))
        {
            if (memo.ByText.Count >= PerDefinition)
            {
                memo.ByText.Clear();
            }

            known = memo.ByText.GetOrAdd(text, static (_, state) => CanonicalFilter.Create(state.definition, state.query), (definition, query));
        }

        if (sharedQuery)
        {
            memo.ByQuery.AddOrUpdate(query, known);
        }

        return known;
    }

    private static string QueryText(WidgetQuery query)
    {
        if (query.Filters.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{query.From:yyyy-MM-dd}|{query.To:yyyy-MM-dd}");
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{query.From:yyyy-MM-dd}|{query.To:yyyy-MM-dd}");
        foreach (var (column, values) in query.Filters)
        {
            Append(text, column).Append(CultureInfo.InvariantCulture, $"{values.Count}:");
            foreach (var value in values)
            {
                Append(text, value);
            }
        }

        return text.ToString();
    }

    private static StringBuilder Append(StringBuilder text, string value) =>
        text.Append(CultureInfo.InvariantCulture, $"{value.Length}:").Append(value);

    /// <summary>One definition's canonical filters: by query text, and by query object while that object lives.</summary>
    private sealed class Memo
    {
        public ConcurrentDictionary<string, CanonicalFilter> ByText { get; } = new(StringComparer.Ordinal);

        public ConditionalWeakTable<WidgetQuery, CanonicalFilter> ByQuery { get; } = [];
    }
}
