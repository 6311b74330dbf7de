using System.Runtime.InteropServices;

namespace WidgetPlatform.AppHost;

/// <summary>Turns Ctrl+C, SIGTERM and SIGHUP into a cancellation, so the AppHost stops its children instead of dying with them running.</summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];
    }

    public CancellationToken Token => _requested.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _requested.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _requested.Dispose();
    }
}
