namespace WidgetPlatform.Data.Compute;

/// <summary>What the engine reports of its own work, for statistics: scans of the files, and where daily partials came from.</summary>
public interface IComputeObserver
{
    /// <summary>One pass over a version's files served <paramref name="plans"/> plans (widgets, or the partials of several).</summary>
    void ScanRun(int plans);

    /// <summary>Daily partials were built by a scan here.</summary>
    void PartialsBuilt();

    /// <summary>Daily partials another process built were loaded instead of scanning.</summary>
    void PartialsShared();
}
