using System.Text.Json.Nodes;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests;

public sealed class DataStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"wp-store-{Guid.NewGuid():N}");
    private readonly DataStore _store;

    public DataStoreTests() => _store = new DataStore(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData("STUDY-001", true)]
    [InlineData("ae-by-severity", true)]
    [InlineData("a.b_c-d", true)]
    [InlineData("", false)]
    [InlineData("-starts-with-dash", false)]
    [InlineData(".hidden", false)]
    [InlineData("../etc", false)]
    [InlineData("a/b", false)]
    [InlineData("with space", false)]
    [InlineData("ümlaut", false)]
    public void IdentifiersFollowTheDesignPattern(string value, bool valid)
    {
        Assert.Equal(valid, Identifier.IsValid(value));
        Assert.True(Identifier.IsValid(new string('a', 64)));
        Assert.False(Identifier.IsValid(new string('a', 65)));
    }

    [Fact]
    public void AnInvalidStudyIdNeverBecomesAPath() =>
        Assert.Throws<InvalidIdentifierException>(() => _store.ResolveDataset("../x", DatasetLayer.Source, "AE"));

    [Theory]
    [InlineData("2024-01-10-143000", true)]
    [InlineData("2024-01-10-143000-007", true)]
    [InlineData("2024-01-10-1430", false)]
    [InlineData("2024-13-10-143000", false)]
    [InlineData(".tmp-2024-01-10-143000", false)]
    [InlineData("2024-01-10-143000-7", false)]
    public void VersionStringsAreRecognised(string value, bool valid) => Assert.Equal(valid, DataVersion.IsValid(value));

    [Fact]
    public void NextVersionAlwaysGrows()
    {
        var now = new DateTime(2024, 1, 10, 14, 30, 0, DateTimeKind.Utc);
        Assert.Equal("2024-01-10-143000", DataVersion.Next(now, null));
        Assert.Equal("2024-01-10-143000-001", DataVersion.Next(now, "2024-01-10-143000"));
        Assert.Equal("2024-01-10-143000-003", DataVersion.Next(now, "2024-01-10-143000-002"));
        Assert.Equal("2024-01-11-000000-001", DataVersion.Next(now, "2024-01-11-000000"));
        Assert.True(DataVersion.Compare("2024-01-10-143000-001", "2024-01-10-143000") > 0);
    }

    [Fact]
    public async Task ManifestRoundTripsInTheSnakeCaseFormat()
    {
        var manifest = new StudyManifest
        {
            StudyId = "STUDY-001",
            CurrentVersion = new ManifestVersionPair { SourceData = "2024-01-10-143000", TransformedData = "2024-01-10-145000" },
            PreviousVersion = new ManifestVersionPair { SourceData = "2024-01-09-143000", TransformedData = "2024-01-09-145000" },
            Datasets = new ManifestDatasets
            {
                Source = new Dictionary<string, string> { ["AE"] = "2024-01-10-143000", ["DM"] = "2024-01-02-090000" },
                Transformed = new Dictionary<string, string> { ["AE_DAILY"] = "2024-01-10-145000" },
            },
        };
        _store.WriteManifest(manifest);

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_store.StudyDirectory("STUDY-001"), "manifest.json")))!;
        Assert.Equal("STUDY-001", (string?)json["study_id"]);
        Assert.Equal("2024-01-10-145000", (string?)json["current_version"]!["transformed_data"]);
        Assert.Equal("2024-01-09-143000", (string?)json["previous_version"]!["source_data"]);
        Assert.Equal("2024-01-02-090000", (string?)json["datasets"]!["source"]!["DM"]);

        var read = await _store.ReadManifestAsync("STUDY-001", TestContext.Token);
        Assert.Equal("2024-01-10-143000", read!.DatasetVersion(DatasetLayer.Source, "AE"));
        Assert.Equal("2024-01-10-145000", read.DatasetVersion(DatasetLayer.Transformed, "AE_DAILY"));
        Assert.Null(read.DatasetVersion(DatasetLayer.Source, "VS"));
        Assert.Empty(Directory.GetFiles(_store.StudyDirectory("STUDY-001"), ".tmp-*"));
    }

    [Fact]
    public async Task ACorruptManifestIsReportedWithItsPath()
    {
        Directory.CreateDirectory(_store.StudyDirectory("S1"));
        await File.WriteAllTextAsync(Path.Combine(_store.StudyDirectory("S1"), "manifest.json"), "{ not json", TestContext.Token);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _store.ReadManifestAsync("S1", TestContext.Token));
        Assert.Contains("manifest.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatasetsResolveToTheNewestVersionAtOrBeforeTheAskedOne()
    {
        foreach (var version in new[] { "2024-01-01-000000", "2024-01-05-000000", "2024-01-05-000000-001" })
        {
            await _store.PublishDatasetVersionAsync("S1", DatasetLayer.Source, "AE", version, (directory, token) => File.WriteAllTextAsync(Path.Combine(directory, "part-0.parquet"), version, token), TestContext.Token);
        }

        Directory.CreateDirectory(Path.Combine(_store.DatasetDirectory("S1", DatasetLayer.Source, "AE"), ".tmp-2099-01-01-000000"));
        Directory.CreateDirectory(Path.Combine(_store.DatasetDirectory("S1", DatasetLayer.Source, "AE"), "not-a-version"));

        Assert.Equal("2024-01-05-000000-001", _store.ResolveDataset("S1", DatasetLayer.Source, "AE").Version);
        Assert.Equal("2024-01-05-000000", _store.ResolveDataset("S1", DatasetLayer.Source, "AE", "2024-01-05-000000").Version);
        Assert.Equal("2024-01-01-000000", _store.ResolveDataset("S1", DatasetLayer.Source, "AE", "2024-01-04-235959").Version);
        Assert.Single(_store.ResolveDataset("S1", DatasetLayer.Source, "AE").Files);
        Assert.Throws<DatasetNotFoundException>(() => _store.ResolveDataset("S1", DatasetLayer.Source, "AE", "2023-12-31-000000"));
        Assert.Throws<DatasetNotFoundException>(() => _store.ResolveDataset("S1", DatasetLayer.Transformed, "AE"));
    }

    [Fact]
    public async Task PublishingNeverGoesBackwardsAndLeavesNoTemporaryFolderOnFailure()
    {
        await _store.PublishDatasetVersionAsync("S1", DatasetLayer.Source, "AE", "2024-01-05-000000", (_, _) => Task.CompletedTask, TestContext.Token);
        await Assert.ThrowsAsync<DatasetVersionConflictException>(() =>
            _store.PublishDatasetVersionAsync("S1", DatasetLayer.Source, "AE", "2024-01-05-000000", (_, _) => Task.CompletedTask, TestContext.Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _store.PublishDatasetVersionAsync("S1", DatasetLayer.Source, "AE", "2024-01-06-000000", (_, _) => throw new InvalidOperationException("writer failed"), TestContext.Token));

        Assert.Equal(["2024-01-05-000000"], _store.ListVersions("S1", DatasetLayer.Source, "AE"));
        Assert.Single(Directory.GetDirectories(_store.DatasetDirectory("S1", DatasetLayer.Source, "AE")));
    }

    [Fact]
    public async Task WritingAWidgetValidatesItAndIncrementsItsRevision()
    {
        var widget = new WidgetDefinition
        {
            WidgetId = "ae-by-severity", Type = WidgetType.Breakdown, Dataset = "AE",
            Measure = new WidgetMeasure { Op = MeasureOp.Count }, Dimension = "severity", Revision = 40,
        };

        Assert.Equal(1, _store.WriteWidget("S1", widget).Revision);
        Assert.Equal(2, _store.WriteWidget("S1", widget with { Title = "changed" }).Revision);
        var read = await _store.ReadWidgetAsync("S1", "ae-by-severity", TestContext.Token);
        Assert.Equal("changed", read!.Title);
        Assert.Equal(2, read.Revision);
        Assert.Single(await _store.ListWidgetsAsync("S1", TestContext.Token));

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_store.StudyDirectory("S1"), "widgets", "ae-by-severity.json")))!;
        Assert.Equal("breakdown", (string?)json["type"]);
        Assert.Equal("count", (string?)json["measure"]!["op"]);
        Assert.Equal("source", (string?)json["layer"]);
        Assert.Equal("medium", (string?)json["ttlClass"]);

        Assert.Equal(3, _store.DeleteWidget("S1", "ae-by-severity"));
        Assert.Null(await _store.ReadWidgetAsync("S1", "ae-by-severity", TestContext.Token));
        Assert.Null(_store.DeleteWidget("S1", "ae-by-severity"));
    }

    [Fact]
    public async Task AWidgetCreatedAgainAfterItsDeletionContinuesItsRevisionsAfterTheDeletion()
    {
        var widget = new WidgetDefinition
        {
            WidgetId = "ae-total", Type = WidgetType.Metric, Dataset = "AE", Measure = new WidgetMeasure { Op = MeasureOp.Count },
        };
        _store.WriteWidget("S1", widget);
        _store.WriteWidget("S1", widget with { Title = "second" });

        // Revisions 1 and 2, deleted as 3: the same id created again must not start at 1, which every gateway and the
        // invalidation service would take for a change they had already seen.
        Assert.Equal(3, _store.DeleteWidget("S1", "ae-total"));
        Assert.Empty(await _store.ListWidgetsAsync("S1", TestContext.Token));
        Assert.Equal(4, _store.WriteWidget("S1", widget).Revision);
        Assert.Equal(5, _store.WriteWidget("S1", widget).Revision);
        Assert.Single(await _store.ListWidgetsAsync("S1", TestContext.Token));
    }

    [Fact]
    public void InvalidWidgetsAreRejectedWithOneMessagePerProblem()
    {
        var widget = new WidgetDefinition
        {
            WidgetId = "bad id", Type = WidgetType.Timeseries, Dataset = "AE",
            Measure = new WidgetMeasure { Op = MeasureOp.Sum }, Dimension = "severity", Limit = 5,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["site"] = [] },
        };

        var error = Assert.Throws<WidgetDefinitionException>(() => _store.WriteWidget("S1", widget));
        Assert.Contains(error.Errors, message => message.StartsWith("widgetId 'bad id'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, message => message.Contains("measure.column", StringComparison.Ordinal));
        Assert.Contains("dimension is only allowed for breakdown and table", error.Errors);
        Assert.Contains("timeColumn is required for timeseries", error.Errors);
        Assert.Contains("interval (day, week or month) is required for timeseries", error.Errors);
        Assert.Contains("limit is only allowed for table", error.Errors);
        Assert.Contains("filters.site needs at least one value", error.Errors);
    }

    [Fact]
    public void WidgetJsonAcceptsTheDesignExample()
    {
        const string json = """
            { "widgetId": "ae-by-severity", "title": "Adverse events by severity", "type": "breakdown",
              "dataset": "AE", "layer": "source", "measure": { "op": "count" }, "dimension": "severity",
              "timeColumn": "event_date", "filters": { "site": ["S01"], "visit": [1, 2] }, "ttlClass": "medium",
              "priority": false, "tags": ["safety"], "revision": 3 }
            """;
        var widget = WidgetJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(json), "example");
        Assert.Equal(WidgetType.Breakdown, widget.Type);
        Assert.Equal(["1", "2"], widget.Filters!["visit"]);
        Assert.Empty(WidgetDefinitionValidator.FindErrors(widget));
        Assert.Throws<WidgetDefinitionException>(() => WidgetJson.Deserialize("{\"widgetId\":\"x\",\"type\":\"pie\"}"u8, "bad"));
    }
}
