using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Query.Responses;

/// <summary>
/// The shape of a data response (docs/design.md §6) as the OpenAPI document and its clients see it. The gateway never
/// serializes this type: it sends the bytes rendered once by <see cref="ResponseBody"/>, which the contract tests read back
/// into it.
/// </summary>
public sealed record WidgetDataResponse(WidgetResult Data, WidgetDataMetadata Metadata);

/// <summary>What produced the answer: a hit repeats the computation's figures, with its own <see cref="Cache"/> result.</summary>
public sealed record WidgetDataMetadata(
    DateTimeOffset CalculatedAt,
    string DataVersion,
    double QueryTime,
    long RowsProcessed,
    string Key,
    CacheResult Cache);
