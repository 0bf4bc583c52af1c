namespace QABot.Text.Numbers;

/// <summary>What a counted noun measures: it tells a duration from an amount of money or a count of people.</summary>
public enum UnitKind { Count, Time, Money, Distance, Percent }

/// <summary>A counted noun («أيام», "days") with its English forms, so a number is rendered with its unit.</summary>
public sealed record Unit(string Key, UnitKind Kind, string EnglishSingular, string EnglishPlural)
{
    public string English(decimal value) => value == 1 ? EnglishSingular : EnglishPlural;
}

/// <summary>
/// The units news text counts in, by their folded Arabic forms (singular, plural, accusative «يوما») and the dual
/// forms that are a number in themselves («يومين» = two days). English words map to the same units, so an English
/// question's "how many days" asks for the unit an Arabic sentence writes «أيام».
/// </summary>
public static class Units
{
    private static readonly Dictionary<string, Unit> ByArabic = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, Unit> DualByArabic = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, Unit> ByEnglish = new(StringComparer.Ordinal);

    static Units()
    {
        Add("second", UnitKind.Time, "second", "seconds", ["ثانيه", "ثواني", "ثوان"], ["ثانيتين"], ["second", "seconds"]);
        Add("minute", UnitKind.Time, "minute", "minutes", ["دقيقه", "دقائق", "دقايق"], ["دقيقتين", "دقيقتان"], ["minute", "minutes"]);
        Add("hour", UnitKind.Time, "hour", "hours", ["ساعه", "ساعات"], ["ساعتين", "ساعتان"], ["hour", "hours"]);
        Add("day", UnitKind.Time, "day", "days", ["يوم", "يوما", "ايام"], ["يومين", "يومان"], ["day", "days"]);
        Add("week", UnitKind.Time, "week", "weeks", ["اسبوع", "اسبوعا", "اسابيع"], ["اسبوعين", "اسبوعان"], ["week", "weeks"]);
        Add("month", UnitKind.Time, "month", "months", ["شهر", "شهرا", "اشهر", "شهور"], ["شهرين", "شهران"], ["month", "months"]);
        Add("year", UnitKind.Time, "year", "years", ["سنه", "سنوات", "سنين", "عام", "عاما", "اعوام"], ["سنتين", "عامين", "عامان", "سنتان"], ["year", "years"]);
        Add("decade", UnitKind.Time, "decade", "decades", ["عقد", "عقود"], ["عقدين"], ["decade", "decades"]);
        Add("dollar", UnitKind.Money, "dollar", "dollars", ["دولار", "دولارا", "دولارات"], [], ["dollar", "dollars", "usd", "$"]);
        Add("euro", UnitKind.Money, "euro", "euros", ["يورو"], [], ["euro", "euros"]);
        Add("pound", UnitKind.Money, "pound", "pounds", ["جنيه", "جنيها", "جنيهات", "استرليني"], [], ["pound", "pounds"]);
        Add("riyal", UnitKind.Money, "riyal", "riyals", ["ريال", "ريالا", "ريالات"], [], ["riyal", "riyals"]);
        Add("dirham", UnitKind.Money, "dirham", "dirhams", ["درهم", "درهما", "دراهم"], [], ["dirham", "dirhams"]);
        Add("dinar", UnitKind.Money, "dinar", "dinars", ["دينار", "دينارا", "دنانير"], [], ["dinar", "dinars"]);
        Add("lira", UnitKind.Money, "lira", "lira", ["ليره", "ليرات"], [], ["lira", "liras"]);
        Add("rouble", UnitKind.Money, "rouble", "roubles", ["روبل", "روبلا", "روبلات"], [], ["rouble", "roubles", "ruble", "rubles"]);
        Add("yuan", UnitKind.Money, "yuan", "yuan", ["يوان"], [], ["yuan"]);
        Add("kilometre", UnitKind.Distance, "kilometre", "kilometres", ["كيلومتر", "كيلومترا", "كيلومترات", "كلم"], [], ["kilometre", "kilometres", "kilometer", "kilometers", "km"]);
        Add("metre", UnitKind.Distance, "metre", "metres", ["متر", "مترا", "امتار"], ["مترين"], ["metre", "metres", "meter", "meters"]);
        Add("mile", UnitKind.Distance, "mile", "miles", ["ميل", "ميلا", "اميال"], [], ["mile", "miles"]);
        Add("percent", UnitKind.Percent, "percent", "percent", ["%", "بالمئه", "بالمائه"], [], ["percent", "per cent", "%"]);
        Add("person", UnitKind.Count, "person", "people", ["شخص", "شخصا", "اشخاص"], ["شخصين"], ["person", "people", "persons"]);
        Add("dead", UnitKind.Count, "dead", "dead", ["قتيل", "قتيلا", "قتلي"], ["قتيلين"], ["dead", "killed", "deaths", "died", "fatalities"]);
        Add("injured", UnitKind.Count, "injured", "injured", ["جريح", "جريحا", "جرحي", "مصاب", "مصابا", "مصابين", "اصابه", "اصابات"], [], ["injured", "wounded", "injuries"]);
        Add("soldier", UnitKind.Count, "soldier", "soldiers", ["جندي", "جنديا", "جنود"], ["جنديين"], ["soldier", "soldiers", "troops"]);
        Add("child", UnitKind.Count, "child", "children", ["طفل", "طفلا", "اطفال"], ["طفلين"], ["child", "children", "kids"]);
        Add("refugee", UnitKind.Count, "refugee", "refugees", ["لاجئ", "لاجيء", "لاجيا", "لاجئين", "لاجيين"], [], ["refugee", "refugees"]);
        Add("civilian", UnitKind.Count, "civilian", "civilians", ["مدني", "مدنيا", "مدنيين"], [], ["civilian", "civilians"]);
        Add("time", UnitKind.Count, "time", "times", ["مره", "مرات"], ["مرتين"], ["time", "times"]);
        Add("missile", UnitKind.Count, "missile", "missiles", ["صاروخ", "صاروخا", "صواريخ"], ["صاروخين"], ["missile", "missiles", "rocket", "rockets"]);
        Add("tonne", UnitKind.Count, "tonne", "tonnes", ["طن", "طنا", "اطنان"], [], ["ton", "tons", "tonne", "tonnes"]);
        Add("barrel", UnitKind.Count, "barrel", "barrels", ["برميل", "برميلا", "براميل"], [], ["barrel", "barrels"]);
        Add("seat", UnitKind.Count, "seat", "seats", ["مقعد", "مقعدا", "مقاعد"], [], ["seat", "seats"]);
        Add("vote", UnitKind.Count, "vote", "votes", ["صوت", "صوتا", "اصوات"], [], ["vote", "votes"]);
        Add("country", UnitKind.Count, "country", "countries", ["دوله", "دول"], ["دولتين"], ["country", "countries", "states", "nations"]);
        Add("goal", UnitKind.Count, "goal", "goals", ["هدف", "هدفا", "اهداف"], ["هدفين"], ["goal", "goals"]);
        Add("game", UnitKind.Count, "match", "matches", ["مباراه", "مباريات"], ["مباراتين"], ["match", "matches", "game", "games"]);
        Add("episode", UnitKind.Count, "episode", "episodes", ["حلقه", "حلقات"], ["حلقتين"], ["episode", "episodes"]);
        Add("film", UnitKind.Count, "film", "films", ["فيلم", "فيلما", "افلام"], ["فيلمين"], ["film", "films", "movie", "movies"]);
        Add("song", UnitKind.Count, "song", "songs", ["اغنيه", "اغاني", "اغان"], ["اغنيتين"], ["song", "songs"]);
        Add("member", UnitKind.Count, "member", "members", ["عضو", "عضوا", "اعضاء"], [], ["member", "members"]);
        Add("student", UnitKind.Count, "student", "students", ["طالب", "طالبا", "طلاب"], [], ["student", "students"]);
        Add("worker", UnitKind.Count, "worker", "workers", ["عامل", "عاملا", "عمال"], [], ["worker", "workers"]);
        Add("prisoner", UnitKind.Count, "prisoner", "prisoners", ["اسير", "اسيرا", "اسري", "سجين", "سجينا", "سجناء", "معتقل", "معتقلا", "معتقلين"], [], ["prisoner", "prisoners", "detainees"]);
        Add("migrant", UnitKind.Count, "migrant", "migrants", ["مهاجر", "مهاجرا", "مهاجرين"], [], ["migrant", "migrants"]);
        Add("aircraft", UnitKind.Count, "aircraft", "aircraft", ["طائره", "طائرات", "طايره", "طايرات"], ["طائرتين", "طايرتين"], ["plane", "planes", "aircraft", "jets"]);
        Add("vehicle", UnitKind.Count, "vehicle", "vehicles", ["سياره", "سيارات"], ["سيارتين"], ["car", "cars", "vehicle", "vehicles"]);
        Add("house", UnitKind.Count, "home", "homes", ["منزل", "منازل", "بيت", "بيوت"], [], ["house", "houses", "home", "homes"]);
    }

    private static void Add(string key, UnitKind kind, string singular, string plural, string[] arabic, string[] dual, string[] english)
    {
        var unit = new Unit(key, kind, singular, plural);
        foreach (var a in arabic) ByArabic[ArabicNormalizer.Normalize(a)] = unit;
        foreach (var d in dual) DualByArabic[ArabicNormalizer.Normalize(d)] = unit;
        foreach (var e in english) ByEnglish[e] = unit;
    }

    /// <summary>The unit a folded Arabic word names (after its particles are taken off), or an English word.</summary>
    public static Unit? Find(string folded)
    {
        if (ByEnglish.TryGetValue(folded, out var english)) return english;
        foreach (var form in Tokens.ArabicWordForms.Bases(folded))
            if (ByArabic.TryGetValue(form, out var unit)) return unit;
        return null;
    }

    /// <summary>The dual nouns' folded forms, every word <see cref="FindDual"/> finds a unit for once its particles are off.</summary>
    internal static IEnumerable<string> DualWords => DualByArabic.Keys;

    /// <summary>The unit of a dual noun («ساعتين», «يومين»), which counts two of it without a number word.</summary>
    public static Unit? FindDual(string folded)
    {
        foreach (var form in Tokens.ArabicWordForms.Bases(folded))
            if (DualByArabic.TryGetValue(form, out var unit)) return unit;
        return null;
    }
}
