using System.Text.Json;
using System.Text.Json.Serialization;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>
/// Keeps <c>resources.json</c> current for scripts and the admin CLI: what runs, where, with which PIDs and connection
/// strings. It holds passwords, so only its owner may read it.
/// </summary>
public sealed class ResourcesFile : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly Task _loop;

    private ResourcesFile(Task loop) => _loop = loop;

    public static ResourcesFile Start(string path, DistributedApplication application, IReadOnlyDictionary<string, string> connectionStrings, CancellationToken stopping) =>
        new(Task.Run(() => KeepCurrentAsync(path, application, connectionStrings, stopping), CancellationToken.None));

    public static string Render(DistributedApplication application, IReadOnlyDictionary<string, string> connectionStrings) =>
        JsonSerializer.Serialize(new
        {
            dashboard = application.Options.DashboardUrl?.ToString().TrimEnd('/'),
            updatedAt = DateTimeOffset.UtcNow,
            resources = application.Instances.Select(instance => new
            {
                name = instance.Name,
                resource = instance.Resource.Name,
                kind = instance.Resource.Kind,
                state = instance.State,
                health = instance.Health,
                pid = instance.Pid,
                pids = instance.StartedPids,
                endpoints = instance.Endpoints,
                restartCount = instance.Snapshot().RestartCount,
                connectionString = connectionStrings.GetValueOrDefault(instance.Resource.Name),
            }),
        }, Json);

    private static async Task KeepCurrentAsync(string path, DistributedApplication application, IReadOnlyDictionary<string, string> connectionStrings, CancellationToken stopping)
    {
        string? written = null;
        while (!stopping.IsCancellationRequested)
        {
            // updatedAt always differs: compare the snapshots so the file is rewritten only on a real change.
            var comparable = string.Join('\n', application.GetResources());
            if (comparable != written)
            {
                Write(path, Render(application, connectionStrings));
                written = comparable;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        Write(path, Render(application, connectionStrings));
    }

    private static void Write(string path, string contents)
    {
        var temporary = path + ".tmp";
        Secrets.WritePrivateFile(temporary, contents);
        File.Move(temporary, path, overwrite: true);
    }

    public async ValueTask DisposeAsync() => await _loop;
}
