using Lucene.Net.Search;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.Lucene;
using QABot.Retrieval.Planning;
using QABot.Testing;
using QABot.Testing.Conformance;
using QABot.Text.Analysis;

namespace QABot.Retrieval.Tests.Lucene;

/// <summary>The work one question can cause is bounded, however long it is or however many words it repeats.</summary>
[Trait("Category", "Retrieval")]
public sealed class QuestionCostTests : IDisposable
{
    private const string RareWord = "تدمر";
    private static readonly LuceneQueryOptions Options = LuceneQueryOptions.Default;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Made-up words of consonants no analyser strips (no prefix, suffix or stop word among them).</summary>
    private static string FillerWords(int count)
    {
        const string letters = "جدذرزسشصضطظعغق";
        return string.Join(' ', Enumerable.Range(0, count).Select(i =>
            $"{letters[i % 14]}{letters[i / 14 % 14]}{letters[i / 196 % 14]}{letters[(i + 3) % 14]}"));
    }

    [Fact]
    public void A_question_of_300_different_words_becomes_a_query_of_at_most_the_word_cap_and_keeps_its_rarest_word()
    {
        var question = FillerWords(299) + " " + RareWord;
        var rare = SearchAnalysis.Analyze(RareWord, Languages.Arabic)[0].Text;
        Assert.True(SearchAnalysis.Analyze(question, Languages.Arabic).Select(t => t.Position).Distinct().Count() >= 290, "the filler words must stay distinct words");

        var query = (BooleanQuery)LuceneQueryBuilder.BuildQuery(new SearchRequest { Text = question, Language = Languages.Arabic, Top = 5 }, Options,
            documentFrequency: term => term == rare ? 1 : 40)!;

        var wordClauses = query.Clauses.Where(c => c.Query is BooleanQuery b && b.Clauses.Any(x => x.Query is TermQuery)).ToList();
        Assert.Equal(Options.MaxQuestionWords, wordClauses.Count);
        Assert.Contains(wordClauses, c => ((BooleanQuery)c.Query).Clauses.Any(x => x.Query is TermQuery t && t.Term.Text == rare));
        // At most one proximity clause beside the words, with fewer pairs than kept words.
        Assert.True(query.Clauses.Count <= Options.MaxQuestionWords + 1, $"{query.Clauses.Count} top-level clauses");
    }

    [Fact]
    public void A_short_question_keeps_every_word_and_a_repeated_word_does_not_buy_clauses()
    {
        var shortQuestion = (BooleanQuery)LuceneQueryBuilder.BuildQuery(
            new SearchRequest { Text = "ماذا أهدى بوتين لكيم جونغ أون في قمة فوستوشني؟", Language = Languages.Arabic, Top = 5 }, Options)!;
        var repeated = (BooleanQuery)LuceneQueryBuilder.BuildQuery(
            new SearchRequest { Text = string.Join(' ', Enumerable.Repeat("بوتين كيم", 200)) + " " + FillerWords(40), Language = Languages.Arabic, Top = 5 }, Options)!;

        var analyzedWords = SearchAnalysis.Analyze("ماذا أهدى بوتين لكيم جونغ أون في قمة فوستوشني؟", Languages.Arabic).Select(t => t.Position).Distinct().Count();
        Assert.Equal(analyzedWords + 1, shortQuestion.Clauses.Count); // every word and the proximity pairs
        var keptTerms = repeated.Clauses.SelectMany(c => c.Query is BooleanQuery b ? b.Clauses : []).Select(c => c.Query).OfType<TermQuery>()
            .Where(t => t.Term.Field == "body").Select(t => t.Term.Text).ToList();
        Assert.True(repeated.Clauses.Count <= Options.MaxQuestionWords + 1);
        Assert.Equal(keptTerms.Distinct().Count(), keptTerms.Count); // "بوتين" and "كيم" once each, the rest filler
    }

    [Fact]
    public async Task A_long_question_still_finds_the_article_its_one_specific_word_points_to()
    {
        // The question's first 200 words are in no article: a cap that kept the first words would drop «تدمر».
        await using var index = new LuceneArticleIndex(_temp.File("index"));
        await using (var session = await index.BeginWriteAsync())
        {
            for (var i = 0; i < 12; i++)
                await session.UpsertAsync(ConformanceDocuments.Article($"other{i}", "", $"توقعات الطقس ليوم غد في المدن الساحلية، النشرة رقم {i}."));
            await session.UpsertAsync(ConformanceDocuments.Article("palmyra", "", "زار الوفد مدينة تدمر الأثرية وسط البلاد."));
            await session.CommitAsync();
        }

        var hits = await index.SearchAsync(new SearchRequest { Text = FillerWords(200) + " " + RareWord, Top = 3 });

        Assert.Equal("palmyra", hits[0].Chunk.ArticleId);
    }

    [Fact]
    public async Task A_long_english_question_reaches_the_expanders_cut_at_the_word_cap_and_a_normal_one_whole()
    {
        var expander = new RecordingExpander();
        var planner = new QueryPlanner([expander]);
        const string normal = "What did Putin give Kim Jong Un at the Vostochny cosmodrome in September 2023?";
        var longQuestion = normal + " " + string.Join(' ', Enumerable.Range(0, 150).Select(i => "w" + i.ToString("x3")));

        await planner.PlanAsync(normal, 5);
        await planner.PlanAsync(longQuestion, 5);

        Assert.Equal(normal, expander.Seen[0]);
        Assert.StartsWith(normal, expander.Seen[1]);
        Assert.Equal(QueryPlanner.MaxExpandedWords, expander.Seen[1].Split(' ').Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("Kim Jong Un met Putin, and Putin met Kim Jong Un again.", 7, "Kim Jong Un met Putin, and Putin met Kim Jong Un again.")]
    [InlineData("Kim Jong Un met Putin, and Putin met Kim Jong Un again.", 5, "Kim Jong Un met Putin,")]
    [InlineData("Kim Jong Un met Putin, and Putin met Kim Jong Un again.", 4, "Kim Jong Un met")]
    public void The_expanders_text_ends_before_the_first_word_past_the_cap(string text, int max, string expected) =>
        Assert.Equal(expected, QueryPlanner.FirstDistinctWords(text, max));

    /// <summary>Records the text each expansion is asked for; expands nothing.</summary>
    private sealed class RecordingExpander : IQueryExpander
    {
        public List<string> Seen { get; } = [];
        public string Name => "recording";

        public Task<IReadOnlyList<WeightedPhrase>> ExpandAsync(string question, string language, CancellationToken cancellationToken = default)
        {
            Seen.Add(question);
            return Task.FromResult<IReadOnlyList<WeightedPhrase>>([]);
        }
    }
}
