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
internal sealed partial class TolerantBusHostedService : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan FaultWatch = TimeSpan.FromMinutes(1);

    private readonly MassTransitHostedService _bus;
    private readonly EndpointFaultRecorder _faults = new();
    private readonly ILogger<TolerantBusHostedService> _logger;
    private readonly CancellationTokenSource _stopping = new();

    public TolerantBusHostedService(
        IBusDepot depot, IBusControl bus, IOptions<MassTransitHostOptions> options, ILogger<TolerantBusHostedService> logger)
    {
        _bus = new MassTransitHostedService(depot, options);
        _logger = logger;
        bus.ConnectReceiveEndpointObserver(_faults);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _bus.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = _faults.Describe() ?? EndpointFaultRecorder.Innermost(exception).Message;
            LogBusNotStarted(_logger, reason, exception);
            _ = SayFurtherReasonsAsync(reason, _stopping.Token);
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
    /// The first line may hold only a timeout (the start gave up before the broker answered) or a consequence of the refusal
    /// (a disposed channel): the reasons MassTransit meets while it goes on retrying are said too, each once, for a minute.
    /// </summary>
    private async Task SayFurtherReasonsAsync(string said, CancellationToken stopping)
    {
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        watch.CancelAfter(FaultWatch);
        try
        {
            await foreach (var reason in _faults.NewReasons.ReadAllAsync(watch.Token))
            {
                if (!said.Contains(reason, StringComparison.Ordinal))
                {
                    LogBusNotStarted(_logger, reason, null);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "The message bus did not start, so this service handles no message: {Reason}. It keeps running and reports unhealthy " +
        "on /health until RabbitMQ accepts its queues and exchanges.")]
    private static partial void LogBusNotStarted(ILogger logger, string reason, Exception? exception);
}
