using System.Diagnostics;
using OpenTelemetry;

namespace WidgetPlatform.ServiceDefaults;

/// <summary>
/// Keeps spans out of the export whose parent is not exported: the Redis PING of a /health probe (the probe's request is
/// filtered out, its children were not), and Redis commands outside any operation. Aspire samples everything, so these
/// arrived several times a second from every service as traces of their own and buried, in the dashboard, the traces a
/// developer looks for. Clearing Recorded before the export processor runs is how OpenTelemetry .NET drops a finished span.
/// </summary>
internal sealed class OrphanSpanFilter : BaseProcessor<Activity>
{
    private const string RedisInstrumentationSource = "OpenTelemetry.Instrumentation.StackExchangeRedis";

    public override void OnEnd(Activity data)
    {
        var parentNotExported = data.Parent is { Recorded: false };
        var redisOutsideAnyOperation = data.ParentSpanId == default && data.Source.Name == RedisInstrumentationSource;
        if (parentNotExported || redisOutsideAnyOperation)
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
