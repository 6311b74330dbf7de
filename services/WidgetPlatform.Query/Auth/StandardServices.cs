using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// Puts a singleton in front of a framework service and keeps the framework's own registration, moved under
/// <see cref="Key"/> with its lifetime unchanged, for everything the singleton does not answer itself: a request that
/// needs the standard service still gets its own scoped or transient instance, created only then.
/// </summary>
internal static class StandardServices
{
    public const string Key = "standard";

    /// <summary>Call after the framework has registered <typeparamref name="TService"/>.</summary>
    public static IServiceCollection Decorate<TService, TDecorator>(this IServiceCollection services)
        where TService : class
        where TDecorator : class, TService
    {
        var standard = services.LastOrDefault(service => service.ServiceType == typeof(TService) && !service.IsKeyedService)
            ?? throw new InvalidOperationException($"{typeof(TService).Name} must be registered before it is decorated.");
        services.Remove(standard);
        services.Add(UnderKey(standard));
        services.AddSingleton<TService, TDecorator>();
        return services;
    }

    /// <summary>This request's instance of the framework's own <typeparamref name="TService"/>.</summary>
    public static TService Of<TService>(HttpContext context)
        where TService : notnull =>
        context.RequestServices.GetRequiredKeyedService<TService>(Key);

    private static ServiceDescriptor UnderKey(ServiceDescriptor service) => service switch
    {
        { ImplementationType: { } type } => new ServiceDescriptor(service.ServiceType, Key, type, service.Lifetime),
        { ImplementationFactory: { } factory } => new ServiceDescriptor(service.ServiceType, Key, (provider, _) => factory(provider), service.Lifetime),
        _ => new ServiceDescriptor(service.ServiceType, Key, service.ImplementationInstance!),
    };
}
