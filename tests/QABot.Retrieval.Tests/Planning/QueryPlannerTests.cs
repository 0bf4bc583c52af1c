using QABot.Core.Retrieval;
using QABot.Retrieval.CrossLingual;
using QABot.Retrieval.Planning;
using QABot.Testing;

namespace QABot.Retrieval.Tests.Planning;

[Trait("Category", "Retrieval")]
public sealed class QueryPlannerTests
{
    [RequiresFileFact(CrossLingualResources.DictionaryIndexPath)]
    public async Task English_question_gets_Arabic_names_translations_and_numbers()
    {
        var range = new DateRange(new DateTimeOffset(2023, 9, 1, 0, 0, 0, TimeSpan.Zero), null);

        var request = await CrossLingualResources.RealPlanner().PlanAsync("What did Putin give Kim Jong Un in 2023?", 6, range);

        Assert.Equal("en", request.Language);
        Assert.Equal(6, request.Top);
        Assert.Equal(range, request.PublishedRange);
        var texts = request.Expansions.Select(e => e.Text).ToList();
        Assert.Contains("بوتين", texts);
        Assert.Contains("كيم جونغ أون", texts);
        Assert.Contains("أعط", texts);        // dictionary: give
        Assert.Contains("2023", texts);       // numbers pass through
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.Null(request.Embedding);
    }

    [RequiresFileFact(CrossLingualResources.DictionaryIndexPath)]
    public async Task An_inflected_word_is_also_translated_through_its_base_form_as_a_weaker_sense_of_the_same_concept()
    {
        var request = await CrossLingualResources.RealPlanner().PlanAsync("When was the stock exchange established?", 5);

        // The dictionary renders "established" as the adjective «قائم»; "establish" gives the verb «ينشئ».
        var established = request.Expansions.Where(e => e.Origin == "dictionary:established").ToList();
        var adjective = Assert.Single(established, e => e.Text == "قائم");
        var verb = Assert.Single(established, e => e.Text == "ينشئ");
        Assert.True(verb.Weight < adjective.Weight, $"base form {verb.Weight} should weigh less than the word's own sense {adjective.Weight}");
    }

    [Fact]
    public async Task Arabic_question_is_searched_as_typed_without_expansions()
    {
        var request = await CrossLingualResources.RealPlanner().PlanAsync("ماذا أهدى بوتين لكيم جونغ أون؟", 8);

        Assert.Equal("ar", request.Language);
        Assert.Empty(request.Expansions);
        Assert.Equal("ماذا أهدى بوتين لكيم جونغ أون؟", request.Text);
    }

    [Fact]
    public async Task Expansions_from_several_sources_are_merged_keeping_the_higher_weight()
    {
        var planner = new QueryPlanner([
            new FixedExpander("a", new WeightedPhrase("بوتين", 0.4f), new WeightedPhrase("موسكو", 0.9f)),
            new FixedExpander("b", new WeightedPhrase("بُوتِين", 1f), new WeightedPhrase("", 1f)),
            new FailingExpander(),
        ]);

        var request = await planner.PlanAsync("Putin in Moscow", 8);

        Assert.Equal(2, request.Expansions.Count);
        Assert.Equal(1f, request.Expansions.Single(e => e.Text.Contains('ب')).Weight);
        Assert.Equal(0.9f, request.Expansions.Single(e => e.Text == "موسكو").Weight);
    }

    [Fact]
    public async Task Question_embedding_is_added_when_an_embedder_is_configured()
    {
        var request = await CrossLingualResources.RealPlanner(new FixedEmbedder()).PlanAsync("ماذا أهدى بوتين؟", 8);

        Assert.Equal([1f, 0f, 0f], request.Embedding!.Value.ToArray());
    }

    [Fact]
    public async Task Expanding_alone_gives_the_plans_alternatives_without_an_embedding_request()
    {
        var embedder = new FixedEmbedder();
        var planner = CrossLingualResources.RealPlanner(embedder);

        var expanded = await planner.ExpandAsync("What did Putin give Kim Jong Un?");
        var callsAfterExpanding = embedder.Calls;
        var planned = await planner.PlanAsync("What did Putin give Kim Jong Un?", 8);

        Assert.Equal(0, callsAfterExpanding);
        Assert.NotEmpty(expanded);
        Assert.Equal(planned.Expansions, expanded);
        Assert.Empty(await planner.ExpandAsync("ماذا أهدى بوتين؟"));
    }

    private sealed class FixedExpander(string name, params WeightedPhrase[] phrases) : IQueryExpander
    {
        public string Name => name;
        public Task<IReadOnlyList<WeightedPhrase>> ExpandAsync(string question, string language, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<WeightedPhrase>>(phrases);
    }

    private sealed class FailingExpander : IQueryExpander
    {
        public string Name => "failing";
        public Task<IReadOnlyList<WeightedPhrase>> ExpandAsync(string question, string language, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("endpoint down");
    }

    private sealed class FixedEmbedder : ITextEmbedder
    {
        public int Dimensions => 3;
        public string Model => "fixed";
        public int Calls { get; private set; }
        public Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult<IReadOnlyList<ReadOnlyMemory<float>>>(texts.Select(_ => new ReadOnlyMemory<float>([1f, 0f, 0f])).ToList());
        }
    }
}
