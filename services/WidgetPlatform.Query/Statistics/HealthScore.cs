namespace WidgetPlatform.Query.Statistics;

/// <summary>0–100: hit rate weighs 50, response time 30, error rate 20 (docs/design.md §6).</summary>
public static class HealthScore
{
    private const double FastMs = 50;
    private const double SlowMs = 500;
    private const double WorstErrorRate = 0.05;

    public static int Of(double? hitRate, double? averageResponseMs, double errorRate)
    {
        // Before any request there is nothing wrong to report: each part scores full marks until measured.
        var hits = 50 * (hitRate ?? 1);
        var speed = 30 * Math.Clamp((SlowMs - (averageResponseMs ?? 0)) / (SlowMs - FastMs), 0, 1);
        var errors = 20 * (1 - Math.Clamp(errorRate / WorstErrorRate, 0, 1));
        return (int)Math.Round(hits + speed + errors);
    }
}
