namespace WidgetPlatform.UnitTests.Cli;

/// <summary>The AppHost's files as it writes them (shape of ResourcesFile.Render and DevTokens.ToJson).</summary>
internal static class PlatformFiles
{
    public const string Resources = """
        {
          "dashboard": "http://127.0.0.1:18888",
          "updatedAt": "2026-11-23T10:00:00+00:00",
          "resources": [
            { "name": "cache", "resource": "cache", "kind": "container", "state": "running", "endpoints": ["tcp://127.0.0.1:6390"],
              "connectionString": "127.0.0.1:6390,password=secret" },
            { "name": "messaging", "resource": "messaging", "state": "running", "endpoints": [], "connectionString": "amqp://u:p@127.0.0.1:5690" },
            { "name": "query-0", "resource": "query", "state": "running", "endpoints": ["http://127.0.0.1:5101"], "connectionString": null },
            { "name": "query-1", "resource": "query", "state": "running", "endpoints": ["http://127.0.0.1:5102"], "connectionString": null }
          ]
        }
        """;

    public const string DevTokens = """{ "viewer": "viewer-token", "uploader": "uploader-token", "admin": "admin-token" }""";
}
