using System.Reflection;

namespace WidgetPlatform.AppHost.Hosting.Resources;

/// <summary>
/// Where a service's build output is. The AppHost project references each service and embeds its project path
/// at build time (see the EmbedServiceProjects target), the way Aspire generates its Projects classes.
/// </summary>
public sealed record ServiceProject(string Name, string ProjectPath, string AssemblyPath)
{
    public static ServiceProject Get(string name)
    {
        var metadata = typeof(ServiceProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToList();
        var projectPath = metadata.SingleOrDefault(m => m.Key == $"ServiceProject:{name}")?.Value
            ?? throw new InvalidOperationException($"The AppHost has no project reference named '{name}'.");
        var outputFolder = metadata.Single(m => m.Key == "ServiceOutput").Value!;
        var assemblyName = Path.GetFileNameWithoutExtension(projectPath);
        var assemblyPath = Path.Combine(Path.GetDirectoryName(projectPath)!, outputFolder, assemblyName + ".dll");
        return new ServiceProject(name, projectPath, assemblyPath);
    }
}
