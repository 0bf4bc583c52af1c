using QABot.Retrieval.CrossLingual;
using QABot.Testing;

namespace QABot.Retrieval.Tests.CrossLingual;

[Trait("Category", "Retrieval")]
public sealed class GazetteerAndTransliterationTests
{
    private static readonly Gazetteer BuiltIn = Gazetteer.Load();

    [Fact]
    public void Built_in_gazetteer_has_news_names_with_spelling_variants()
    {
        Assert.True(BuiltIn.Count >= 300, $"only {BuiltIn.Count} entries");
        Assert.Equal("بوتين", BuiltIn.Lookup("Putin")[0]);
        Assert.Contains("كيم جونج أون", BuiltIn.Lookup("Kim Jong-un"));
        Assert.Contains("كيم جونغ أون", BuiltIn.Lookup("kim jong un"));
        Assert.Contains("بيونغيانغ", BuiltIn.Lookup("Pyongyang"));
        Assert.Contains("بيونغ يانغ", BuiltIn.Lookup("Pyongyang"));
        Assert.Equal("الكرملين", BuiltIn.Lookup("KREMLIN")[0]);
    }

    [Fact]
    public void Matching_prefers_the_longest_name_and_ignores_stop_words_written_as_words()
    {
        var tokens = EnglishQuestion.Tokenize("Who did Kim Jong Un meet in North Korea in May, and what may happen?");
        var matches = BuiltIn.Match(tokens);

        Assert.Equal(["Kim Jong Un", "North Korea", "May"], matches.Select(m => m.English));
        Assert.Equal("كوريا الشمالية", matches[1].Arabic[0]);
        Assert.Equal("مايو", matches[2].Arabic[0]);
    }

    [Fact]
    public void Extra_gazetteer_file_adds_and_overrides_entries()
    {
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("extra.tsv"), ["# local names", "Anwar Ibrahim\tأنور إبراهيم|انور ابراهيم|أنور", "zorblax city\tزوربلاكس"]);

        var gazetteer = Gazetteer.Load(temp.File("extra.tsv"));

        Assert.Equal(BuiltIn.Count + 1, gazetteer.Count);
        Assert.Equal(["أنور إبراهيم", "انور ابراهيم", "أنور"], gazetteer.Lookup("anwar ibrahim"));
        Assert.Equal("زوربلاكس", gazetteer.Lookup("Zorblax City")[0]);
    }

    [Fact]
    public void Malformed_gazetteer_line_is_reported_with_its_line_number()
    {
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("bad.tsv"), ["ok\tأوك", "no tab here"]);

        var error = Assert.Throws<FormatException>(() => Gazetteer.Load(temp.File("bad.tsv")));
        Assert.Contains("bad.tsv:2", error.Message);
    }

    [Theory]
    [InlineData("Manning", "مانينغ")]
    [InlineData("Denver", "دنفر")]
    [InlineData("Panthers", "بانثرز")]
    [InlineData("Kim", "كيم")]
    [InlineData("Gagarin", "غاغارين")]
    [InlineData("Sochi", "سوتشي")]
    [InlineData("Temüjin", "تيموجين")]
    [InlineData("Pittsburgh", "بيتسبورغ")]
    public void Transliteration_offers_the_press_spelling_among_its_variants(string latin, string arabic)
    {
        var variants = Transliterator.Transliterate(latin);

        Assert.InRange(variants.Count, 1, 4);
        Assert.Contains(arabic, variants);
        Assert.All(variants, v => Assert.All(v, c => Assert.True(QABot.Text.ArabicNormalizer.IsArabicLetter(c), $"'{c}' in {v}")));
    }

    [Fact]
    public async Task Gazetteer_expander_gives_known_names_full_weight_and_guessed_ones_less()
    {
        var expander = new GazetteerQueryExpander(BuiltIn);

        var phrases = await expander.ExpandAsync("What did Putin give Zorblax in Pyongyang?", "en");

        Assert.Contains(phrases, p => p.Text == "بوتين" && p.Weight == GazetteerQueryExpander.KnownNameWeight);
        Assert.Contains(phrases, p => p.Text == "بيونغ يانغ");
        var guessed = phrases.Where(p => p.Origin.StartsWith("transliteration")).ToList();
        Assert.NotEmpty(guessed);
        Assert.All(guessed, p => Assert.True(p.Weight < GazetteerQueryExpander.KnownNameWeight));
        Assert.DoesNotContain(phrases, p => p.Text.Contains("وات")); // "What" is not a name
        Assert.Empty(await expander.ExpandAsync("ماذا أهدى بوتين؟", "ar"));
    }
}
