using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Core.Answering;
using QABot.Retrieval.CrossLingual;
using QABot.Retrieval.Extensions;
using QABot.Testing;

namespace QABot.Retrieval.Tests.CrossLingual;

/// <summary>English renderings of short Arabic answer spans taken from the sample corpus and from ANT articles.</summary>
[Trait("Category", "Retrieval")]
public sealed class ArabicEnglishRendererTests
{
    public const string ReverseDictionaryPath = "/usr/share/dictd/freedict-ara-eng.index";

    private static readonly Lazy<ArabicEnglishRenderer> Installed = new(() =>
        new ArabicEnglishRenderer(Gazetteer.Load(), new FreeDictDictionary(ReverseDictionaryPath, direction: DictionaryDirection.ArabicToEnglish)));

    private static readonly ArabicEnglishRenderer NamesOnly = new(Gazetteer.Load());

    [Theory]
    // corpus/sample 003: the pieces are known separately.
    [InlineData("وزير الدفاع أندريه بيلؤوسوف", "Defence Minister Andrei Belousov")]
    [InlineData("وزير الصحة ميخائيل موراشكو", "Health Minister Mikhail Murashko")]
    [InlineData("وزير الموارد الطبيعية ألكسندر كوزلوف", "Natural Resources Minister Alexander Kozlov")]
    // corpus/sample 001: a nationality after the office goes before it in English.
    [InlineData("وزير الخارجية الروسي سيرغي لافروف", "Russian Foreign Minister Sergei Lavrov")]
    [InlineData("وزير الخارجية الكوري الشمالي تشوي سونغ هوي", "North Korean Foreign Minister Choe Son Hui")]
    // ANT: AL-internationalNews-1305-20180524, AL-internationalNews-836-20180408, SK-internationalNews-230-20180302.
    [InlineData("رئيسة الوزراء البريطانية تيريزا ماي", "British Prime Minister Theresa May")]
    [InlineData("الرئيس السوري بشار الأسد", "Syrian President Bashar al-Assad")]
    [InlineData("المتحدث باسم الكرملين دميتري بيسكوف", "Kremlin Spokesman Dmitry Peskov")]
    // Saudi finance minister: the office and the full name are separate entries; the bare surname names him too.
    [InlineData("وزير المالية محمد الجدعان", "Finance Minister Mohammed al-Jadaan")]
    [InlineData("الجدعان", "Mohammed al-Jadaan")]
    // ANT: AL-internationalNews-1532-20180609.
    [InlineData("الأمين العام للأمم المتحدة أنطونيو غوتيريش", "Secretary-General of the United Nations Antonio Guterres")]
    public void Offices_and_names_render_in_English_word_order_from_the_gazetteer(string arabic, string english)
    {
        var rendering = NamesOnly.Render(arabic, AnswerType.Person);

        Assert.Equal(new EnglishRendering(english, ArabicEnglishRenderer.GazetteerMethod), rendering);
    }

    [Theory]
    [InlineData("لبوتين", AnswerType.Person, "Putin")]
    [InlineData("وموسكو", AnswerType.Place, "Moscow")]
    [InlineData("بالكرملين", AnswerType.Organization, "Kremlin")]
    [InlineData("للكرملين", AnswerType.Organization, "Kremlin")]
    [InlineData("بوتين وكيم جونغ أون", AnswerType.Person, "Putin and Kim Jong Un")]
    // ANT: AL-internationalNews-1009-20180506, AL-internationalNews-1811-20180629, SK-middleEast-1271-20180426, AL-internationalNews-1097-20180510.
    [InlineData("حلف شمال الأطلسي", AnswerType.Organization, "NATO")]
    [InlineData("الجيش السوري", AnswerType.Organization, "Syrian Army")]
    [InlineData("قوات الأمن العراقية", AnswerType.Organization, "Iraqi Security Forces")]
    [InlineData("مجلس الأمن الدولي", AnswerType.Organization, "UN Security Council")]
    public void Attached_conjunctions_and_prepositions_are_read_off_and_longest_spellings_win(string arabic, AnswerType type, string english)
    {
        Assert.Equal(english, NamesOnly.Render(arabic, type)?.Text);
    }

    [Theory]
    [InlineData("جميل", "Jamil")]
    [InlineData("رشيد", "Rashid")]
    [InlineData("الزبيدي", "Al-Zabidi")]
    [InlineData("إسحاق", "Ishaq")]
    [InlineData("سعد", "Saad")]
    [InlineData("كوزنيتسوف", "Kuznitsov")]
    public void Unknown_names_are_transliterated_as_a_marked_fallback(string arabic, string english)
    {
        Assert.Equal(new EnglishRendering(english, ArabicEnglishRenderer.TransliterationMethod), NamesOnly.Render(arabic, AnswerType.Person));
    }

    [Fact]
    public void Known_office_with_an_unknown_name_keeps_the_office_and_transliterates_the_name()
    {
        // ANT: «وزير الداخلية اللبناني نهاد المشنوق»; the gazetteer knows the office and the nationality, not the man.
        var rendering = NamesOnly.Render("وزير الداخلية اللبناني نهاد المشنوق", AnswerType.Person);

        Assert.Equal(new EnglishRendering("Lebanese Interior Minister Nahad al-Mashnuq", ArabicEnglishRenderer.TransliterationMethod), rendering);
    }

    [RequiresFileFact(ReverseDictionaryPath)]
    public void Common_words_come_from_the_Arabic_English_dictionary_in_their_plain_sense()
    {
        var renderer = Installed.Value;

        Assert.Equal(new EnglishRendering("Earthquake", ArabicEnglishRenderer.DictionaryMethod), renderer.Render("الزلزال", AnswerType.Other));
        Assert.Equal("Terrorism", renderer.Render("والإرهاب", AnswerType.Other)?.Text);
        Assert.Equal("Coup", renderer.Render("انقلاب", AnswerType.Other)?.Text);
        // A known head noun and a dictionary word: the Arabic modifier order is reversed.
        Assert.Equal("Earthquake Committee", renderer.Render("لجنة الزلزال", AnswerType.Organization)?.Text);
    }

    [RequiresFileFact(ReverseDictionaryPath)]
    public void A_masdar_ending_in_un_is_not_pluralised()
    {
        // FreeDict lists «التعاون» as "cooperations" first; «التعا» is no word, so «ـون» is not a plural ending here.
        Assert.Equal("Cooperation", Installed.Value.Render("التعاون", AnswerType.Other)?.Text);
    }

    [Fact]
    public void A_plural_ending_counts_only_when_the_word_without_it_is_a_headword()
    {
        Translation[] senses = [new("officials", 0), new("official", 1)];
        Assert.Equal("officials", ArabicEnglishRenderer.BestSense(senses, "المسؤولون", w => w is "المسؤول"));
        Assert.Equal("official", ArabicEnglishRenderer.BestSense(senses, "المسؤولون", _ => false));
    }

    [Fact]
    public void The_sense_the_question_used_wins_over_the_plain_one()
    {
        Translation[] senses = [new("scholar", 0), new("scientist", 1), new("world", 2)];
        Assert.Equal("scholar", ArabicEnglishRenderer.BestSense(senses, "العالم", _ => false));
        var asked = ArabicEnglishRenderer.QuestionWords("What kind of worlds do Moscow and Pyongyang want?");
        Assert.Equal("world", ArabicEnglishRenderer.BestSense(senses, "العالم", _ => false, asked));
    }

    [Fact]
    public void Nothing_faithful_gives_null()
    {
        Assert.Null(NamesOnly.Render("زوربلاكس", AnswerType.Other));
        Assert.Null(NamesOnly.Render("42 مليون دولار", AnswerType.Money));
        Assert.Null(NamesOnly.Render("بوتين", AnswerType.Date));
        Assert.Null(NamesOnly.Render("Putin", AnswerType.Person));
        Assert.Null(NamesOnly.Render("   ", AnswerType.Person));
        Assert.Null(NamesOnly.Render(string.Join(' ', Enumerable.Repeat("بوتين", ArabicEnglishRenderer.MaxSpanWords + 1)), AnswerType.Person));
    }

    [Fact]
    public void Missing_Arabic_English_dictionary_warns_once_and_names_still_render()
    {
        var logger = new CountingLogger();
        var renderer = new ArabicEnglishRenderer(Gazetteer.Load(),
            new FreeDictDictionary("/nonexistent/freedict-ara-eng.index", logger, DictionaryDirection.ArabicToEnglish));

        Assert.Equal("Putin", renderer.Render("بوتين", AnswerType.Person)?.Text);
        Assert.Null(renderer.Render("الزلزال", AnswerType.Other));
        Assert.Null(renderer.Render("الزلزال", AnswerType.Other));
        Assert.Equal(1, logger.Warnings);
    }

    [Fact]
    public void Nothing_is_read_before_the_first_rendering()
    {
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("bad.tsv"), ["no tab here"]);
        var gazetteer = Gazetteer.LoadOnFirstUse(temp.File("bad.tsv"));
        var renderer = new ArabicEnglishRenderer(gazetteer, new FreeDictDictionary("/nonexistent/x.index", direction: DictionaryDirection.ArabicToEnglish));

        // Built without reading: the malformed file only surfaces when a rendering needs the names.
        var error = Assert.Throws<FormatException>(() => renderer.Render("بوتين", AnswerType.Person));
        Assert.Contains("bad.tsv:1", error.Message);
    }

    /// <summary>A small common-word list: the tests stand without the installed wbritish-small.</summary>
    private static readonly CommonEnglishWords Common = new(
        ["satellites", "satellite", "nuclear", "energy", "raw", "oil", "crude", "developed", "weapons", "weaponry", "guns", "withdrawal", "forces", "troops",
         "campaign", "fight", "drugs", "world", "scientist", "scholar", "multi", "magnates", "poles", "friend", "buddy", "crony"]);

    private static readonly Lazy<ArabicEnglishRenderer> WithCommonWords = new(() =>
        new ArabicEnglishRenderer(Gazetteer.Load(), new FreeDictDictionary(ReverseDictionaryPath, direction: DictionaryDirection.ArabicToEnglish), Common));

    [RequiresFileFact(ReverseDictionaryPath)]
    public void A_noun_phrase_renders_with_its_adjectives_before_the_noun()
    {
        var renderer = WithCommonWords.Value;

        // corpus/sample 002 «معاينة أسلحة متطورة»: the indefinite «أسلحة» lists only "armata", its definite form "weapons".
        Assert.Equal("Developed weaponry", renderer.RenderPhrase("أسلحة متطورة")?.Text);
        // FreeDict lists the phrase definite: «الأقمار الصناعية».
        Assert.Equal("Satellites", renderer.RenderPhrase("أقمار صناعية")?.Text);
        Assert.Equal("Nuclear energy", renderer.RenderPhrase("الطاقة النووية")?.Text, ignoreCase: true);
        // «الخام» is listed as "rawer, rawest" too: a comparative of a common word is never the sense.
        Assert.Equal("Raw oil", renderer.RenderPhrase("النفط الخام")?.Text, ignoreCase: true);
    }

    [RequiresFileFact(ReverseDictionaryPath)]
    public void A_noun_phrase_without_a_common_sense_for_every_word_is_not_rendered()
    {
        var renderer = WithCommonWords.Value;

        // «مقرب» is only "telephotographic" in FreeDict: "Telephotographic buddy" would be word salad.
        Assert.Null(renderer.RenderPhrase("صديق مقرب"));
        // An adjective governing a noun ("multi-polar") and a chain of governed nouns have no word-by-word English.
        Assert.Null(renderer.RenderPhrase("عالم متعدد الأقطاب"));
        Assert.Null(renderer.RenderPhrase("حملة مكافحة المخدرات"));
        Assert.Null(renderer.RenderPhrase("اتفاقية تجارة حرة مع الصين والهند"));
    }

    [RequiresFileFact(ReverseDictionaryPath)]
    public void Without_the_common_word_list_a_phrase_renders_one_dictionary_word_at_most()
    {
        var renderer = new ArabicEnglishRenderer(Gazetteer.Load(), new FreeDictDictionary(ReverseDictionaryPath, direction: DictionaryDirection.ArabicToEnglish),
            new CommonEnglishWords("/nonexistent/words"));

        Assert.Null(renderer.RenderPhrase("أسلحة متطورة"));
        // One dictionary phrase is one dictionary word (its sense unchecked: "Sputniks").
        Assert.NotNull(renderer.RenderPhrase("أقمار صناعية"));
    }

    [RequiresFileFact(ReverseDictionaryPath)]
    public void Phrase_words_are_read_through_the_accusative_ending_and_a_nisba_missing_from_the_dictionary_as_its_noun()
    {
        var renderer = new ArabicEnglishRenderer(Gazetteer.Load(), new FreeDictDictionary(ReverseDictionaryPath, direction: DictionaryDirection.ArabicToEnglish),
            new CommonEnglishWords(["security", "reasons", "reason", "causes", "cause", "wish", "gun", "rifle", "musket", "cooperation", "cooperations"]));

        // «أمنية» after a noun is the nisba «أمني», which FreeDict lacks (its «الأمنية» is the noun "wish"): the nisba's
        // noun «الأمن» reads as "security" before the head.
        Assert.Equal("security causes", renderer.RenderPhrase("أسباب أمنية")?.Text, ignoreCase: true);
        // «بندقيةً» in the accusative: the shortest plain sense.
        Assert.Equal("Gun", renderer.RenderPhrase("بندقيةً")?.Text);
        // «التعاون» ends in «ون» but is a singular masdar: no plural sense.
        Assert.Equal("Cooperation", renderer.RenderPhrase("التعاون")?.Text);
        Assert.Equal("السلام", ArabicEnglishRenderer.NisbaNoun("سلامي"));
        Assert.Null(ArabicEnglishRenderer.NisbaNoun("حرب"));
    }

    [RequiresFileFact(ReverseDictionaryPath)]
    public void A_quoted_title_keeps_its_English_words_spelt_out_in_Arabic_letters()
    {
        var renderer = new ArabicEnglishRenderer(Gazetteer.Load(), new FreeDictDictionary(ReverseDictionaryPath, direction: DictionaryDirection.ArabicToEnglish),
            new CommonEnglishWords(["american", "pastoral", "can", "pastor"]));

        // ANT FR-culture-85-20180523: Philip Roth's «أميريكان باستورال».
        Assert.Equal("American Pastoral", renderer.RenderTitle("أميريكان باستورال")?.Text);
        // A word no English word spells is transliterated, capitalised as a title word.
        Assert.Equal(ArabicEnglishRenderer.TransliterationMethod, renderer.RenderTitle("بوكو")?.Method);
    }

    [RequiresFileFact(ReverseDictionaryPath)]
    public void A_name_asked_for_is_not_made_up_from_common_words()
    {
        var renderer = Installed.Value;

        // ANT: «سابقة نادرة» (a rare precedent) and «رابطة أندية» (a league of clubs) are no names to spell out.
        Assert.Null(renderer.Render("سابقة نادرة", AnswerType.Place));
        Assert.Null(renderer.Render("رابطة أندية", AnswerType.Person));
        // A name that is also a word is still a name.
        Assert.NotNull(renderer.Render("نبيل معلول", AnswerType.Person));
    }

    [RequiresFileFact(ReverseDictionaryPath)]
    public void An_elative_before_its_noun_stays_before_it_as_a_superlative()
    {
        var renderer = new ArabicEnglishRenderer(Gazetteer.Load(), new FreeDictDictionary(ReverseDictionaryPath, direction: DictionaryDirection.ArabicToEnglish),
            new CommonEnglishWords(["missile", "largest", "bigger", "eldest", "strategic", "partnership"]));

        // The gazetteer's "Agreement" is a common word inside a phrase.
        Assert.Equal("Strategic partnership agreement", renderer.RenderPhrase("اتفاقية الشراكة الاستراتيجية")?.Text);
        // «أكبر» lists bigger, chunkiest, eldest, largest…: before a noun it ranks it, and only a common superlative will do.
        Assert.Equal("Largest missile", renderer.RenderPhrase("أكبر صاروخ")?.Text);
    }

    [Fact]
    public void Retrieval_services_provide_the_renderer()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddRetrieval();
        using var host = builder.Build();

        var renderer = host.Services.GetRequiredService<IEnglishRenderer>();

        Assert.Equal("Russian President Vladimir Putin", renderer.Render("الرئيس الروسي فلاديمير بوتين", AnswerType.Person)?.Text);
    }
}
