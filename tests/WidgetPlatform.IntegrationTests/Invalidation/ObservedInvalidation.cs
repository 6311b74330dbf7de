using WidgetPlatform.Contracts;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>A CacheInvalidated as a subscriber sees it: the message, and the AMQP headers it came with.</summary>
internal sealed record ObservedInvalidation(CacheInvalidated Message, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ReceivedAt);
