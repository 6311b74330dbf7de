using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using StackExchange.Redis;

namespace WidgetPlatform.Invalidation.Manifests;

/// <summary>
/// Seeds the mirror at startup (docs/design.md §3: Redis mirrors the manifests). Registered before the message bus, so consumers
/// start on a seeded mirror. A Redis that does not answer is waited for, with a log line per attempt: nothing restarts a
/// crashed service under Aspire, and a service that waits recovers by itself once Redis is back.
/// </summary>
public sealed partial class ManifestSeedingService(
    ManifestSeeding seeding, IOptions<InvalidationOptions> options, ILogger<ManifestSeedingService> logger) : IHostedService
{
    private readonly ResiliencePipeline _untilRedisAnswers = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RedisException>().Handle<TimeoutException>(),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = options.Value.SeedRetryDelay,
            MaxDelay = options.Value.SeedRetryMaxDelay,
            UseJitter = true,
            OnRetry = retry =>
            {
                LogSeedingRetried(logger, retry.RetryDelay.TotalSeconds, retry.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public async Task StartAsync(CancellationToken cancellationToken) =>
        await _untilRedisAnswers.ExecuteAsync(async token => await seeding.SeedAllAsync(token), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The manifest mirror could not be seeded, Redis did not answer ({Reason}); trying again in {Seconds:0.0} s.")]
    private static partial void LogSeedingRetried(ILogger logger, double seconds, string? reason);
}
