namespace WidgetPlatform.Dashboard.Resources;

public enum ResourceState
{
    /// <summary>Not started yet: waiting for the resources it references to be healthy.</summary>
    Waiting,
    Starting,
    Running,
    /// <summary>Exited on its own; a restart with backoff is scheduled.</summary>
    Exited,
    Stopping,
    /// <summary>Stopped on request (dashboard or shutdown); stays stopped until started again.</summary>
    Stopped,
    /// <summary>Uses an existing server given by connection string; the AppHost owns no process.</summary>
    External,
}
