namespace WidgetPlatform.Data.Demo;

/// <summary>Shape of the demo study; the same options and seed always give the same bytes of data.</summary>
public sealed record DemoDataOptions
{
    public int Seed { get; init; } = 42;

    public int AdverseEventRows { get; init; } = 1_000_000;

    /// <summary>Subjects in the study; by default one per 500 adverse events, between 10 and 20,000 (a large trial).</summary>
    public int? Subjects { get; init; }

    public DateOnly StartDate { get; init; } = new(2023, 1, 1);

    public int Days { get; init; } = 730;

    public int RowsPerFile { get; init; } = 2_000_000;

    public int RowGroupSize { get; init; } = 256 * 1024;

    public int SubjectCount => Subjects ?? Math.Clamp(AdverseEventRows / 500, 10, 20_000);
}
