using QABot.Core.Domain;
using QABot.Text.Analysis;

namespace QABot.Answering.Understanding;

/// <summary>
/// How Arabic news words what an English question asks in everyday words, where the dictionary gives another sense or
/// none: "died" is «توفي», «وفاة», «رحيل» (FreeDict: «مات» only), "caps" are international matches («مباراة», not
/// «قبعة») and "medals" are «ميداليات» (not «أوسمة»). Without them such a
/// question's own words count as missing from the very article that answers it, and it is refused.
/// </summary>
public static class NewsSenses
{
    private static readonly (string English, string[] Arabic)[] Table =
    [
        ("die died dies dead death", ["توفي", "توفيت", "وفاة", "رحل", "رحلت", "رحيل", "الراحل", "مات"]),
        ("cap caps", ["مباراة", "مباريات"]),
        ("medal medals", ["ميدالية", "ميداليات"]),
        ("money", ["مبلغ", "دولار", "قيمة"]),
        ("give gave given gives", ["منح", "يمنح", "قدم", "أهدى", "أعطى", "تبرع"]),
        ("order ordered orders", ["طلبية", "طلب", "صفقة", "شراء"]),
        ("subscriber subscribers", ["مشترك", "مشتركين"]),
        ("job jobs", ["وظيفة", "وظائف"]),
        ("win won wins", ["فاز", "فوز", "أحرز", "حصد", "توج", "نال"]),
        ("sell sold sells", ["باع", "باعت", "مبيعات", "بيع"]),
        ("buy bought buys", ["اشترى", "شراء", "استحواذ", "صفقة"]),
        ("pay paid pays", ["دفع", "سدد", "مقابل"]),
        ("kill killed", ["قتل", "مقتل", "قتلى"]),
        ("account accounts", ["حساب", "حسابات"]),
        ("expose exposed", ["تأثر", "تأثرت", "اختراق", "تسريب", "كشف"]),
        ("goal goals", ["هدف", "أهداف"]),
        ("trophy trophies title titles", ["لقب", "ألقاب", "بطولة"]),
        ("resign resigned resigns resignation quit quits", ["استقال", "استقالة", "انسحب", "انسحاب"]),
        ("withdraw withdrew withdrawn withdrawal", ["انسحب", "انسحاب"]),
        ("retire retired retires retirement", ["اعتزل", "اعتزال", "اعتزاله", "تقاعد"]),
        ("meet met meets meeting", ["التقى", "لقاء", "اجتمع", "اجتماع", "قمة", "استقبل"]),
        ("appoint appointed appoints appointment", ["عين", "تعيين", "كلف", "تكليف"]),
        ("play played plays", ["لعب", "أقيمت", "أقيم"]),
        ("lose lost loses losing loss defeat defeated", ["خسر", "خسارة", "هزيمة", "الهزيمة", "خروج", "ودع"]),
        ("beat beats", ["هزم", "تغلب", "فاز", "فوز"]),
        ("visit visited visits", ["زار", "زيارة", "يزور"]),
        ("accept accepted accepts", ["قبل", "وافق", "لبى", "موافقة"]),
        ("refuse refused refuses reject rejected rejects decline declined", ["رفض", "رفضت", "يرفض"]),
        ("invite invited invites invitation", ["دعوة", "دعا", "دعت"]),
        ("elect elected", ["انتخب", "انتخاب", "فاز", "فوز"]),
        ("launch launched launches", ["أطلق", "إطلاق", "دشن"]),
        ("ban banned bans", ["حظر", "منع", "إيقاف"]),
        ("sack sacked dismiss dismissed", ["أقال", "إقالة", "إعفاء"]),
        ("join joined joins transfer transferred", ["انضم", "انضمام", "انتقل", "انتقال"]),
        ("loan loans lend lent", ["قرض", "أقرض", "تمويل"]),
        ("score scored scores", ["سجل", "أحرز", "هدف"]),
        ("crash crashed", ["تحطم", "سقوط", "سقطت"]),
        ("sentence sentenced jailed", ["حكم", "سجن", "بالسجن"]),
        ("nominate nominated nomination", ["رشح", "ترشيح", "مرشح", "المرشحين"]),
        ("injure injured", ["أصيب", "إصابة", "جرحى"]),
        ("arrest arrested", ["اعتقل", "اعتقال", "توقيف"]),
        ("born birth birthplace", ["ولد", "مولود", "مواليد", "مسقط"]),
        ("telegram telegrams", ["برقية", "رسالة"]),
        ("sign signed signs signing", ["وقع", "وقعت", "وقعها", "توقيع"]),
        ("deal deals agreement agreements", ["اتفاق", "اتفاقية", "اتفاقيات", "صفقة"]),
        ("expat expats expatriate expatriates", ["مغترب", "مغتربين", "وافد", "وافدين", "الأجانب"]),
        ("expensive", ["أغلى", "الأغلى", "تكلفة", "غلاء"]),
    ];

    private static readonly Dictionary<string, string[]> Senses = Build(Table);

    /// <summary>The Arabic words as written, for a search: the index analyses them itself.</summary>
    private static readonly Dictionary<string, string[]> Written = Table
        .SelectMany(sense => sense.English.Split(' ').Select(word => (word, sense.Arabic)))
        .GroupBy(pair => pair.word, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.Last().Arabic, StringComparer.Ordinal);

    /// <summary>The Arabic news terms for an English question word (lower case), or none.</summary>
    public static IEnumerable<string> For(string english) =>
        Senses.TryGetValue(english, out var terms) ? terms : [];

    /// <summary>The Arabic news words for an English question word (lower case) as written, or none.</summary>
    public static IReadOnlyList<string> WrittenFor(string english) =>
        Written.TryGetValue(english, out var words) ? words : [];

    /// <summary>Each English word's Arabic words, analysed once as the index analyses them.</summary>
    private static Dictionary<string, string[]> Build((string English, string[] Arabic)[] senses)
    {
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (english, arabic) in senses)
        {
            var terms = arabic.SelectMany(a => SearchAnalysis.Terms(a, Languages.Arabic)).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var word in english.Split(' '))
                table[word] = terms;
        }
        return table;
    }
}
