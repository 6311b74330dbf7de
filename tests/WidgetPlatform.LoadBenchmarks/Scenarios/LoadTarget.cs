namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>One endpoint wrk drives: the name its figures get, the URL, the bearer token (null for the bare ceiling), a Lua script.</summary>
internal sealed record LoadTarget(string Name, Uri Url, string? Token, string Note, string? Script = null);
