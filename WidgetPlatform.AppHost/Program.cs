using WidgetPlatform.AppHost;
using WidgetPlatform.AppHost.Backing;
using WidgetPlatform.AppHost.DevState;

var builder = DistributedApplication.CreateBuilder(args);

var state = builder.AddDevState();

// Backing services: containers where a runtime answers, Debian's servers otherwise, or an existing server by connection string.
var backing = BackingServices.Choose(builder);
var cache = builder.AddCache("cache", backing);
var messaging = builder.AddMessaging("messaging", backing);

// Services
builder.AddProject<Projects.WidgetPlatform_Query>("query")
    .WithPlatformDefaults(state)
    .WithConfiguredReplicas(builder.Configuration)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging);

builder.AddProject<Projects.WidgetPlatform_Invalidation>("invalidation")
    .WithPlatformDefaults(state)
    .WithConfiguredReplicas(builder.Configuration)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging);

builder.AddProject<Projects.WidgetPlatform_Warmer>("warmer")
    .WithPlatformDefaults(state)
    .WithConfiguredReplicas(builder.Configuration)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging);

builder.Build().Run();
