using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WidgetPlatform.Data.Storage;

namespace Microsoft.Extensions.Hosting;

/// <summary>The data every service reads; no Redis.</summary>
public static class WidgetDataRegistration
{
    /// <summary>The data root (<c>WidgetPlatform:DataRoot</c>) and the process's clock.</summary>
    public static void AddWidgetData(this IHostApplicationBuilder builder)
    {
        var root = builder.Configuration["WidgetPlatform:DataRoot"];
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new InvalidOperationException(
                "WidgetPlatform:DataRoot is not set (environment variable WidgetPlatform__DataRoot): the folder that holds studies/.");
        }

        builder.Services.AddSingleton(new DataStore(root));
        builder.Services.TryAddSingleton(TimeProvider.System);
    }
}
