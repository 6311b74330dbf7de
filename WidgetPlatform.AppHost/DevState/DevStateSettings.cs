namespace WidgetPlatform.AppHost.DevState;

public sealed record DevStateSettings(StatePaths Paths, DevCredentials Credentials);
