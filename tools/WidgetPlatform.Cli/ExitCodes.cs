namespace WidgetPlatform.Cli;

/// <summary>What the process exit code means, so scripts and monitoring can tell "alerts firing" from "cannot connect".</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and something failed: a request error, warming errors, a timeout.</summary>
    public const int Failure = 1;

    /// <summary><c>status --alerts</c>: the statistics report has alerts.</summary>
    public const int AlertsFiring = 2;

    /// <summary>Cannot reach or authenticate: the gateway or Redis is unreachable, 401/403, no resources or dev-tokens file.</summary>
    public const int CannotConnect = 3;

    /// <summary>Bad usage: unknown or invalid arguments, or the gateway refused them as invalid (400).</summary>
    public const int BadUsage = 4;

    public const string Help = """
        Exit codes:
          0  success
          1  failure (a request failed, items could not be warmed, the warmer did not report in time)
          2  alerts firing (status --alerts)
          3  cannot reach or authenticate (gateway or Redis unreachable, 401/403, no resources or dev-tokens file)
          4  bad usage (invalid arguments)
        """;
}
