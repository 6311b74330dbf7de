using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Data.Tests.OnePass;

/// <summary>Counts what the engine reports, so tests can say how many times the files were read.</summary>
internal sealed class CountingObserver : IComputeObserver
{
    private int _scans;
    private int _plans;
    private int _built;
    private int _shared;

    public int Scans => _scans;

    public int Plans => _plans;

    public int Built => _built;

    public int Shared => _shared;

    public void ScanRun(int plans)
    {
        Interlocked.Increment(ref _scans);
        Interlocked.Add(ref _plans, plans);
    }

    public void PartialsBuilt() => Interlocked.Increment(ref _built);

    public void PartialsShared() => Interlocked.Increment(ref _shared);
}
