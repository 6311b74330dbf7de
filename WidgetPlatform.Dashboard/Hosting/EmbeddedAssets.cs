using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace WidgetPlatform.Dashboard.Hosting;

/// <summary>Serves the page's files from the assembly's embedded wwwroot/ resources.</summary>
internal static class EmbeddedAssets
{
    private const string Prefix = "wwwroot/";

    public static IEndpointRouteBuilder MapEmbeddedAssets(this IEndpointRouteBuilder endpoints)
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        var contentTypes = new FileExtensionContentTypeProvider();
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var file = resource[Prefix.Length..];
            var contentType = contentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
            var result = TypedResults.Bytes(Read(assembly, resource), contentType);
            endpoints.MapGet(file == "index.html" ? "/" : "/" + file, () => result);
        }

        return endpoints;
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
