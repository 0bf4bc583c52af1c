using System.Text.Json;
using Xunit.Abstractions;
using QABot.Evaluation.Tests.Datasets.EvalSets;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Datasets;

/// <summary>
/// eval/dev.jsonl and eval/heldout.jsonl are consistent with their format (eval/README.md) and with the corpora: every
/// gold article exists, expected_date is its local publication date, it contains the answer keywords, lists are newest
/// first, follow-ups point back. The ANT half needs ../shared and is reported as skipped without it.
/// </summary>
[Trait("Category", "Eval")]
public sealed class EvalSetConsistencyTests(ITestOutputHelper output)
{
    private static readonly string[] SetNames = ["dev", "heldout"];

    private static string SetPath(string name) => Path.Combine(RepoPaths.Root, "eval", name + ".jsonl");

    [Fact]
    public void Both_sets_are_well_formed_and_their_sample_gold_holds()
    {
        var sample = SampleCorpus.Load();
        AssertNoProblems(new EvalSetChecker(id => sample.GetValueOrDefault(id), antCorpusKnown: false));
    }

    [RequiresFileFact(AntCorpus.RelativePath)]
    [Trait("Speed", "Slow")]
    public void Every_gold_article_exists_in_the_corpora_with_its_local_date_and_the_answer_keywords()
    {
        var sample = SampleCorpus.Load();
        var ant = AntCorpus.Load(GoldIdsOf(SetNames.Select(SetPath)));
        output.WriteLine($"{sample.Count} sample articles, {ant.Count} ANT articles");
        AssertNoProblems(new EvalSetChecker(id => sample.GetValueOrDefault(id) ?? ant.GetValueOrDefault(id), antCorpusKnown: true));
    }

    [Fact]
    public void The_dev_set_keeps_the_composition_issue_9_asks_for_and_the_held_out_set_its_proportions()
    {
        var dev = Composition.Of(SetPath("dev"));
        output.WriteLine($"dev: {dev}");
        Assert.True(dev.Questions >= 170, $"dev has {dev.Questions} questions");
        Assert.True(dev.English >= 0.45 * dev.Questions, $"dev: {dev.English} English of {dev.Questions}");
        Assert.True(dev.OffCorpus >= 25, $"dev: {dev.OffCorpus} off-corpus questions");
        Assert.True(dev.Lists >= 18, $"dev: {dev.Lists} list questions");
        Assert.True(dev.Claims >= 18 && dev.Supported >= 8 && dev.Contradicted >= 8, $"dev: {dev.Claims} claims, {dev.Supported} supported, {dev.Contradicted} contradicted");
        Assert.True(dev.FollowUps >= 8, $"dev: {dev.FollowUps} follow-ups");

        var heldOut = Composition.Of(SetPath("heldout"));
        output.WriteLine($"heldout: {heldOut}");
        Assert.InRange(heldOut.Questions, 70, 100);
        Assert.True(heldOut.English >= 0.45 * heldOut.Questions, $"heldout: {heldOut.English} English of {heldOut.Questions}");
        Assert.True(heldOut.OffCorpus >= 0.12 * heldOut.Questions && heldOut.Lists >= 0.08 * heldOut.Questions && heldOut.Claims >= 0.08 * heldOut.Questions
            && heldOut.FollowUps >= 3, $"heldout proportions: {heldOut}");
        Assert.True(File.ReadLines(SetPath("heldout")).First().Contains("final measurement", StringComparison.OrdinalIgnoreCase),
            "the held-out set's header must say it is kept for final measurement");
    }

    /// <summary>The checker itself: a line that is wrong in one way is reported, naming the line and what is wrong.</summary>
    [Theory]
    [InlineData("""{"id":"q1","question":"q","lang":"ar","kind":"who","corpus":"sample","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-14","short_answer":["x"],"refuse":false""", "not valid JSON")]
    [InlineData("""{"id":"q1","question":"q","lang":"fr","kind":"who","corpus":"sample","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-14","short_answer":["x"],"refuse":false}""", "lang \"fr\"")]
    [InlineData("""{"id":"q1","question":"q","lang":"ar","kind":"who","corpus":"sample","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-13","short_answer":["x"],"refuse":false}""", "expected_date 2023-09-13 but 004_ed7c3fead92d0ce9 was published on 2023-09-14")]
    [InlineData("""{"id":"q1","question":"q","lang":"ar","kind":"who","corpus":"sample","expected_article_ids":["004_ed7c3fead92d0ce9#r1"],"expected_date":"2023-09-14","short_answer":["x"],"refuse":false}""", "published on no date (null)")]
    [InlineData("""{"id":"q1","question":"q","lang":"ar","kind":"who","corpus":"sample","expected_article_ids":["009_ed7c3fead92d0ce9"],"expected_date":null,"short_answer":["x"],"refuse":false}""", "no article \"009_ed7c3fead92d0ce9\"")]
    [InlineData("""{"id":"q1","question":"q","lang":"ar","kind":"what","corpus":"sample","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-14","short_answer":["x"],"answer_keywords":["دبابة|مدفع"],"refuse":false}""", "does not contain the answer keyword \"دبابة|مدفع\"")]
    [InlineData("""{"id":"q1","question":"q","lang":"ar","kind":"what","corpus":"sample","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-14","refuse":false}""", "\"short_answer\" must be a non-empty array")]
    [InlineData("""{"id":"q1","question":"q","lang":"en","kind":"who","corpus":"none","refuse":true,"expected_article_ids":["004_ed7c3fead92d0ce9"]}""", "a refused question lists expected_article_ids")]
    [InlineData("""{"id":"q1","question":"q","lang":"en","kind":"claim","corpus":"sample","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-14","short_answer":["x"],"refuse":false}""", "\"verdict\" must be a non-empty string")]
    [InlineData("""{"id":"q1","question":"q","lang":"en","kind":"claim","corpus":"none","verdict":"supported","refuse":true}""", "a supported claim must have refuse: false")]
    [InlineData("""{"id":"q1","question":"q","lang":"en","kind":"when","corpus":"sample","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-14","short_answer":["x"],"refuse":false,"follows":"q9"}""", "follows \"q9\"")]
    [InlineData("""{"id":"q1","question":"q","lang":"en","kind":"list","corpus":"sample","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-14","short_answer":["2"],"refuse":false,"expected_list_ids":["004_ed7c3fead92d0ce9","002_766c5c9b7fcf550c"],"expected_list_total":2}""", "not newest first (2023-09-14 before 2023-09-18)")]
    [InlineData("""{"id":"q1","question":"q","lang":"en","kind":"who","corpus":"ant","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-14","short_answer":["x"],"refuse":false}""", "corpus \"ant\" but the first gold article 004_ed7c3fead92d0ce9 is from sample")]
    public void A_wrong_line_is_reported(string line, string expectedProblem)
    {
        var sample = SampleCorpus.Load();
        var problems = new EvalSetChecker(id => sample.GetValueOrDefault(id), antCorpusKnown: false).Check("set.jsonl", ["// header", line]);

        Assert.Contains(problems, p => p.StartsWith("set.jsonl:2", StringComparison.Ordinal) && p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_reused_id_is_reported_and_a_correct_line_is_not()
    {
        var sample = SampleCorpus.Load();
        const string line = """{"id":"q1","question":"ماذا أهدى بوتين لكيم؟","lang":"ar","kind":"what","corpus":"sample","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-14","short_answer":["بندقية"],"answer_keywords":["بنادق|بندقيه"],"refuse":false}""";

        var problems = new EvalSetChecker(id => sample.GetValueOrDefault(id), antCorpusKnown: false).Check("set.jsonl", [line, line]);

        Assert.Equal(["set.jsonl:2 (q1): id \"q1\" is used twice"], problems);
    }

    private void AssertNoProblems(EvalSetChecker checker)
    {
        var problems = new List<string>();
        foreach (var name in SetNames)
        {
            var path = SetPath(name);
            Assert.True(File.Exists(path), $"{path} is missing");
            problems.AddRange(checker.Check(name + ".jsonl", File.ReadLines(path)));
        }
        foreach (var problem in problems) output.WriteLine(problem);
        Assert.True(problems.Count == 0, $"{problems.Count} problems in the eval sets:\n" + string.Join("\n", problems.Take(40)));
    }

    private static HashSet<string> GoldIdsOf(IEnumerable<string> paths)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in paths.SelectMany(File.ReadLines))
        {
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("expected_article_ids", out var gold) && gold.ValueKind == JsonValueKind.Array)
                foreach (var id in gold.EnumerateArray())
                    if (id.GetString() is { } text) ids.Add(text);
        }
        return ids;
    }

    private sealed record Composition(int Questions, int English, int OffCorpus, int Lists, int Claims, int Supported, int Contradicted, int FollowUps)
    {
        public static Composition Of(string path)
        {
            var lines = File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .Select(l => JsonDocument.Parse(l).RootElement).ToList();
            string? Text(JsonElement e, string field) => e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new Composition(
                lines.Count,
                lines.Count(e => Text(e, "lang") == "en"),
                lines.Count(e => Text(e, "corpus") == "none" && Text(e, "kind") != "claim"),
                lines.Count(e => Text(e, "kind") == "list"),
                lines.Count(e => Text(e, "kind") == "claim"),
                lines.Count(e => Text(e, "verdict") == "supported"),
                lines.Count(e => Text(e, "verdict") == "contradicted"),
                lines.Count(e => e.TryGetProperty("follows", out _)));
        }
    }
}
