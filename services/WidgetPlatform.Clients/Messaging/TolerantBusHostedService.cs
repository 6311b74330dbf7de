using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WidgetPlatform.Clients.Messaging;

/// <summary>
/// Starts the bus as MassTransit's own hosted service does, but a bus that cannot start (the broker refuses the topology,
/// or cannot be reached within the start timeout) does not abort the process: it says why in one log line and the bus
/// health check keeps the service unhealthy while MassTransit goes on retrying. A crash loop said nothing an operator
/// could act on and stopped /health from answering at all.
/// </summary>
internal sealed partial class TolerantBusHostedService(
    IBusDepot depot, IBusControl bus, IOptions<MassTransitHostOptions> options, ILogger<TolerantBusHostedService> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly MassTransitHostedService _bus = new(depot, options);

    private static readonly TimeSpan FaultWatch = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _bus.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var faults = EndpointFaults();
            LogBusNotStarted(logger, faults ?? Innermost(exception).Message, exception);
            if (faults is null)
            {
                _ = SayWhyOnceKnownAsync(_stopping.Token);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _bus.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        await _bus.DisposeAsync();
    }

    /// <summary>
    /// What the broker refused (PRECONDITION_FAILED - inequivalent arg 'x-queue-type' …), as the faulted endpoints report it;
    /// null while none has faulted (the start merely timed out, say, on a busy machine).
    /// </summary>
    private string? EndpointFaults()
    {
        var faults = bus.CheckHealth().Endpoints.Values
            .Where(endpoint => endpoint.Exception is not null)
            .Select(endpoint => Innermost(endpoint.Exception!).Message)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return faults.Count > 0 ? string.Join("; ", faults) : null;
    }

    /// <summary>
    /// A start that timed out before any endpoint faulted said only that: MassTransit goes on trying, and the broker's refusal
    /// shows on the endpoints a moment later. Said then, in the same words, so the operator reads the reason, not the timeout.
    /// </summary>
    private async Task SayWhyOnceKnownAsync(CancellationToken stopping)
    {
        var deadline = DateTime.UtcNow + FaultWatch;
        try
        {
            while (DateTime.UtcNow < deadline && bus.CheckHealth().Status != BusHealthStatus.Healthy)
            {
                if (EndpointFaults() is { } faults)
                {
                    LogBusNotStarted(logger, faults, null);
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), stopping);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "The message bus did not start, so this service handles no message: {Reason}. It keeps running and reports unhealthy " +
        "on /health until RabbitMQ accepts its queues and exchanges.")]
    private static partial void LogBusNotStarted(ILogger logger, string reason, Exception? exception);
}
