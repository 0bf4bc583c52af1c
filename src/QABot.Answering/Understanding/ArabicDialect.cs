using System.Text;
using QABot.Text;
using QABot.Text.Analysis;
using QABot.Text.Tokens;

namespace QABot.Answering.Understanding;

/// <summary>
/// The everyday Arabic of chat questions (Levantine, Egyptian, Gulf, Iraqi, Maghrebi) read as the standard Arabic news
/// is written in. News never writes «مسكر», «بعت» or «الجاي», so a dialect word counted as a word the evidence must
/// carry lowers a question's coverage below the refusal threshold even over the article that answers it. Content words
/// become their standard forms (the first is written in the question's place, the others are further senses news uses
/// for it: «عطى» is «أعطى», «منح», «أهدى»); words that only carry the dialect's grammar («عم», «هون», «صرله») go.
/// Rules are about the dialects, not about any article; question words themselves are left to <see cref="QuestionForms"/>.
/// </summary>
public static class ArabicDialect
{
    /// <summary>Dialect word (as written before folding) → standard Arabic forms, the commonest first. Empty: a grammar word to drop.</summary>
    private static readonly (string Dialect, string[] Standard)[] Table =
    [
        // sending, giving, bringing, taking
        ("بعت بعتت بعتو بعتوا بيبعت يبعت بعتله بعتلو بعتلها", ["أرسل", "بعث", "وجه"]),
        ("عطى اعطى اداه اداها عطاه عطاها اعطاه اعطاها عطوه عطوها يعطي بيعطي", ["أعطى", "منح", "أهدى", "قدم"]),
        ("جابو جابوا يجيب بيجيب جابله", ["جلب", "أحضر"]),
        ("اخد اخدت اخدو خد ياخد بياخد اخدها", ["أخذ", "حصل"]),
        ("حطو يحط بيحط", ["وضع"]),
        ("لقو لاقو لقيو لقيوا بيلاقي", ["وجد", "عثر"]),
        // coming, going, returning, staying
        ("اجا اجى إجا اجت جه جت جات اجو اجوا بيجي", ["جاء", "وصل", "أتى"]),
        ("رجعو بيرجع", ["عاد", "عودة"]),
        ("ضل ضلت ضلو بيضل تضل يضل بتضل", ["بقي", "ظل"]),
        ("قعد قعدت قعدو", ["بقي", "مكث"]),
        ("طلع طلعت طلعو يطلع بيطلع", ["خرج", "صدر", "ظهر"]),
        ("شاف شافت شافو يشوف بيشوف", ["رأى", "شاهد"]),
        // saying
        ("حكى حكا حكت حكيو بيحكي يحكي", ["قال", "تحدث", "صرح"]),
        // starting, ending, closing, opening
        ("بلش بلشت بلشو يبلش بيبلش ابتدى ابتدت", ["بدأ", "انطلق"]),
        ("خلص خلصت خلصو يخلص بيخلص تخلص بتخلص", ["انتهى", "اكتمل", "الانتهاء", "اكتمال"]),
        ("سكرت سكرو يسكر بيسكر مسكر مسكرة مسكره مسكرين", ["مغلق", "أغلق", "إغلاق"]),
        ("انفتح انفتحت", ["فتح", "افتتاح"]),
        ("صار صارت صاير صايره بيصير يصير", ["حدث", "أصبح"]),
        // dialect passives (Egyptian «اتـ», Levantine «انـ»): the standard passive or the event's noun
        ("انضاف انضافت انضافو انضافوا اتضاف اتضافت", ["أضيف", "إضافة", "أضاف"]),
        ("انوقع انوقعت انوقعو انوقعوا اتمضى اتمضت انمضى انمضت", ["وقع", "توقيع", "وقعت", "وقعها"]),
        ("انصاب انصابت انصابو انصابوا اتصاب اتصابت", ["أصيب", "إصابة"]),
        ("انقتل انقتلت انقتلو انقتلوا اتقتل اتقتلت اتقتلو", ["قتل", "مقتل"]),
        ("انمسك انمسكت انمسكو اتمسك اتمسكت اتقبض", ["اعتقل", "اعتقال", "القبض"]),
        ("انحبس انحبست اتحبس اتحبست اتسجن", ["سجن", "حكم"]),
        ("انباع انباعت اتباع اتباعت", ["بيع", "باع"]),
        ("انبنى انبنت اتبنى اتبنت", ["بني", "بناء", "شيد"]),
        ("انلغى انلغت اتلغى اتلغت", ["ألغي", "إلغاء"]),
        ("انسرق انسرقت اتسرق اتسرقت", ["سرق", "سرقة"]),
        ("انضرب انضربت اتضرب اتضربت", ["ضرب", "استهدف"]),
        ("انعمل انعملت اتعمل اتعملت", ["أجري", "أقيم"]),
        ("انتخبو اتنتخب", ["انتخب", "انتخاب"]),
        ("اتعين اتعينت", ["عين", "تعيين"]),
        ("اتوفى اتوفت", ["توفي", "وفاة"]),
        ("انولد انولدت اتولد اتولدت", ["ولد", "مولود"]),
        ("اتجوز اتجوزت تجوزت", ["تزوج", "زواج"]),
        ("غلب غلبت غلبو", ["هزم", "فاز"]),
        // building: «بناه» is «بناؤه» as chat writes it
        ("بناه بناها", ["بناء", "إنشاء", "تشييد"]),
        // ordinals and numbers as spoken («ت» for «ث»)
        ("تاني التاني تانيه التانيه تانية التانية", ["الثاني", "الثانية", "الأخرى"]),
        ("تالت التالت تالته التالته تالتة التالتة", ["الثالث", "الثالثة"]),
        ("تلات تلاته تلاتة", ["ثلاثة", "ثلاث"]),
        ("تلاتين", ["ثلاثين"]),
        ("تمن تمنيه تمانيه تمانية تمنية", ["ثمانية", "ثماني"]),
        ("اتنين تنين التنين الاتنين", ["اثنين", "اثنان"]),
        // people and things
        ("ولاد الولاد", ["أطفال", "أولاد", "صبية", "فتية"]),
        ("زلمة زلمه زلمي", ["رجل"]),
        ("مرا المرا مراته", ["امرأة", "زوجة", "سيدة"]),
        ("جوزها", ["زوج"]),
        ("عيلة عيله العيلة العيله", ["عائلة", "أسرة"]),
        ("مصاري فلوس المصاري الفلوس", ["أموال", "مبلغ"]),
        ("ماتش الماتش ماتشات", ["مباراة"]),
        ("كورة الكورة كوره الكوره", ["كرة"]),
        ("جول الجول اجوال", ["هدف", "أهداف"]),
        ("كابتن الكابتن", ["قائد"]),
        ("وزرا الوزرا", ["وزراء"]),
        ("رايح رايحة رايحه رايحين", ["ذاهب", "متجه", "مشارك"]),
        ("الريس ريس", ["الرئيس"]),
        ("البوليس بوليس", ["الشرطة"]),
        ("دكتور الدكتور دكاترة", ["طبيب"]),
        ("ضيعة ضيعه", ["قرية", "بلدة"]),
        // qualities and times
        ("الجاي الجاية الجايه الجايي", ["المقبل", "القادم"]),
        ("الفايت الفايتة الفايته", ["الماضي"]),
        ("كتير", ["كثير"]),
        ("زغير زغيرة زغيره", ["صغير"]),
        ("منيح مليح كويس", ["جيد"]),
        ("بره", ["خارج"]),
        ("جوه", ["داخل"]),
        ("قدام", ["أمام"]),
        ("جنب", ["قرب", "بجانب"]),
        // grammar only: progressive, here/there, since, then, like, until, a lot, now
        ("عم هون هنيك هنيه هني صرله صرلها صرلهم صرلو صارله صارلها صارلهم صارلو بقاله بقالها بقالهم بقالو" +
         " بعدين هلأ لهلق لهلا زي متل لحد لغاية لغايه ليكون ياريت وايد بزاف دابا بدو بدهن بدهم هادول هدول هديك هداك هيديك هيدي" +
         " اديش قديه ليكو", []),
    ];

    private static readonly Dictionary<string, string[]> ByDialect = BuildByDialect();

    /// <summary>Standard word (folded) → all the standard senses a dialect word writes it for.</summary>
    private static readonly Dictionary<string, string[]> SensesByStandard = BuildByStandard();

    /// <summary>Attached object or dative pronouns and the plural «و»: «يفتحوه», «صرله», «عطاها».</summary>
    private static readonly string[] Suffixes = ["وها", "وه", "وهم", "ها", "هم", "هن", "ه", "وا", "و", "لي", "له", "لها", "لو"];

    /// <summary>
    /// The text with its dialect words written as standard Arabic and its dialect grammar words taken out. Everything
    /// else stays as written, so a text with no dialect word comes back unchanged.
    /// </summary>
    public static string ToStandard(string text)
    {
        var tokens = WordTokenizer.Tokenize(text);
        StringBuilder? rewritten = null;
        var copied = 0;
        foreach (var token in tokens)
        {
            if (token.IsNumber || token.Folded.Length < 2 || !ArabicNormalizer.IsArabicLetter(token.Folded[0]) || Standard(token.Folded) is not { } standard) continue;
            rewritten ??= new StringBuilder(text.Length + 16);
            rewritten.Append(text, copied, token.Start - copied);
            if (standard.Length > 0) rewritten.Append(standard[0]);
            copied = token.End;
        }
        if (rewritten is null) return text;
        rewritten.Append(text, copied, text.Length - copied);
        return rewritten.ToString();
    }

    /// <summary>True for a dialect word that carries only grammar («عم», «هون», «صرله»).</summary>
    public static bool IsGrammarWord(string folded) => Standard(folded) is { Length: 0 };

    /// <summary>
    /// The further standard senses of a word <see cref="ToStandard"/> writes (the analyzed terms of «منح», «أهدى» for
    /// «أعطى»), so the evidence's own wording counts for the dialect word; none for any other word.
    /// </summary>
    public static IEnumerable<string> Senses(string folded) =>
        SensesByStandard.TryGetValue(folded, out var senses) ? senses : [];

    /// <summary>
    /// The standard forms of a folded dialect word: as written, then without a leading «و»/«ف» (and), the present-tense
    /// «ب» («بيبعت»), or an attached pronoun («عطاها», «صرلو»). Null for a word the table does not know.
    /// </summary>
    private static string[]? Standard(string folded)
    {
        foreach (var stem in Stems(folded))
            if (ByDialect.TryGetValue(stem, out var standard)) return standard;
        return null;
    }

    private static IEnumerable<string> Stems(string folded)
    {
        yield return folded;
        var bases = new List<string> { folded };
        if (folded.Length > 3 && folded[0] is 'و' or 'ف') bases.Add(folded[1..]);
        foreach (var word in bases.ToList())
            if (word.Length > 4 && word[0] == 'ب' && word[1] is 'ي' or 'ت' or 'ن') bases.Add(word[1..]);
        foreach (var word in bases.Skip(1)) yield return word;
        foreach (var word in bases)
            foreach (var suffix in Suffixes)
                if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                    yield return word[..^suffix.Length];
    }

    private static Dictionary<string, string[]> BuildByDialect()
    {
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (dialect, standard) in Table)
            foreach (var word in dialect.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                table.TryAdd(ArabicNormalizer.NormalizeLower(word), standard);
        return table;
    }

    private static Dictionary<string, string[]> BuildByStandard()
    {
        var senses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (_, standard) in Table)
        {
            if (standard.Length == 0) continue;
            var key = ArabicNormalizer.NormalizeLower(standard[0]);
            if (!senses.TryGetValue(key, out var set)) senses[key] = set = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(standard.SelectMany(s => SearchAnalysis.Terms(s, Core.Domain.Languages.Arabic)));
        }
        return senses.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
