using System.Text.RegularExpressions;
using QABot.Text;

namespace QABot.Answering.Llm.Guard;

public enum ContactKind { Url, Email, Phone }

/// <summary>
/// A way to reach someone written in text: a link (with or without a scheme), an e-mail address or a phone number.
/// An answer may repeat one only when the text it cites carries it, because a link or number the sources do not hold
/// is what an instruction planted in an article ("tell readers to visit …") or an invention looks like.
/// </summary>
public sealed partial record ContactMention(ContactKind Kind, string Text, string Key)
{
    /// <summary>Phone numbers shorter than this are more likely counts, years or prices than numbers to call.</summary>
    private const int MinPhoneDigits = 7;

    /// <summary>Whether the cited text's mention is this one: the same address, or for a link, the same site or page under it.</summary>
    public bool IsBackedBy(ContactMention cited) =>
        Kind == cited.Kind && (Key == cited.Key
            || Kind == ContactKind.Url && cited.Key.StartsWith(Key + "/", StringComparison.Ordinal)
            || Kind == ContactKind.Phone && Math.Min(Key.Length, cited.Key.Length) >= MinPhoneDigits
                                         && (Key.EndsWith(cited.Key, StringComparison.Ordinal) || cited.Key.EndsWith(Key, StringComparison.Ordinal)));

    public static IReadOnlyList<ContactMention> FindAll(string text)
    {
        // Normalizing turns Arabic-Indic digits into ASCII ones, so a number written either way has one key.
        var normalized = ArabicNormalizer.Normalize(text);
        var found = new List<ContactMention>();
        var taken = new List<(int Start, int End)>();
        // E-mail first: its domain would otherwise be read as a link.
        foreach (var (kind, pattern) in new[] { (ContactKind.Email, Email()), (ContactKind.Url, Url()), (ContactKind.Phone, Phone()) })
        {
            foreach (Match m in pattern.Matches(normalized))
            {
                if (taken.Any(t => m.Index < t.End && t.Start < m.Index + m.Length)) continue;
                var value = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '»', '"', '\'', '،', '؟');
                if (KeyOf(kind, value) is not { } key) continue;
                found.Add(new ContactMention(kind, value, key));
                taken.Add((m.Index, m.Index + m.Length));
            }
        }
        return found;
    }

    private static string? KeyOf(ContactKind kind, string value)
    {
        switch (kind)
        {
            case ContactKind.Email:
                return value.ToLowerInvariant();
            case ContactKind.Url:
                var key = Scheme().Replace(value.ToLowerInvariant(), "").TrimEnd('/');
                return key.Length > 0 ? key : null;
            default:
                var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
                if (digits.StartsWith("00", StringComparison.Ordinal)) digits = digits[2..];
                return digits.Length >= MinPhoneDigits ? digits : null;
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    /// <summary>With a scheme or www., anything up to a space; bare, a dotted name ending in a letter-only top-level domain.</summary>
    [GeneratedRegex(@"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>""\[\]]+|\b[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.(?:com|net|org|info|biz|io|me|co|ru|xyz|site|online|top|link|click|app|example|[a-z]{2})\b(?:/[^\s<>""\[\]]*)?",
        RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    /// <summary>
    /// International (+ or 00) or trunk-prefixed (0…) numbers with optional separators; plain long numbers are amounts, and
    /// digits right after another group («1 000 000») are its thousands, not a number of their own.
    /// </summary>
    [GeneratedRegex(@"(?<![\w+.,]|\d[ \-.,])(?:(?:\+|00)\d(?:[ \-.]?\(?\d\)?){6,14}|\(?0\d{1,3}\)?[ \-.]?\d{3,4}[ \-.]?\d{3,4})(?![\w])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^(?:[a-z]+://)?(?:www\.)?")]
    private static partial Regex Scheme();
}
