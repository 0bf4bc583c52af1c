using QABot.Answering.Extractive;

namespace QABot.Answering.Tests.Extractive;

/// <summary>How strongly a question's word groups are found in a sentence's or window's terms.</summary>
[Trait("Category", "Answering")]
public sealed class QueryTermGroupsTests
{
    private static QueryTermGroups Groups(params string[][] groups)
    {
        var words = new QueryTermGroups();
        foreach (var group in groups) words.Add(group, 1.0);
        return words;
    }

    [Theory]
    [InlineData("اجتماع", "اجتمع")]
    [InlineData("اعلان", "اعلن")]
    [InlineData("زيارته", "زارته")]
    public void A_word_of_the_same_consonants_matches_weaker(string asked, string stated)
    {
        var groups = Groups(["كيم"], [asked]);
        // Many terms, as a window has: the group's terms are looked up in them, not the other way round.
        var window = new HashSet<string>(["كيم", "بوتين", "روسيا", "قاعده", "فضاء", "سلاح", stated], StringComparer.Ordinal);

        var matched = groups.Matches(window);

        Assert.Equal(1.0, matched[0]);
        Assert.Equal(QueryTermGroups.SkeletonMatch, matched[1]);
    }

    [Fact]
    public void Words_absent_from_the_window_do_not_match()
    {
        var groups = Groups(["بندقيه"], ["هديه"]);

        Assert.Equal([0.0, 0.0], groups.Matches(new HashSet<string>(["كيم", "بوتين", "روسيا", "قمه"], StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("اجتماع", "جتمع")]
    [InlineData("زيارته", "زرت")]
    [InlineData("موسكو", "مسك")]
    [InlineData("قمه", null)]
    [InlineData("rifle", null)]
    [InlineData("بوتين", "بتن")]
    public void The_skeleton_drops_long_vowels_and_a_final_ha(string term, string? skeleton) =>
        Assert.Equal(skeleton, QueryTermGroups.Skeleton(term));
}
