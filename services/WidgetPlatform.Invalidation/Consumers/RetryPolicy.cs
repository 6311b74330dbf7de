using MassTransit;
using WidgetPlatform.Invalidation.Validation;

namespace WidgetPlatform.Invalidation.Consumers;

internal static class RetryPolicy
{
    /// <summary>
    /// In-memory retries with backoff for what may pass (Redis or the disk briefly away): 0.1, 0.5, 2, 5 and 15 s, then the
    /// error queue. The broker has no delayed-exchange plugin, so there is no delayed redelivery; the retries hold only the
    /// failing message, the endpoint handles the others meanwhile. A rejection is final at once.
    /// </summary>
    public static void TransientFailures(IRetryConfigurator retry)
    {
        retry.Intervals(100, 500, 2_000, 5_000, 15_000);
        retry.Ignore<InvalidationRejectedException>();
    }
}
