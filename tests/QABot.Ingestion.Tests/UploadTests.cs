using System.Text;
using QABot.Ingestion.Reading;
using QABot.Ingestion.Tests.Doubles;
using static QABot.Ingestion.Tests.IngestTestKit;

namespace QABot.Ingestion.Tests;

/// <summary>Articles sent as a request body (POST /api/articles): the checks of a file, and an outcome for every record.</summary>
[Trait("Category", "Ingestion")]
public sealed class UploadTests
{
    [Fact]
    public async Task Json_lines_get_one_outcome_per_record_with_the_line_numbers_a_file_would_have()
    {
        var index = new InMemoryArticleIndex();
        var body = string.Join("\n",
            JsonLine("u1", "خطة المياه", Body("المياه")),
            "",
            "{\"id\": \"u-broken\"",
            JsonLine("u1-copy", "نسخة", Body("المياه")),
            JsonLine("u2", "بلا نص", "   "));

        var report = await CreatePipeline(index).IngestUploadAsync(Encoding.UTF8.GetBytes(body), InputFormat.JsonLines, "api-batch");

        Assert.Equal(
            [(1, IngestItemStatus.Ingested), (3, IngestItemStatus.Failed), (4, IngestItemStatus.Duplicate), (5, IngestItemStatus.Failed)],
            report.Items.Select(i => (i.Line, i.Status)).ToList());
        Assert.Equal(("u1", "u1-copy"), (report.Items[0].ArticleId, report.Items[2].ArticleId));
        Assert.All(report.Items.Where(i => i.Status == IngestItemStatus.Failed), i => Assert.False(string.IsNullOrWhiteSpace(i.Error)));
        Assert.Equal(["u1"], index.Committed.Keys);
        Assert.Equal(1, index.Commits);
    }

    [Fact]
    public async Task One_json_object_without_an_id_is_named_after_the_upload_and_posted_again_is_unchanged()
    {
        var index = new InMemoryArticleIndex();
        var pipeline = CreatePipeline(index);
        var body = Encoding.UTF8.GetBytes("{\"title\": \"خبر بلا معرف\", \"body\": \"" + Body("الكهرباء") + "\"}");

        var first = await pipeline.IngestUploadAsync(body, InputFormat.JsonArray, "api-0123456789ab");
        var second = await pipeline.IngestUploadAsync(body, InputFormat.JsonArray, "api-0123456789ab");

        Assert.Equal((1, "api-0123456789ab-1", IngestItemStatus.Ingested), (first.Items[0].Line, first.Items[0].ArticleId, first.Items[0].Status));
        Assert.Equal(IngestItemStatus.Unchanged, Assert.Single(second.Items).Status);
    }

    [Fact]
    public async Task An_empty_array_is_one_failure_for_the_whole_body_and_commits_nothing()
    {
        var index = new InMemoryArticleIndex();

        var report = await CreatePipeline(index).IngestUploadAsync("[]"u8.ToArray(), InputFormat.JsonArray, "api-empty");

        var item = Assert.Single(report.Items);
        Assert.Equal((null, IngestItemStatus.Failed), (item.Line, item.Status));
        Assert.Contains("empty", item.Error);
        Assert.Empty(index.Committed);
    }

    [Fact]
    public async Task A_file_run_keeps_no_per_record_outcomes()
    {
        var report = await CreatePipeline(new InMemoryArticleIndex()).IngestPathsAsync([QABot.Testing.RepoPaths.SampleCorpus]);

        Assert.True(report.Ingested > 0);
        Assert.Empty(report.Items);
    }
}
