namespace WidgetPlatform.AppHost.Hosting.Resources;

/// <summary>One of our .NET services, run from its build output with the environment a real Aspire AppHost would give it.</summary>
public sealed class ProjectResource(string name, ServiceProject project) : Resource(name)
{
    private readonly List<Resource> _references = [];

    public override string Kind => "project";

    public ServiceProject Project { get; } = project;

    public int Replicas { get; private set; } = 1;

    /// <summary>Servers and services whose connection strings or URLs this service receives.</summary>
    public IReadOnlyList<Resource> References => _references;

    public ProjectResource WithReference(Resource resource)
    {
        if (!_references.Contains(resource))
        {
            _references.Add(resource);
        }

        return this;
    }

    public ProjectResource WaitFor(Resource resource)
    {
        AddWait(resource);
        return this;
    }

    public ProjectResource WithReplicas(int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        Replicas = replicas;
        return this;
    }
}
