using Microsoft.Extensions.Hosting;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.Dashboard.Apis;

internal sealed record ResourceActionServices(IResourceControl Control, IHostApplicationLifetime Lifetime);
