using MassTransit;

namespace WidgetPlatform.Invalidation.Consumers;

internal static class Redelivery
{
    /// <summary>The message was handled before: an in-memory retry, or the broker redelivering what a dead consumer held.</summary>
    public static bool IsRedelivery(this ConsumeContext context) =>
        context.ReceiveContext.Redelivered || context.GetRetryAttempt() > 0;
}
