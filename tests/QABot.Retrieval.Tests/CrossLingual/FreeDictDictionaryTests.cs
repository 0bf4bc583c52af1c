using QABot.Retrieval.CrossLingual;
using QABot.Testing;

namespace QABot.Retrieval.Tests.CrossLingual;

[Trait("Category", "Retrieval")]
public sealed class FreeDictDictionaryTests
{
    private static readonly Lazy<FreeDictDictionary> Installed = new(() => new FreeDictDictionary(CrossLingualResources.DictionaryIndexPath));

    [RequiresFileFact(CrossLingualResources.DictionaryIndexPath)]
    public void The_compiled_cache_gives_back_exactly_the_parsed_entries_and_a_damaged_one_is_parsed_again()
    {
        using var temp = new TempDirectory();
        var cache = temp.File("cache");
        string[] headwords = ["give", "president", "united nations", "a-bomb", "run", "Kim"];

        var first = new FreeDictDictionary(CrossLingualResources.DictionaryIndexPath, cacheDirectory: cache);
        Assert.True(first.IsAvailable);
        var written = Assert.Single(Directory.GetFiles(cache));

        var fromCache = new FreeDictDictionary(CrossLingualResources.DictionaryIndexPath, cacheDirectory: cache);
        Assert.Equal((Installed.Value.Count, Installed.Value.MaxHeadwordWords), (fromCache.Count, fromCache.MaxHeadwordWords));
        foreach (var headword in headwords) Assert.Equal(Installed.Value.Lookup(headword), fromCache.Lookup(headword));

        File.WriteAllBytes(written, [1, 2, 3]);
        var afterDamage = new FreeDictDictionary(CrossLingualResources.DictionaryIndexPath, cacheDirectory: cache);
        Assert.Equal(Installed.Value.Count, afterDamage.Count);
        Assert.Equal(Installed.Value.Lookup("give"), afterDamage.Lookup("give"));
        Assert.True(new FileInfo(written).Length > 3);   // parsed again and rewritten
    }

    [RequiresFileFact(CrossLingualResources.DictionaryIndexPath)]
    public void Installed_dictionary_translates_single_words_first_sense_first()
    {
        var dictionary = Installed.Value;

        Assert.True(dictionary.Count > 80_000, $"only {dictionary.Count} headwords loaded");
        Assert.Equal("الهدية", dictionary.Lookup("gift")[0].Text);
        Assert.Equal("أعطى", dictionary.Lookup("Gave")[0].Text);
        Assert.Equal("البندقية", dictionary.Lookup("rifle")[0].Text);
        var bomb = dictionary.Lookup("a-bomb");
        Assert.Equal(["القنبلة النووية", "القنبلة الذرية"], bomb.Select(t => t.Text));
        Assert.Equal([0, 1], bomb.Select(t => t.Sense));
        Assert.Empty(dictionary.Lookup("qwertyuiopasdf"));
    }

    [RequiresFileFact(CrossLingualResources.DictionaryIndexPath)]
    public void Installed_dictionary_knows_phrase_headwords()
    {
        var dictionary = Installed.Value;

        Assert.True(dictionary.MaxHeadwordWords >= 2);
        Assert.Contains(dictionary.Lookup("bin laden"), t => t.Text.Contains("بن لادن"));
        Assert.NotEmpty(dictionary.Lookup("Addis  Ababa"));
    }

    [Fact]
    public void Entry_parsing_splits_numbered_senses_and_alternatives_and_drops_explanations()
    {
        var translations = FreeDictDictionary.ParseEntry("Head /hˈɛd/\n1. الرأس، القمة\n2. رئيس - شخص يقود مجموعة\n3. a Latin note\n");

        Assert.Equal([("الرأس", 0), ("القمة", 0), ("رئيس", 1)], translations.Select(t => (t.Text, t.Sense)));
        Assert.Equal(0, FreeDictDictionary.DecodeBase64Number("A"));
        Assert.Equal(64 * 2 + 3, FreeDictDictionary.DecodeBase64Number("CD"));
    }

    [Fact]
    public void Dictionary_files_written_in_dictd_format_are_read_including_dictzip()
    {
        using var temp = new TempDirectory();
        var body = "Rifle /ɹˈaɪfəl/\nالبندقية\nWhite House /wˈaɪt hˈaʊs/\nالبيت الأبيض\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var firstLength = System.Text.Encoding.UTF8.GetByteCount("Rifle /ɹˈaɪfəl/\nالبندقية\n");
        using (var file = File.Create(temp.File("mini.dict.dz")))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal))
            gzip.Write(bytes);
        File.WriteAllLines(temp.File("mini.index"), [$"rifle\tA\t{Base64(firstLength)}", $"white house\t{Base64(firstLength)}\t{Base64(bytes.Length - firstLength)}"]);

        var dictionary = new FreeDictDictionary(temp.File("mini.index"));

        Assert.Equal("البندقية", Assert.Single(dictionary.Lookup("rifle")).Text);
        Assert.Equal("البيت الأبيض", Assert.Single(dictionary.Lookup("White House")).Text);
        Assert.Equal(2, dictionary.MaxHeadwordWords);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Of_two_homograph_entries_the_one_spelled_as_text_spells_it_gives_the_first_senses(bool vocalisedListedFirst)
    {
        using var temp = new TempDirectory();
        string[] entries = ["البندقيّة /ʔˈalbndqiːt/\n1. Blunderbuss\n2. Scattergun\n", "البندقية /ʔalbundˈuqiːjˌa/\n1. Gun\n2. Rifle\n"];
        if (!vocalisedListedFirst) Array.Reverse(entries);
        var body = string.Concat(entries);
        File.WriteAllText(temp.File("mini.dict"), body);
        var firstLength = System.Text.Encoding.UTF8.GetByteCount(entries[0]);
        var total = System.Text.Encoding.UTF8.GetByteCount(body);
        // dictd's index spells both headwords without marks; only the entry's own first line shows the shadda.
        File.WriteAllLines(temp.File("mini.index"), [$"البندقية\tA\t{Base64(firstLength)}", $"البندقية\t{Base64(firstLength)}\t{Base64(total - firstLength)}"]);

        var senses = new FreeDictDictionary(temp.File("mini.index"), direction: DictionaryDirection.ArabicToEnglish).Lookup("البندقية");

        Assert.Equal(["gun", "rifle", "blunderbuss", "scattergun"], senses.Select(t => t.Text));
        Assert.Equal([0, 1, 2, 3], senses.Select(t => t.Sense));
    }

    [Fact]
    public async Task A_lower_case_word_the_dictionary_lacks_is_transliterated_below_a_translation()
    {
        using var temp = new TempDirectory();
        var body = "Club /klˈʌb/\nالنادي\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        File.WriteAllBytes(temp.File("mini.dict"), bytes);
        File.WriteAllLines(temp.File("mini.index"), [$"club\tA\t{Base64(bytes.Length)}"]);
        var expander = new DictionaryQueryExpander(new FreeDictDictionary(temp.File("mini.index")));

        var phrases = await expander.ExpandAsync("which club did iniesta join in kobe", "en");

        Assert.Contains(phrases, p => p.Text == "النادي" && p.Weight == DictionaryQueryExpander.FirstSenseWeight);
        var kobe = phrases.Where(p => p.Origin.Contains("kobe", StringComparison.Ordinal)).ToList();
        Assert.InRange(kobe.Count, 1, DictionaryQueryExpander.UnknownWordSpellings);
        Assert.All(kobe, p => Assert.Equal(DictionaryQueryExpander.UnknownWordTransliterationWeight, p.Weight));
        Assert.Equal(Transliterator.Transliterate("kobe")[0], kobe[0].Text);
        // A known word and stop words are not spelled out.
        Assert.DoesNotContain(phrases, p => p.Origin.Contains("club", StringComparison.Ordinal) && p.Text != "النادي");
        Assert.DoesNotContain(phrases, p => p.Origin.Contains("which", StringComparison.Ordinal));
    }

    // FreeDict gives a verb's base form as an imperative («صف», «قل», «مت»), which news text almost never uses; its
    // "-ing" headword gives the verbal noun («الوصف»), which news text uses all the time.
    [Fact]
    public async Task A_verb_also_searches_the_verbal_noun_of_its_ing_headword_when_it_shares_the_verbs_letters()
    {
        using var temp = new TempDirectory();
        var expander = new DictionaryQueryExpander(MiniDictionary(temp,
            ("describe", "Describe\nصف\n"), ("describing", "Describing\nالوصف\n"),
            ("die", "Die\nمت\n"), ("dying", "Dying\nالموت\n"),
            ("win", "Win\nالفوز\n"), ("winning", "Winning\nالفوز\n"),
            ("wolf", "Wolf\nذئب\n"), ("wolfing", "Wolfing\nالإلتهام\n")));

        var phrases = await expander.ExpandAsync("how does north korea describe putin? when did the wolf die? who will win", "en");

        Assert.Contains(phrases, p => p.Text == "الوصف" && p.Origin == "dictionary:describe"
            && p.Weight == DictionaryQueryExpander.FirstSenseWeight * DictionaryQueryExpander.VerbalNounShare);
        Assert.Contains(phrases, p => p.Text == "صف" && p.Weight == DictionaryQueryExpander.FirstSenseWeight);
        Assert.Contains(phrases, p => p.Text == "الموت" && p.Origin == "dictionary:die");
        // The same rendering is not added twice; an "-ing" sense of other letters is another word, not the verbal noun.
        Assert.Single(phrases, p => p.Text == "الفوز");
        Assert.DoesNotContain(phrases, p => p.Text == "الإلتهام");
    }

    // "what weapons did kim get to see": «أصبح» and «شاهد» match passages on any topic, «الأسلحة» does not.
    [Fact]
    public async Task Light_verbs_weigh_less_than_the_words_that_carry_the_topic()
    {
        using var temp = new TempDirectory();
        var expander = new DictionaryQueryExpander(MiniDictionary(temp,
            ("weapons", "Weapons\nالأسلحة\n"), ("get", "Get\nأصبح\n"), ("see", "See\nشاهد\n"), ("gave", "Gave\nأعطى\n")));

        var phrases = await expander.ExpandAsync("what weapons did kim get to see, and what gave him the idea", "en");

        Assert.Contains(phrases, p => p.Text == "الأسلحة" && p.Weight == DictionaryQueryExpander.FirstSenseWeight);
        foreach (var verb in (string[])["أصبح", "شاهد", "أعطى"])
            Assert.Contains(phrases, p => p.Text == verb && p.Weight == DictionaryQueryExpander.FirstSenseWeight * DictionaryQueryExpander.LightVerbShare);
    }

    [Fact]
    public async Task A_hyphenated_word_the_dictionary_lacks_is_read_as_its_parts()
    {
        using var temp = new TempDirectory();
        var expander = new DictionaryQueryExpander(MiniDictionary(temp, ("four", "Four\nأربعة\n"), ("note", "Note\nالنغمة\n")));

        var phrases = await expander.ExpandAsync("when did they drop the four-note jingle", "en");

        Assert.Contains(phrases, p => p.Text == "أربعة" && p.Origin == "dictionary:four");
        Assert.Contains(phrases, p => p.Text == "النغمة" && p.Origin == "dictionary:note");
        Assert.DoesNotContain(phrases, p => p.Origin.Contains("four-note", StringComparison.Ordinal));
    }

    // Every question starts with a capital: "During" is a word the dictionary knows, "Peyton" a name it does not.
    [Fact]
    public async Task A_questions_first_word_is_a_name_only_when_the_dictionary_does_not_know_it()
    {
        using var temp = new TempDirectory();
        var dictionary = MiniDictionary(temp, ("during", "During\nأثناء\n"), ("games", "Games\nالألعاب\n"));
        var names = Gazetteer.Load();
        var words = new DictionaryQueryExpander(dictionary, names);
        var spelled = new GazetteerQueryExpander(names, dictionary);

        var during = (await words.ExpandAsync("During the games who threw", "en")).Concat(await spelled.ExpandAsync("During the games who threw", "en")).ToList();
        var peyton = await spelled.ExpandAsync("Peyton threw in the games", "en");

        Assert.Contains(during, p => p.Text == "أثناء" && p.Weight == DictionaryQueryExpander.FirstSenseWeight);
        Assert.DoesNotContain(during, p => p.Origin == ExpansionOrigin.Of(ExpansionOrigin.Transliteration, "During"));
        Assert.Contains(peyton, p => p.Origin == ExpansionOrigin.Of(ExpansionOrigin.Transliteration, "Peyton"));
    }

    [Theory]
    [InlineData("describe", "describing")]
    [InlineData("die", "dying")]
    [InlineData("win", "winning")]
    [InlineData("visit", "visiting")]
    [InlineData("see", "seeing")]
    [InlineData("say", "saying")]
    public void Ing_forms_follow_english_spelling(string verb, string ing) =>
        Assert.Contains(ing, DictionaryQueryExpander.IngForms(verb));

    [Theory]
    [InlineData("صف", "الوصف", true)]
    [InlineData("مت", "الموت", true)]
    [InlineData("ابن", "المبنى", true)]
    [InlineData("أعط", "الإعطاء", true)]
    [InlineData("النداء", "الدعوة", false)]
    [InlineData("ذئب", "الإلتهام", false)]
    public void Verbal_noun_shares_the_verbs_letters(string verb, string noun, bool shares) =>
        Assert.Equal(shares, DictionaryQueryExpander.SharesRoot(verb, noun));

    private static FreeDictDictionary MiniDictionary(TempDirectory temp, params (string Headword, string Entry)[] entries)
    {
        var body = new List<byte>();
        var index = new List<string>();
        foreach (var (headword, entry) in entries.OrderBy(e => e.Headword, StringComparer.Ordinal))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(entry);
            index.Add($"{headword}\t{Base64(body.Count)}\t{Base64(bytes.Length)}");
            body.AddRange(bytes);
        }
        File.WriteAllBytes(temp.File("mini.dict"), body.ToArray());
        File.WriteAllLines(temp.File("mini.index"), index);
        return new FreeDictDictionary(temp.File("mini.index"));
    }

    [Fact]
    public void Missing_dictionary_is_empty_and_warns_once_instead_of_failing()
    {
        var logger = new CountingLogger();
        var dictionary = new FreeDictDictionary("/nonexistent/freedict-eng-ara.index", logger);

        Assert.False(dictionary.IsAvailable);
        Assert.Empty(dictionary.Lookup("gift"));
        Assert.Empty(dictionary.Lookup("rifle"));
        Assert.Equal(1, logger.Warnings);
    }

    private static string Base64(int value)
    {
        const string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var s = "";
        do { s = digits[value % 64] + s; value /= 64; } while (value > 0);
        return s;
    }
}
