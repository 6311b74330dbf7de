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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _bus.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogBusNotStarted(logger, Reason(exception), exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _bus.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _bus.DisposeAsync();

    /// <summary>
    /// What the broker refused (PRECONDITION_FAILED - inequivalent arg 'x-queue-type' …), as the faulted endpoints report it:
    /// when the start merely timed out, the exception itself says only that.
    /// </summary>
    private string Reason(Exception exception)
    {
        var faults = bus.CheckHealth().Endpoints.Values
            .Where(endpoint => endpoint.Exception is not null)
            .Select(endpoint => Innermost(endpoint.Exception!).Message)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return faults.Count > 0 ? string.Join("; ", faults) : Innermost(exception).Message;
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
    private static partial void LogBusNotStarted(ILogger logger, string reason, Exception exception);
}
