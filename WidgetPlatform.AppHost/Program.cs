using Microsoft.Extensions.DependencyInjection;
using WidgetPlatform.AppHost;
using WidgetPlatform.AppHost.Backing;
using WidgetPlatform.AppHost.DevState;
using WidgetPlatform.AppHost.ScaleOut;
using WidgetPlatform.AppHost.Web;

var builder = DistributedApplication.CreateBuilder(args);

// A service whose Redis or RabbitMQ exits while it waits for it fails to start, with the reason, instead of waiting forever.
builder.Services.Configure<ResourceNotificationServiceOptions>(options => options.DefaultWaitBehavior = WaitBehavior.StopOnResourceUnavailable);

var state = builder.AddDevState();
var profile = PlatformProfile.From(builder.Configuration);

// Backing services: containers where a runtime answers, Debian's servers otherwise, or an existing server by connection string.
var backing = BackingServices.Choose(builder);
var cache = builder.AddCache("cache", backing, state.Paths, profile);
var messaging = builder.AddMessaging("messaging", backing, state.Paths, profile);

// Services
var gateway = builder.AddProject<Projects.WidgetPlatform_Query>("query")
    .WithPlatformDefaults(state)
    .WithConfiguredReplicas(builder.Configuration, profile)
    .WithCache(cache)
    .WithMessaging(messaging);

builder.AddProject<Projects.WidgetPlatform_Invalidation>("invalidation")
    .WithPlatformDefaults(state)
    .WithConfiguredReplicas(builder.Configuration, profile)
    .WithCache(cache)
    .WithMessaging(messaging);

builder.AddProject<Projects.WidgetPlatform_Warmer>("warmer")
    .WithPlatformDefaults(state)
    .WithConfiguredReplicas(builder.Configuration, profile)
    .WithCache(cache)
    .WithMessaging(messaging);

// In the scale-out profile, a load balancer in front of the gateway replicas, which the demo dashboard calls.
var entry = profile.IsScaleOut ? builder.AddGatewayLoadBalancer(gateway, state) : gateway;

// The demo dashboard, a Vite app calling the gateway from its own origin.
builder.AddDemoDashboard(entry, gateway, state);

builder.Build().Run();
