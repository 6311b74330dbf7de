namespace WidgetPlatform.Query.Uploads;

/// <summary>The broker did not confirm an upload's announcement in time: the version was written, but nobody was told.</summary>
public sealed class BrokerUnavailableException(string version, Exception cause)
    : Exception($"The message broker did not confirm the announcement of version {version} in time; upload again (a new version is made).", cause);
