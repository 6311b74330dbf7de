using System.Runtime.ExceptionServices;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// One view's share of a pass: its computation, or why it could not be computed (<see cref="Widgets.WidgetDefinitionException"/>,
/// <see cref="WidgetQueryException"/>, <see cref="DatasetReadException"/>). One bad view fails alone, not the pass.
/// </summary>
public sealed record WidgetComputeOutcome(WidgetComputation? Computation, Exception? Error)
{
    /// <summary>The computation, or the view's error thrown as it was raised.</summary>
    public WidgetComputation Unwrap()
    {
        if (Error is not null)
        {
            ExceptionDispatchInfo.Throw(Error);
        }

        return Computation!;
    }
}
