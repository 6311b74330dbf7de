namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>1 s, 2 s, 4 s … up to 30 s between restarts of a crashing process; a process that ran a minute starts over at 1 s.</summary>
public sealed class RestartBackoff
{
    private static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);
    private int _consecutiveFailures;

    public TimeSpan Next(TimeSpan uptime)
    {
        _consecutiveFailures = uptime >= StableAfter ? 1 : _consecutiveFailures + 1;
        var delay = TimeSpan.FromSeconds(Math.Pow(2, _consecutiveFailures - 1));
        return delay < Maximum ? delay : Maximum;
    }
}
