using WidgetPlatform.AppHost.Hosting.Health;
using WidgetPlatform.AppHost.Hosting.Resources;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>Turns a project resource into one process per replica, each on its own loopback port.</summary>
public static class ProjectLauncher
{
    public static IReadOnlyList<Uri> AllocateUrls(ProjectResource project) =>
        [.. Enumerable.Range(0, project.Replicas).Select(_ => new Uri($"http://127.0.0.1:{FreePorts.Next()}"))];

    public static ResourceInstance CreateReplica(
        ProjectResource project,
        int replica,
        Uri url,
        IReadOnlyDictionary<string, string> connectionStrings,
        IReadOnlyDictionary<string, IReadOnlyList<Uri>> serviceUrls,
        DistributedApplicationOptions options,
        string devSigningKey)
    {
        var name = ServiceEnvironment.InstanceName(project, replica);
        var assembly = project.Project.AssemblyPath;
        var environment = ServiceEnvironment.For(project, replica, url, connectionStrings, serviceUrls, options, devSigningKey);
        var spec = new ProcessSpec(DotnetHost(), [assembly], environment, Path.GetDirectoryName(assembly)!);

        Task Prepare(CancellationToken _) => File.Exists(assembly)
            ? Task.CompletedTask
            : throw new FileNotFoundException($"{project.Name} is not built: build {project.Project.ProjectPath} (building the AppHost builds it).", assembly);

        var log = new LogBuffer(Path.Combine(options.StateDirectory, "logs", name + ".log"));
        return new ResourceInstance(name, project, [url.ToString().TrimEnd('/')], spec, new HttpHealthProbe(url), log, Prepare);
    }

    /// <summary>The dotnet executable running us (the CLI sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : ExecutableLocator.Find("dotnet") ?? "dotnet";
}
