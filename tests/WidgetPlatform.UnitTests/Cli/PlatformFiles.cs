namespace WidgetPlatform.UnitTests.Cli;

/// <summary>The AppHost's files as it writes them (shape of ResourcesFileWriter and DevTokens.ToJson).</summary>
internal static class PlatformFiles
{
    public const string Resources = """
        {
          "dashboard": "http://127.0.0.1:18888",
          "dashboardLogin": "http://127.0.0.1:18888/login?t=0123abcd",
          "updatedAt": "2026-11-23T10:00:00+00:00",
          "resources": [
            { "name": "cache-hhutgdxa", "resource": "cache", "type": "Executable", "state": "Running", "health": "Healthy", "pid": 4591,
              "exitCode": null, "endpoints": ["redis://localhost:6390"], "connectionString": "127.0.0.1:6390,password=secret" },
            { "name": "messaging-eujwvznp", "resource": "messaging", "type": "Executable", "state": "Running", "health": "Healthy", "pid": 4593,
              "exitCode": null, "endpoints": ["amqp://localhost:5690"], "connectionString": "amqp://u:p@127.0.0.1:5690" },
            { "name": "query-rmmrshum", "resource": "query", "type": "Project", "state": "Running", "health": "Healthy", "pid": 4701,
              "exitCode": null, "endpoints": ["http://127.0.0.1:5101"], "connectionString": null },
            { "name": "query-sfcrbpbb", "resource": "query", "type": "Project", "state": "Running", "health": "Healthy", "pid": 4702,
              "exitCode": null, "endpoints": ["http://127.0.0.1:5102"], "connectionString": null }
          ]
        }
        """;

    public const string DevTokens = """{ "viewer": "viewer-token", "uploader": "uploader-token", "admin": "admin-token" }""";
}
