namespace WidgetPlatform.Cli.Commands;

/// <summary>The rules between <c>warm</c>'s options, apart from the parser so they can be tested as plain logic.</summary>
public static class WarmArguments
{
    /// <summary>The first rule broken, as a message; null when the combination is valid.</summary>
    public static string? Check(string? studyId, IReadOnlyCollection<string> widgetIds, bool force, int? parallel, int? timeoutSeconds)
    {
        if (widgetIds.Count > 0 && studyId is null)
        {
            return "--widget needs --study: widget ids are per study.";
        }

        if (parallel is { } requests && (requests < 1 || requests > WarmCommand.MaxParallelism))
        {
            return $"--parallel must be between 1 and {WarmCommand.MaxParallelism}; got {requests}.";
        }

        if (force && parallel is not null)
        {
            return "--parallel does not apply with --force: the warmer computes with its own configured parallelism.";
        }

        if (timeoutSeconds is not null && !force)
        {
            return "--timeout applies only with --force: a warm through the gateway waits for each answer.";
        }

        return timeoutSeconds < 1 ? $"--timeout must be at least 1 second; got {timeoutSeconds}." : null;
    }
}
