using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WidgetPlatform.Clients;
using WidgetPlatform.Clients.Messaging;

namespace Microsoft.Extensions.Hosting;

/// <summary>MassTransit over RabbitMQ, wired from the Aspire connection string alone.</summary>
public static class MessageBusExtensions
{
    /// <summary>
    /// Registers a MassTransit bus on the RabbitMQ broker at <c>ConnectionStrings:{connectionName}</c>; consumers added in
    /// <paramref name="configure"/> (which is told the broker: one node or a cluster) get kebab-case queues. The bus health check is named <paramref name="connectionName"/>,
    /// tagged "ready" and "masstransit".
    /// </summary>
    public static void AddMessageBus(
        this IHostApplicationBuilder builder, string connectionName, Action<IBusRegistrationConfigurator, AmqpConnectionString>? configure = null)
    {
        var connection = AmqpConnectionString.Parse(
            RequiredConnectionString.Get(builder.Configuration, connectionName, "an AMQP URI such as 'amqp://user:pass@host:5672'"),
            connectionName);
        var clientName = builder.Environment.ApplicationName;

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();

            // Otherwise MassTransit reports usage over HTTP at every start, to a host this machine cannot reach.
            bus.DisableUsageTelemetry();

            bus.ConfigureHealthCheckOptions(health => health.Name = connectionName);

            configure?.Invoke(bus, connection);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(connection, clientName);

                // Pipelines in Python or Node publish plain camelCase JSON (docs/design.md §7): every endpoint reads it as well as the
                // envelope, whatever message type the endpoint consumes. A body without a content type is taken as plain
                // JSON too (MassTransit always sets one); what we publish stays enveloped, so headers and traces travel.
                rabbit.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);

                rabbit.ConfigureEndpoints(context);
            });
        });

        // A factory, not an instance: the container disposes what it created, and with it the connection.
        builder.Services.AddSingleton(_ => new ErrorQueueDepths(connection, clientName));
        builder.Services.AddReceiveEndpointObserver(services => new ErrorQueueDeclarer(connection, clientName, services.GetRequiredService<ILogger<ErrorQueueDeclarer>>()));
        builder.Services.RemoveMassTransitHostedService();
        builder.Services.AddHostedService<TolerantBusHostedService>();

        builder.Services.AddOptions<MessageBusOptions>().BindConfiguration(MessageBusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<MassTransitHostOptions>().Configure<IOptions<MessageBusOptions>>((host, configured) =>
        {
            // Publishing before the consumer queues are bound silently drops messages (FIELD-NOTES: 64 of 2,000).
            host.WaitUntilStarted = true;
            host.StartTimeout = configured.Value.StartTimeout;
            host.ConsumerStopTimeout = configured.Value.ConsumerStopTimeout;
            host.StopTimeout = configured.Value.StopTimeout;
        });
    }

    /// <summary>
    /// Binds <see cref="ConsumerQueueOptions"/> from <paramref name="section"/> over the service's own
    /// <paramref name="defaults"/>, validated at start-up.
    /// </summary>
    public static void AddConsumerQueues(this IHostApplicationBuilder builder, string section, ConsumerQueueOptions defaults) =>
        builder.Services.AddOptions<ConsumerQueueOptions>()
            .Configure(options =>
            {
                options.ConcurrentMessages = defaults.ConcurrentMessages;
                options.PrefetchCount = defaults.PrefetchCount;
            })
            .BindConfiguration(section)
            // After binding, not before: the binder appends a configured list to one already there.
            .PostConfigure(options => options.RetryIntervals ??= defaults.RetryIntervals)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
