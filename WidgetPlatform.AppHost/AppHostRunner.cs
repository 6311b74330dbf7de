using WidgetPlatform.AppHost.Hosting;
using WidgetPlatform.Dashboard;

namespace WidgetPlatform.AppHost;

/// <summary>Runs the platform until Ctrl+C or SIGTERM, then stops every process it started.</summary>
public static class AppHostRunner
{
    public static async Task<int> RunAsync(DistributedApplicationOptions options, CancellationToken cancellationToken)
    {
        using var signal = new ShutdownSignal();
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(signal.Token, cancellationToken);
        var builder = new DistributedApplicationBuilder(options).AddWidgetPlatform();
        try
        {
            await using var application = builder.Build();
            await using var dashboard = options.DashboardUrl is null
                ? null
                : await DashboardServer.StartAsync(application, options.DashboardUrl, shutdown.Token);
            var reporter = new ConsoleReporter(application);
            var reporting = reporter.ReportChangesAsync(shutdown.Token);
            Console.WriteLine($"Starting WidgetPlatform; state in {options.StateDirectory}");
            if (dashboard is not null)
            {
                Console.WriteLine($"Dashboard: {dashboard.Url}");
            }

            try
            {
                await application.StartAsync(shutdown.Token);
                await application.WaitForAllHealthyAsync(shutdown.Token);
                reporter.PrintTable(dashboard?.Url, options.StateDirectory);
                await Task.Delay(Timeout.Infinite, shutdown.Token);
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
            {
                Console.WriteLine("Stopping every resource…");
            }

            await reporting;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }

        Console.WriteLine("Stopped.");
        return 0;
    }
}
