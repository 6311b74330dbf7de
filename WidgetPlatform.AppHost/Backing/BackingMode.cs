namespace WidgetPlatform.AppHost.Backing;

/// <summary>How the AppHost runs Redis and RabbitMQ (<c>WidgetPlatform:Backing</c>).</summary>
public enum BackingMode
{
    /// <summary>Containers when a container runtime answers, Debian's servers as executables otherwise.</summary>
    Auto,

    /// <summary>Aspire's container integrations (Aspire.Hosting.Redis, Aspire.Hosting.RabbitMQ).</summary>
    Containers,

    /// <summary><c>redis-server</c> and <c>rabbitmq-server</c> from the machine's packages.</summary>
    Executables,
}
