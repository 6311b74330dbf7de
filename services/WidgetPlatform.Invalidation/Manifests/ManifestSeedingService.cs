namespace WidgetPlatform.Invalidation.Manifests;

/// <summary>
/// Seeds the mirror at startup (DESIGN §3: Redis mirrors the manifests). Registered before the message bus, so consumers
/// start on a seeded mirror; a Redis that is unreachable fails the start and the AppHost restarts the service.
/// </summary>
public sealed class ManifestSeedingService(ManifestSeeding seeding) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => seeding.SeedAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
