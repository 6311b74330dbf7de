using Parquet.Schema;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Data.Demo;

/// <summary>
/// A deterministic, clinical-study shaped demo: AE (adverse events, sorted by date so row groups prune well),
/// DM (demographics), VS (vital signs), the transformed AE_DAILY, a manifest and a dozen widgets.
/// </summary>
public static class DemoDataGenerator
{
    public const string AdverseEvents = "AE";
    public const string Demographics = "DM";
    public const string VitalSigns = "VS";
    public const string AdverseEventsDaily = "AE_DAILY";

    public static ParquetSchema AdverseEventSchema { get; } = new(
        new DataField<string>("subject_id", false),
        new DataField<DateOnly?>("event_date"),
        new DataField<string>("severity", true),
        new DataField<bool?>("serious"),
        new DataField<string>("site", false),
        new DataField<string>("term", true),
        new DataField<int?>("duration_days"),
        new DataField<double?>("dose_mg"),
        new DateTimeDataField("reported_at", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true));

    /// <summary>Writes the whole study under <paramref name="store"/>: datasets as new versions, widgets, then the manifest.</summary>
    public static async Task<StudyManifest> WriteStudyAsync(DataStore store, string studyId, DemoDataOptions options, DateTime utcNow, CancellationToken cancellationToken = default)
    {
        var versions = new Dictionary<string, string>();
        foreach (var (dataset, write) in new (string, Func<string, CancellationToken, Task>)[]
        {
            (AdverseEvents, (directory, token) => WriteAdverseEventsAsync(directory, options, token)),
            (Demographics, (directory, token) => WriteDemographicsAsync(directory, options, token)),
            (VitalSigns, (directory, token) => WriteVitalSignsAsync(directory, options, token)),
        })
        {
            var version = store.NextVersion(studyId, DatasetLayer.Source, dataset, utcNow);
            versions[dataset] = (await store.PublishDatasetVersionAsync(studyId, DatasetLayer.Source, dataset, version, write, cancellationToken)).Version;
        }

        var transformedVersion = store.NextVersion(studyId, DatasetLayer.Transformed, AdverseEventsDaily, utcNow);
        await store.PublishDatasetVersionAsync(
            studyId, DatasetLayer.Transformed, AdverseEventsDaily, transformedVersion, (directory, token) => WriteAdverseEventsDailyAsync(directory, options, token), cancellationToken);

        foreach (var widget in DemoWidgets.All())
        {
            store.WriteWidget(studyId, widget);
        }

        var previous = await store.ReadManifestAsync(studyId, cancellationToken);
        var manifest = new StudyManifest
        {
            StudyId = studyId,
            CurrentVersion = new ManifestVersionPair { SourceData = versions.Values.Max(StringComparer.Ordinal), TransformedData = transformedVersion },
            PreviousVersion = previous?.CurrentVersion ?? new ManifestVersionPair(),
            Datasets = new ManifestDatasets
            {
                Source = versions,
                Transformed = new Dictionary<string, string> { [AdverseEventsDaily] = transformedVersion },
            },
        };
        store.WriteManifest(manifest);
        return manifest;
    }

    /// <summary>Writes AE part files (<c>part-00000.parquet</c>, …) into <paramref name="directory"/>.</summary>
    public static async Task WriteAdverseEventsAsync(string directory, DemoDataOptions options, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var subjects = Enumerable.Range(0, options.SubjectCount).Select(DemoVocabulary.Subject).ToArray();
        var sites = Enumerable.Range(0, 20).Select(DemoVocabulary.Site).ToArray();
        var files = (options.AdverseEventRows + options.RowsPerFile - 1) / options.RowsPerFile;
        await Parallel.ForAsync(0, Math.Max(files, 1), cancellationToken, async (part, token) =>
        {
            var first = (long)part * options.RowsPerFile;
            var rows = (int)Math.Min(options.RowsPerFile, options.AdverseEventRows - first);
            var random = new Random(SeedFor(options, 1, part));
            await using var writer = await ParquetTableWriter.CreateAsync(Path.Combine(directory, $"part-{part:00000}.parquet"), AdverseEventSchema, token);
            for (var offset = 0; offset < rows; offset += options.RowGroupSize)
            {
                var count = Math.Min(options.RowGroupSize, rows - offset);
                await writer.WriteRowGroupAsync(AdverseEventRowGroup(random, options, subjects, sites, first + offset, count), token);
            }
        });
    }

    /// <summary>
    /// One AE file of <paramref name="rows"/> rows, as the body of an upload; its own <paramref name="seed"/> makes each
    /// upload really change the answers.
    /// </summary>
    public static async Task<byte[]> AdverseEventsUploadAsync(int rows, int seed, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("widgetplatform-upload-");
        try
        {
            await WriteAdverseEventsAsync(folder.FullName, new DemoDataOptions { AdverseEventRows = rows, RowsPerFile = rows, Seed = seed }, cancellationToken);
            return await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "part-00000.parquet"), cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static async Task WriteDemographicsAsync(string directory, DemoDataOptions options, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var schema = new ParquetSchema(
            new DataField<string>("subject_id", false),
            new DataField<string>("site", false),
            new DataField<string>("sex", true),
            new DataField<int?>("age"),
            new DataField<string>("arm", false),
            new DataField<DateOnly>("enrolled_on"));
        var random = new Random(SeedFor(options, 2));
        var count = options.SubjectCount;
        var columns = new Array[]
        {
            Enumerable.Range(0, count).Select(DemoVocabulary.Subject).ToArray(),
            Enumerable.Range(0, count).Select(index => DemoVocabulary.Site(index % 20)).ToArray(),
            Enumerable.Range(0, count).Select(_ => random.Next(50) == 0 ? null : DemoVocabulary.Sexes[random.Next(2)]).ToArray(),
            Enumerable.Range(0, count).Select(_ => random.Next(40) == 0 ? (int?)null : 18 + random.Next(62)).ToArray(),
            Enumerable.Range(0, count).Select(_ => DemoVocabulary.Arms[random.Next(3)]).ToArray(),
            Enumerable.Range(0, count).Select(_ => options.StartDate.AddDays(random.Next(Math.Max(1, options.Days / 3)))).ToArray(),
        };
        await using var writer = await ParquetTableWriter.CreateAsync(Path.Combine(directory, "part-00000.parquet"), schema, cancellationToken);
        await writer.WriteRowGroupAsync(columns, cancellationToken);
    }

    public static async Task WriteVitalSignsAsync(string directory, DemoDataOptions options, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var schema = new ParquetSchema(
            new DataField<string>("subject_id", false),
            new DataField<int>("visit"),
            new DateTimeDataField("measured_at", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: false),
            new DataField<string>("test", false),
            new DataField<double?>("value"),
            new DataField<string>("unit", false));
        var random = new Random(SeedFor(options, 3));
        const int visits = 6;
        var rows = options.SubjectCount * visits * DemoVocabulary.VitalTests.Length;
        var subject = new string[rows];
        var visit = new int[rows];
        var measuredAt = new DateTime[rows];
        var test = new string[rows];
        var value = new double?[rows];
        var unit = new string[rows];
        var row = 0;
        for (var index = 0; index < options.SubjectCount; index++)
        {
            for (var number = 1; number <= visits; number++)
            {
                var at = options.StartDate.AddDays(number * Math.Max(1, options.Days / (visits + 1))).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddMinutes(random.Next(600));
                foreach (var (name, unitName, mean, spread) in DemoVocabulary.VitalTests)
                {
                    subject[row] = DemoVocabulary.Subject(index);
                    visit[row] = number;
                    measuredAt[row] = at;
                    test[row] = name;
                    value[row] = random.Next(100) == 0 ? null : Math.Round(mean + ((random.NextDouble() - 0.5) * 2 * spread), 1);
                    unit[row] = unitName;
                    row++;
                }
            }
        }

        await using var writer = await ParquetTableWriter.CreateAsync(Path.Combine(directory, "part-00000.parquet"), schema, cancellationToken);
        await writer.WriteRowGroupAsync([subject, visit, measuredAt, test, value, unit], cancellationToken);
    }

    /// <summary>AE_DAILY: events per day and site, as a pipeline would derive them.</summary>
    public static async Task WriteAdverseEventsDailyAsync(string directory, DemoDataOptions options, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var schema = new ParquetSchema(new DataField<DateOnly>("event_date"), new DataField<string>("site", false), new DataField<long>("events"));
        var random = new Random(SeedFor(options, 4));
        var perDay = Math.Max(1, options.AdverseEventRows / options.Days / 20);
        var dates = new List<DateOnly>();
        var sites = new List<string>();
        var events = new List<long>();
        for (var day = 0; day < options.Days; day++)
        {
            for (var site = 0; site < 20; site++)
            {
                dates.Add(options.StartDate.AddDays(day));
                sites.Add(DemoVocabulary.Site(site));
                events.Add(random.Next(perDay * 2 + 1));
            }
        }

        await using var writer = await ParquetTableWriter.CreateAsync(Path.Combine(directory, "part-00000.parquet"), schema, cancellationToken);
        await writer.WriteRowGroupAsync([dates.ToArray(), sites.ToArray(), events.ToArray()], cancellationToken);
    }

    private static Array[] AdverseEventRowGroup(Random random, DemoDataOptions options, string[] subjects, string[] sites, long firstRow, int count)
    {
        var subject = new string[count];
        var eventDate = new DateOnly?[count];
        var severity = new string?[count];
        var serious = new bool?[count];
        var site = new string[count];
        var term = new string?[count];
        var duration = new int?[count];
        var dose = new double?[count];
        var reportedAt = new DateTime?[count];
        for (var index = 0; index < count; index++)
        {
            var subjectIndex = random.Next(subjects.Length);
            var day = (int)((firstRow + index) * options.Days / Math.Max(1, options.AdverseEventRows));
            var date = options.StartDate.AddDays(day);
            var roll = random.Next(100);
            subject[index] = subjects[subjectIndex];
            eventDate[index] = random.Next(200) == 0 ? null : date;
            severity[index] = random.Next(50) == 0 ? null : DemoVocabulary.Severities[roll < 60 ? 0 : roll < 90 ? 1 : 2];
            serious[index] = random.Next(100) == 0 ? null : roll >= 95;
            site[index] = sites[subjectIndex % sites.Length];
            term[index] = random.Next(100) == 0 ? null : DemoVocabulary.Terms[Math.Min(random.Next(DemoVocabulary.Terms.Length), random.Next(DemoVocabulary.Terms.Length))];
            duration[index] = random.Next(20) == 0 ? null : 1 + random.Next(30);
            dose[index] = random.Next(10) == 0 ? null : Math.Round(random.NextDouble() * 200, 2);
            reportedAt[index] = random.Next(100) == 0 ? null : date.ToDateTime(new TimeOnly(0, 0), DateTimeKind.Utc).AddDays(random.Next(3)).AddSeconds(random.Next(86_400));
        }

        return [subject, eventDate, severity, serious, site, term, duration, dose, reportedAt];
    }

    /// <summary>HashCode.Combine is randomised per process, so seeds are mixed by hand to stay reproducible.</summary>
    private static int SeedFor(DemoDataOptions options, int dataset, int part = 0) => unchecked((options.Seed * 1_000_003) + (dataset * 7919) + part);
}
