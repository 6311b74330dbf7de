using System.Diagnostics;
using WidgetPlatform.AppHost.Hosting.Health;
using WidgetPlatform.AppHost.Hosting.Resources;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>One supervised process of a resource (or a probed external server): start, stop, restart on crash, health.</summary>
public sealed class ResourceInstance : IAsyncDisposable
{
    private readonly ProcessSpec? _spec;
    private readonly Func<CancellationToken, Task>? _prepare;
    private readonly IHealthProbe _probe;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RestartBackoff _backoff = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly List<int> _startedPids = [];
    private TaskCompletionSource _healthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ChildProcess? _process;
    private bool _stopRequested;
    private Task? _healthLoop;
    private DateTimeOffset? _startedAt;
    private string? _lastExit;
    private int _restartCount;

    public ResourceInstance(
        string name,
        Resource resource,
        IReadOnlyList<string> endpoints,
        ProcessSpec? spec,
        IHealthProbe probe,
        LogBuffer log,
        Func<CancellationToken, Task>? prepare = null)
    {
        Name = name;
        Resource = resource;
        Endpoints = endpoints;
        _spec = spec;
        _probe = probe;
        _prepare = prepare;
        Log = log;
        State = spec is null ? ResourceState.External : ResourceState.Waiting;
    }

    public string Name { get; }

    public Resource Resource { get; }

    public IReadOnlyList<string> Endpoints { get; }

    public LogBuffer Log { get; }

    public ResourceState State { get; private set; }

    public ResourceHealth Health { get; private set; } = ResourceHealth.Unknown;

    public int? Pid => _process?.Pid;

    /// <summary>Every PID this instance ever started, sidecars included: what must be gone after shutdown.</summary>
    public IReadOnlyList<int> StartedPids
    {
        get
        {
            lock (_startedPids)
            {
                return [.. _startedPids];
            }
        }
    }

    public ResourceSnapshot Snapshot() =>
        new(Name, Resource.Name, Resource.Kind, State, Health, Pid, Endpoints, _restartCount, _startedAt, _lastExit);

    /// <summary>Completes once the instance has been healthy (again, after a restart).</summary>
    public Task WaitUntilHealthyAsync(CancellationToken cancellationToken) => _healthy.Task.WaitAsync(cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _healthLoop ??= Task.Run(() => WatchHealthAsync(_lifetime.Token), CancellationToken.None);
        if (_spec is null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _stopRequested = false;
            if (_process is null)
            {
                if (_prepare is not null)
                {
                    await _prepare(cancellationToken);
                }

                LaunchLocked();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        ChildProcess? process;
        await _gate.WaitAsync();
        try
        {
            _stopRequested = true;
            process = _process;
            if (process is not null)
            {
                State = ResourceState.Stopping;
                Log.Append("apphost", "stopping");
            }
        }
        finally
        {
            _gate.Release();
        }

        if (process is not null)
        {
            await process.StopAsync();
            await process.Exited;
        }
    }

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync();
        await StartAsync(cancellationToken);
    }

    private void LaunchLocked()
    {
        State = ResourceState.Starting;
        MarkUnhealthy();
        Log.Append("apphost", $"starting {_spec!.FileName} {string.Join(' ', _spec.Arguments)}");
        var process = ChildProcess.Start(_spec, Log, RecordPid);
        _process = process;
        _startedAt = DateTimeOffset.UtcNow;
        State = ResourceState.Running;
        _ = SuperviseAsync(process);
    }

    private void RecordPid(int pid)
    {
        lock (_startedPids)
        {
            _startedPids.Add(pid);
        }
    }

    private async Task SuperviseAsync(ChildProcess process)
    {
        var uptime = Stopwatch.StartNew();
        var exitCode = await process.Exited;
        await process.StopAsync(); // sidecars and any stray descendants go with it
        TimeSpan delay;
        await _gate.WaitAsync();
        try
        {
            _process = null;
            _lastExit = $"exit code {exitCode} at {DateTimeOffset.UtcNow:HH:mm:ss}";
            MarkUnhealthy();
            if (_stopRequested || _lifetime.IsCancellationRequested)
            {
                State = ResourceState.Stopped;
                Log.Append("apphost", $"stopped ({_lastExit})");
                return;
            }

            State = ResourceState.Exited;
            delay = _backoff.Next(uptime.Elapsed);
            Log.Append("apphost", $"exited unexpectedly ({_lastExit}); restarting in {delay.TotalSeconds:0} s");
        }
        finally
        {
            _gate.Release();
        }

        try
        {
            await Task.Delay(delay, _lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await _gate.WaitAsync();
        try
        {
            if (!_stopRequested && _process is null && !_lifetime.IsCancellationRequested)
            {
                _restartCount++;
                LaunchLocked();
            }
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception)
        {
            State = ResourceState.Exited;
            Log.Append("apphost", $"restart failed: {e.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    private void MarkUnhealthy()
    {
        Health = ResourceHealth.Unhealthy;
        if (_healthy.Task.IsCompleted)
        {
            _healthy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private async Task WatchHealthAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var running = State is ResourceState.Running or ResourceState.External;
            var health = running ? await CheckSafelyAsync(cancellationToken) : ResourceHealth.Unhealthy;
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            Health = health;
            if (health is ResourceHealth.Healthy or ResourceHealth.Degraded)
            {
                _healthy.TrySetResult();
            }

            // Poll fast until healthy so dependants start without delay; then once a second is plenty.
            var interval = _healthy.Task.IsCompleted ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(200);
            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<ResourceHealth> CheckSafelyAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _probe.CheckAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return ResourceHealth.Unknown;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        await StopAsync();
        if (_healthLoop is not null)
        {
            await _healthLoop;
        }

        await _probe.DisposeAsync();
        Log.Dispose();
        _lifetime.Dispose();
        _gate.Dispose();
    }
}
