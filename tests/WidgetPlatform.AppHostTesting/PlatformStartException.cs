namespace WidgetPlatform.AppHostTesting;

/// <summary>A process of the platform ended while it started; <see cref="PortTaken"/> when it could not bind its port.</summary>
public sealed class PlatformStartException(string message, bool portTaken) : InvalidOperationException(message)
{
    public bool PortTaken { get; } = portTaken;
}
