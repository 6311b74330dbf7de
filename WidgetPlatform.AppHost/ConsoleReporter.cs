using WidgetPlatform.Auth;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.AppHost;

/// <summary>Tells the person at the terminal what the resources are doing: a line per change, a table once all are up.</summary>
public sealed class ConsoleReporter(IResourceControl control)
{
    private readonly Dictionary<string, (ResourceState, ResourceHealth)> _last = [];

    public async Task ReportChangesAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        do
        {
            foreach (var resource in control.GetResources())
            {
                var now = (resource.State, resource.Health);
                if (!_last.TryGetValue(resource.Name, out var before) || before != now)
                {
                    _last[resource.Name] = now;
                    Console.WriteLine($"{DateTime.Now:HH:mm:ss} {resource.Name,-14} {resource.State,-9} {resource.Health,-9} {Describe(resource)}");
                }
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    public void PrintTable(Uri? dashboard, string stateDirectory)
    {
        Console.WriteLine();
        Console.WriteLine($"{"RESOURCE",-14} {"KIND",-9} {"STATE",-9} {"HEALTH",-9} {"PID",-8} ENDPOINTS");
        foreach (var resource in control.GetResources())
        {
            Console.WriteLine($"{resource.Name,-14} {resource.Kind,-9} {resource.State,-9} {resource.Health,-9} {resource.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",-8} {string.Join(' ', resource.Endpoints)}");
        }

        Console.WriteLine();
        if (dashboard is not null)
        {
            Console.WriteLine($"Dashboard:      {dashboard}");
        }

        Console.WriteLine($"Resources file: {Path.Combine(stateDirectory, "resources.json")} (connection strings, PIDs)");
        Console.WriteLine($"Logs:           {Path.Combine(stateDirectory, "logs")}");
        Console.WriteLine($"Dev tokens:     {Path.Combine(stateDirectory, DevTokens.FileName)} (viewer, uploader, admin; send as Authorization: Bearer)");
        Console.WriteLine("Press Ctrl+C to stop everything.");
    }

    private static string Describe(ResourceSnapshot resource) =>
        resource.Pid is { } pid ? $"pid {pid}" : resource.LastExit ?? "";
}
