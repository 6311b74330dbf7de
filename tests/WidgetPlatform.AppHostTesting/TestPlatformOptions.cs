namespace WidgetPlatform.AppHostTesting;

/// <summary>How a test wants the platform shaped; everything else is the AppHost's own model.</summary>
public sealed class TestPlatformOptions
{
    /// <summary>Replicas by service name (<c>query</c>, <c>invalidation</c>, <c>warmer</c>); 1 where not named.</summary>
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    /// <summary>Extra environment variables by service name, added to the AppHost's own.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Environment { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>AppHost configuration by key (<c>WidgetPlatform:CacheServer:MaxMemory</c>), given to it as command-line arguments.</summary>
    public IReadOnlyDictionary<string, string> AppHostSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Runs Aspire's dashboard too (on free loopback ports), with the services' telemetry sent to it.</summary>
    public bool WithDashboard { get; init; }

    /// <summary>Runs the demo dashboard (<c>web</c>, clients/demo-dashboard) too; its packages must be installed.</summary>
    public bool WithWeb { get; init; }

    /// <summary>Adverse-event rows of the demo study written before the services start; small so tests stay fast. 0 writes none.</summary>
    public int DemoRows { get; init; } = 20_000;

    /// <summary>Changes to the AppHost's model before it is built (more resources, other settings), as a test needs them.</summary>
    public Action<Aspire.Hosting.Testing.IDistributedApplicationTestingBuilder>? Configure { get; init; }

    /// <summary>A state folder to start from (it is kept); by default a new temporary one, deleted at the end.</summary>
    public string? StateDirectory { get; init; }
}
