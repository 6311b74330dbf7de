namespace WidgetPlatform.Dashboard.Tests.Fakes;

/// <summary>One action the dashboard asked of the control: start, stop or restart of an instance.</summary>
public sealed record ResourceCall(string Action, string Instance);
