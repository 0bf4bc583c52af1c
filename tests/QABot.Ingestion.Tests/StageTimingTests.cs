using Microsoft.Extensions.Logging;
using QABot.Ingestion.Tests.Doubles;
using QABot.Testing;
using QABot.Text.Chunking;

namespace QABot.Ingestion.Tests;

/// <summary>`qabot -v ingest` says where the run's time went, stage by stage, so a slow ingest can be attributed.</summary>
[Trait("Category", "Ingestion")]
public sealed class StageTimingTests
{
    [Fact]
    public async Task A_run_logs_the_time_of_every_stage_at_debug_level()
    {
        var logger = new RecordingLogger();
        var pipeline = new IngestionPipeline(new InMemoryArticleIndex(), new ArticleChunker(), logger);

        await pipeline.IngestPathsAsync([RepoPaths.SampleCorpus]);

        var stages = Assert.Single(logger.Messages, m => m.Level == LogLevel.Debug && m.Text.StartsWith("Ingest stages:", StringComparison.Ordinal)).Text;
        foreach (var stage in new[] { "read+decompress+JSON+parse", "hash+dedup", "normalise+chunk", "hand-off to index lanes", "commit" })
            Assert.Matches(System.Text.RegularExpressions.Regex.Escape(stage) + @" \d+ ms", stages);
    }

    private sealed class RecordingLogger : ILogger<IngestionPipeline>
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages) Messages.Add((logLevel, formatter(state, exception)));
        }
    }
}
