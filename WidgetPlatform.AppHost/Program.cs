using System.CommandLine;
using WidgetPlatform.AppHost;

// Our own signal handling (ShutdownSignal) stops every child before exiting, so System.CommandLine's is turned off.
return await AppHostCommand.Create(AppHostRunner.RunAsync)
    .Parse(args)
    .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
