namespace WidgetPlatform.AppHost.Hosting.Resources;

/// <summary>A named part of the platform the AppHost runs or connects to.</summary>
public abstract class Resource(string name)
{
    private readonly List<Resource> _waitsFor = [];

    public string Name { get; } = name;

    public abstract string Kind { get; }

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    internal void AddWait(Resource dependency)
    {
        if (!_waitsFor.Contains(dependency))
        {
            _waitsFor.Add(dependency);
        }
    }
}
